import NewsletterCore

/// `empty-link-text`: a link with nothing to click on.
public struct EmptyLinkTextRule: Rule, StreamedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's identity, documentation and examples.
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

    /// Finds the problems this rule is about in one draft.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        collected(context)
    }

    package func check(_ context: CheckContext, reporting report: (Diagnostic) -> Void) {
        let links = LinkSelection.links(context)
        for index in links.indices where LinkSelection.hasWrittenText(index, in: links) {
            guard LinkSelection.isBlank(links[index].text),
                  // An image inside the link speaks for it.
                  !(links[index].range.map { context.source[$0].contains(links[index].kind == .html ? "<img" : "![") } ?? false)
            else { continue }
            report(context.diagnostic(
                "link to '\(links[index].destination)' has no text", at: LinkSelection.range(of: index, in: links, context)
            ))
        }
    }
}
