import NewsletterCore

/// `duplicate-link`: the same destination linked more than once.
public struct DuplicateLinkRule: Rule {
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
        var first: [String: SourceRange?] = [:]
        // Most destinations are linked once: sized up front, the table is never rehashed while it fills.
        first.reserveCapacity(LinkSelection.links(context).count)
        var diagnostics: [Diagnostic] = []
        for (link, placeholder) in LinkSelection.linksWithDestinationPlaceholders(context) where link.kind != .image {
            guard placeholder == nil else { continue }
            guard let original = first[link.destination] else {
                let firstRange: SourceRange? = link.destinationRange ?? link.range
                first[link.destination] = .some(firstRange)
                continue
            }
            diagnostics.append(context.diagnostic(
                "'\(link.destination)' is already linked",
                at: LinkSelection.destinationRange(of: link, context),
                notes: [DiagnosticNote("first linked here", range: original)]
            ))
        }
        return diagnostics
    }
}
