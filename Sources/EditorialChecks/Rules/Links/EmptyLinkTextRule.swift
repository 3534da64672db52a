import NewsletterCore

/// `empty-link-text`: a link with nothing to click on.
public struct EmptyLinkTextRule: Rule {
    /// Creates the rule.
    public init() {}

    public static let description = RuleDescription(
        id: "empty-link-text",
        name: "Empty link text",
        summary: "Links have visible text.",
        rationale: "A link without text is invisible to readers and announced as a bare URL, or not at all, by screen readers.",
        category: .accessibility,
        defaultSeverity: .warning,
        nonTriggeringExamples: [
            "# Notes\n\nRead [the guide](https://docs.acme.dev/guide) or <https://acme.dev>.\n",
            "# Notes\n\n[![The logo](https://cdn.acme.dev/logo.png)](https://acme.dev)\n",
        ],
        triggeringExamples: [
            "# Notes\n\nRead ↓[](https://docs.acme.dev/guide) and ↓[ <u></u> ](https://acme.dev).\n",
        ]
    )

    public func check(_ context: CheckContext) -> [Diagnostic] {
        LinkSelection.links(context).compactMap { link in
            guard link.kind == .inline || link.kind == .reference,
                  link.text.allSatisfy(\.isWhitespace),
                  !(link.range.map { context.source[$0].contains("![") } ?? false)
            else { return nil }
            return context.diagnostic("link to '\(link.destination)' has no text", at: LinkSelection.range(of: link, context))
        }
    }
}
