import NewsletterCore

/// `image-alt-text`: an image without alt text.
public struct ImageAltTextRule: Rule {
    /// Creates the rule.
    public init() {}

    public static let description = RuleDescription(
        id: "image-alt-text",
        name: "Image alt text",
        summary: "Images have alt text.",
        rationale: "Many mail clients block images by default and show the alt text instead; screen readers read it aloud.",
        category: .accessibility,
        defaultSeverity: .warning,
        nonTriggeringExamples: [
            "# Notes\n\n![A chart of signups by week](https://cdn.acme.dev/chart.png)\n",
        ],
        triggeringExamples: [
            "# Notes\n\n↓![](https://cdn.acme.dev/chart.png)\n\nText ↓![ ](https://cdn.acme.dev/b.png) here.\n",
        ]
    )

    public func check(_ context: CheckContext) -> [Diagnostic] {
        LinkSelection.links(context).compactMap { link in
            guard link.kind == .image, link.text.allSatisfy(\.isWhitespace) else { return nil }
            return context.diagnostic("image '\(link.destination)' has no alt text", at: LinkSelection.range(of: link, context))
        }
    }
}
