import NewsletterCore

/// `image-alt-text`: an image without alt text.
public struct ImageAltTextRule: Rule, StreamedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's identity, documentation and examples.
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

    /// Finds the problems this rule is about in one draft.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        collected(context)
    }

    package func check(_ context: CheckContext, reporting report: (Diagnostic) -> Void) {
        let links = LinkSelection.links(context)
        for index in links.indices where links[index].kind == .image && LinkSelection.isBlank(links[index].text) {
            report(context.diagnostic(
                "image '\(links[index].destination)' has no alt text", at: LinkSelection.range(of: index, in: links, context)
            ))
        }
    }
}
