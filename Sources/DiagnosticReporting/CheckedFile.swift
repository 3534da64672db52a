import EditorialChecks
import NewsletterCore

/// One checked file as the reports receive it: its diagnostics, sorted by position, and the source they point into.
struct CheckedFile: Sendable {
    var path: String
    var source: SourceText
    var diagnostics: [Diagnostic]

    /// The diagnostics as reported problems, each sharing this file's path and source.
    var problems: some Sequence<ReportedProblem> {
        diagnostics.lazy.map { [path, source] in ReportedProblem(file: path, diagnostic: $0, source: source) }
    }
}
