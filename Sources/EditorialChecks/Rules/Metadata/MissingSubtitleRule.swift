import NewsletterCore

/// `missing-subtitle`: the draft has no subtitle.
public struct MissingSubtitleRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's identity, documentation and examples.
    public static let description = RuleDescription(
        id: "missing-subtitle",
        name: "Missing subtitle",
        summary: "The draft has a subtitle (the preview line under the title).",
        rationale: "Inboxes show the subtitle as the preview text; without one they show whatever text comes first.",
        category: .metadata,
        defaultSeverity: .warning,
        nonTriggeringExamples: [
            "# Weekly Notes\n\n### PLUS: three tools we liked\n\nHello, readers.\n",
            RuleExample("---\ntitle: Weekly Notes\ndescription: Three tools we liked\n---\n\nHello.\n", format: "front-matter"),
        ],
        triggeringExamples: [
            "# Weekly Notes\n↓\nHello, readers.\n",
            RuleExample("---\ntitle: Weekly Notes\n↓---\n\nHello.\n", format: "front-matter"),
        ]
    )

    /// Finds the problems this rule is about in one draft.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard MetadataPresence.isBlank(context.issue.subtitle) else { return [] }
        return [context.diagnostic("the draft has no subtitle", at: context.metadataInsertionPoint)]
    }
}
