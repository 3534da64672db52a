import EditorialChecks
import NewsletterCore

/// One checked file as the reporters receive it: its diagnostics, sorted by position, and the source they point into.
public struct CheckedFile: Sendable {
    /// The path shown in the report, as the user gave it (`drafts/issue-12.md`).
    public var path: String
    /// The text the diagnostics' positions point into; the text format shows lines of it.
    public var source: SourceText
    /// The diagnostics, sorted by position (as `EditorialChecker` returns them).
    public var diagnostics: [Diagnostic]

    /// Creates a checked file.
    public init(path: String, source: SourceText, diagnostics: [Diagnostic]) {
        self.path = path
        self.source = source
        self.diagnostics = diagnostics
    }

    /// The diagnostics as reported problems, each sharing this file's path and source.
    var problems: some Sequence<ReportedProblem> {
        diagnostics.lazy.map { [path, source] in ReportedProblem(file: path, diagnostic: $0, source: source) }
    }
}
