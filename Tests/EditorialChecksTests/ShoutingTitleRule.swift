import EditorialChecks
import NewsletterCore

/// A rule as a third party writes one, for tests of registration and verification.
struct ShoutingTitleRule: Rule {
    static let description = RuleDescription(
        id: "shouting-title", name: "Shouting title",
        summary: "The title is not written in capitals.",
        rationale: "Capitals read as shouting in an inbox.",
        category: .style, defaultSeverity: .warning,
        nonTriggeringExamples: ["# Weekly notes\n"],
        triggeringExamples: ["# ↓WEEKLY NOTES\n"]
    )

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let title = context.issue.title, title == title.uppercased(), title != title.lowercased(),
              let start = context.source.text.utf8.firstRange(of: title.utf8)?.lowerBound
        else { return [] }
        let offset = context.source.text.utf8.distance(from: context.source.text.utf8.startIndex, to: start)
        return [context.diagnostic("the title is in capitals", at: context.range(offset..<(offset + title.utf8.count)))]
    }
}
