import EditorialChecks
import NewsletterCore

/// A rule of the tests' own, standing for a third party's: a title written in capitals, reported on the first line
/// (where `NotesAdapter` keeps the title) with a safe fix that writes it in sentence case.
struct ShoutingTitleRule: Rule {
    static let description = RuleDescription(
        id: "shouting-title",
        name: "Shouting title",
        summary: "The title is not written in capitals.",
        rationale: "Capitals read as shouting in an inbox.",
        category: .style,
        defaultSeverity: .warning,
        fixSafety: .safe
    )

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let title = context.issue.title, title == title.uppercased(), title != title.lowercased() else { return [] }
        let range = context.range(context.source.lineOffsets(1))
        let calm = String(title.prefix(1)) + title.dropFirst().lowercased()
        let fix = Fix(summary: "write '\(calm)'", edits: [TextEdit(range: range, replacement: calm)], safety: .safe)
        return [context.diagnostic("the title is in capitals", at: range, fix: fix)]
    }
}
