import NewsletterCore

/// `duplicate-link`: the same destination linked more than once.
public struct DuplicateLinkRule: Rule, StreamedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's identity, documentation and examples.
    public static let description = RuleDescription(
        id: "duplicate-link",
        name: "Duplicate link",
        summary: "Each destination is linked once.",
        rationale: "A destination linked twice is often a copy-paste slip where a different link was meant; click statistics split between the two.",
        category: .links,
        defaultSeverity: .info,
        nonTriggeringExamples: [
            "# Notes\n\nRead [the guide](https://docs.acme.dev/guide) and [the blog](https://acme.dev/blog).\n\n![Logo](https://acme.dev/blog)\n",
        ],
        triggeringExamples: [
            "# Notes\n\nRead [the guide](https://docs.acme.dev/guide).\n\n## **Tools**\n\n- Guide - ([<u>link</u>](↓https://docs.acme.dev/guide))\n",
        ]
    )

    /// Finds the problems this rule is about in one draft.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        collected(context)
    }

    package func check(_ context: CheckContext, reporting report: (Diagnostic) -> Void) {
        let links = LinkSelection.links(context)
        let placeholders = LinkSelection.destinationPlaceholders(context)
        var first = FirstLinkTable(for: links)
        for index in links.indices where links[index].kind != .image && placeholders[index] == nil {
            guard let original = first.firstIndex(insertingIfNew: index, of: links) else { continue }
            report(context.diagnostic(
                "'\(links[index].destination)' is already linked",
                at: LinkSelection.destinationRange(of: index, in: links, context),
                notes: [DiagnosticNote("first linked here", range: links[original].destinationRange ?? links[original].range)]
            ))
        }
    }
}
