import NewsletterCore

/// `missing-title`: the draft has no title.
public struct MissingTitleRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's identity, documentation and examples.
    public static let description = RuleDescription(
        id: "missing-title",
        name: "Missing title",
        summary: "The draft has a title.",
        rationale: "The title becomes the email subject and the web page title; a draft without one cannot be sent as is.",
        category: .metadata,
        defaultSeverity: .error,
        nonTriggeringExamples: [
            "# Weekly Notes\n\nHello, readers.\n",
            RuleExample("---\ntitle: Weekly Notes\n---\n\nHello, readers.\n", format: "front-matter"),
        ],
        triggeringExamples: [
            "↓Hello, readers.\n\n## **Cool Tools**\n\nA list.\n",
            RuleExample("---\nslug: weekly-notes\n↓---\n\nHello, readers.\n", format: "front-matter"),
        ]
    )

    /// Finds the problems this rule is about in one draft.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard MetadataPresence.isBlank(context.issue.title) else { return [] }
        return [context.diagnostic("the draft has no title", at: context.metadataInsertionPoint)]
    }
}
