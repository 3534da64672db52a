import EditorialChecks
import NewsletterCore

/// One checked file as the reporters receive it: its diagnostics, sorted by position, and the source they point into.
public struct CheckedFile: Sendable {
    /// The path shown in the report, as the user gave it (`drafts/issue-12.md`).
    public var path: String
    /// The text the diagnostics' positions point into; the text format shows lines of it.
    public var source: SourceText
    /// The diagnostics, kept compactly and made one at a time as they are reported.
    package private(set) var store: DiagnosticStore

    /// The diagnostics, sorted by position (as `EditorialChecker` returns them).
    public var diagnostics: [Diagnostic] {
        get { Array(store) }
        set { store = DiagnosticStore(newValue) }
    }

    /// Creates a checked file.
    public init(path: String, source: SourceText, diagnostics: [Diagnostic]) {
        self.init(path: path, source: source, store: DiagnosticStore(diagnostics))
    }

    /// Creates a checked file whose diagnostics are read from `store` as they are reported.
    package init(path: String, source: SourceText, store: DiagnosticStore) {
        self.path = path
        self.source = source
        self.store = store
    }

    /// The diagnostics as reported problems, each sharing this file's path and source.
    var problems: some Sequence<ReportedProblem> {
        store.lazy.map { [path, source] in ReportedProblem(file: path, diagnostic: $0, source: source) }
    }
}
