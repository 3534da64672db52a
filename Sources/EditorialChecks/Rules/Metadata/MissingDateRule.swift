import NewsletterCore

/// `missing-date`: the draft has no publication date, or one that is not a date.
public struct MissingDateRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's identity, documentation and examples.
    public static let description = RuleDescription(
        id: "missing-date",
        name: "Missing date",
        summary: "The draft has a publication date that reads as a date.",
        rationale: "Archives, feeds and site generators sort issues by date; a missing or misspelled date puts an issue in the wrong place or nowhere.",
        category: .metadata,
        defaultSeverity: .warning,
        nonTriggeringExamples: [
            RuleExample(MetadataExamples.completeBeehiivHeader),
            RuleExample("---\ntitle: Weekly Notes\ndate: 2024-02-16\n---\n\nHello.\n", format: "front-matter"),
        ],
        triggeringExamples: [
            "# Weekly Notes\n↓\nHello, readers.\n",
            RuleExample("---\ntitle: Weekly Notes\ndate: ↓Febuary 16, 2024\n---\n\nHello.\n", format: "front-matter", testsMultiByteOffsets: false),
        ]
    )

    /// Finds the problems this rule is about in one draft.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard let date = context.issue.date, !MetadataPresence.isBlank(date.text) else {
            return [context.diagnostic("the draft has no publication date", at: context.metadataInsertionPoint)]
        }
        guard date.date == nil else { return [] }
        let range = context.source.text.utf8.firstRange(of: date.text.utf8).map {
            let start = context.source.text.utf8.distance(from: context.source.text.utf8.startIndex, to: $0.lowerBound)
            return context.range(start..<start + date.text.utf8.count)
        } ?? context.metadataInsertionPoint
        return [context.diagnostic("the publication date '\(date.text)' is not a date", at: range)]
    }
}
