import NewsletterCore

/// A diagnostic read in place from a ``DiagnosticStore``: its text is the store's own bytes, so a reporter writes it
/// without making a `String` (nor the fix's edits, which text output does not show).
///
/// Valid only inside the call that hands it over (``DiagnosticStore/withStored(at:_:)``), as its bytes are.
package struct StoredDiagnostic {
    /// A fix as text output shows it: its summary and whether it is safe.
    package struct FixSummary {
        package var summary: UnsafeBufferPointer<UInt8>
        package var isSafe: Bool
    }

    package var ruleID: String
    package var severity: Severity
    /// The message's UTF-8 bytes.
    package var message: UnsafeBufferPointer<UInt8>
    package var range: SourceRange
    package var fix: FixSummary?

    /// Calls `body` with `diagnostic` read in place, for output written one diagnostic at a time.
    package static func with<Result>(_ diagnostic: Diagnostic, _ body: (StoredDiagnostic) throws -> Result) rethrows -> Result {
        try DiagnosticStore(CollectionOfOne(diagnostic)).withStored(at: 0, body)
    }
}
