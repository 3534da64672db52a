import EditorialChecks

/// Counts of what a report showed, kept while it streams: the text summary and the exit status need nothing more.
public struct ProblemTally: Sendable, Equatable {
    /// Problems of severity error.
    public var errors = 0
    /// Problems of severity warning.
    public var warnings = 0
    /// Problems of severity info.
    public var infos = 0
    /// Problems with a safe fix, which `fix` applies.
    public var fixable = 0
    /// Files counted, with or without problems.
    public var checkedFiles = 0

    /// An empty tally.
    public init() {}

    /// Counts one checked file and its diagnostics.
    public mutating func count(_ diagnostics: [Diagnostic]) {
        count(DiagnosticStore.Counts(diagnostics))
    }

    /// Counts one checked file from its diagnostics' counts.
    package mutating func count(_ counts: DiagnosticStore.Counts) {
        checkedFiles += 1
        errors += counts.errors
        warnings += counts.warnings
        infos += counts.infos
        fixable += counts.safeFixes
    }

    /// Counts one checked file and its diagnostics.
    package mutating func count(_ file: CheckedFile) {
        count(file.store.counts)
    }

    /// Whether some problem is at least as severe as `severity`.
    public func contains(atLeast severity: Severity) -> Bool {
        switch severity {
        case .error: errors > 0
        case .warning: errors + warnings > 0
        case .info: errors + warnings + infos > 0
        }
    }
}
