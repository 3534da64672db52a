import NewsletterCore

/// `missing-author`: the draft names no author.
public struct MissingAuthorRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's identity, documentation and examples.
    public static let description = RuleDescription(
        id: "missing-author",
        name: "Missing author",
        summary: "The draft names its author.",
        rationale: "Readers trust a newsletter signed by a person; publishing tools need the author for the byline and the feed.",
        category: .metadata,
        defaultSeverity: .warning,
        nonTriggeringExamples: [
            RuleExample(MetadataExamples.completeBeehiivHeader),
            RuleExample("---\ntitle: Weekly Notes\nauthors: [Ada Lovelace]\n---\n\nHello.\n", format: "front-matter"),
        ],
        triggeringExamples: [
            "# Weekly Notes\n↓\nHello, readers.\n",
            RuleExample("---\ntitle: Weekly Notes\nauthor: ''\n↓---\n\nHello.\n", format: "front-matter"),
        ]
    )

    /// Finds the problems this rule is about in one draft.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard context.issue.authors.allSatisfy({ MetadataPresence.isBlank($0) }) else { return [] }
        return [context.diagnostic("the draft names no author", at: context.metadataInsertionPoint)]
    }
}
