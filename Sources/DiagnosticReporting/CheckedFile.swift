import EditorialChecks
import NewsletterCore

/// One checked file as the reporters receive it: its diagnostics, sorted by position, and the source they point into.
public struct CheckedFile: Sendable {
    /// The diagnostics as given, or as the command-line tool keeps them (compactly, read back one at a time).
    private enum Diagnostics: Sendable {
        case values([Diagnostic])
        case stored(DiagnosticStore)
    }

    /// The path shown in the report, as the user gave it (`drafts/issue-12.md`).
    public var path: String
    /// The text the diagnostics' positions point into; the text format shows lines of it.
    public var source: SourceText
    private var held: Diagnostics

    /// The diagnostics, sorted by position (as `EditorialChecker` returns them).
    public var diagnostics: [Diagnostic] {
        get {
            switch held {
            case .values(let values): values
            case .stored(let store): Array(store)
            }
        }
        set { held = .values(newValue) }
    }

    /// Creates a checked file.
    public init(path: String, source: SourceText, diagnostics: [Diagnostic]) {
        self.path = path
        self.source = source
        self.held = .values(diagnostics)
    }

    /// Creates a checked file whose diagnostics are read from `store` as they are reported.
    package init(path: String, source: SourceText, store: DiagnosticStore) {
        self.path = path
        self.source = source
        self.held = .stored(store)
    }

    /// The diagnostics in order, each made only when it is reached.
    package var eachDiagnostic: AnySequence<Diagnostic> {
        switch held {
        case .values(let values): AnySequence(values)
        case .stored(let store): AnySequence(store)
        }
    }

    /// How many diagnostics have each severity, and how many carry a safe fix.
    package var counts: DiagnosticStore.Counts {
        switch held {
        case .values(let values): DiagnosticStore.Counts(values)
        case .stored(let store): store.counts
        }
    }

    /// The diagnostics as reported problems, each sharing this file's path and source.
    var problems: some Sequence<ReportedProblem> {
        eachDiagnostic.lazy.map { [path, source] in ReportedProblem(file: path, diagnostic: $0, source: source) }
    }
}
