import NewsletterCore

/// One problem found in a draft: which rule, how serious, what, exactly where, and how to fix it.
///
/// Everything a reporter needs is here and `Codable`: the command-line tool renders diagnostics as
/// compiler-style text, JSON, SARIF or GitHub annotations without asking the rules again.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The rule's stable identifier (`mojibake`, `placeholder-link`).
    public var ruleID: String
    /// The effective severity, after configuration.
    public var severity: Severity
    /// One line, lower-case first word, no final period: `UTF-8 read as Mac OS Roman: 'ü§å' should be '🤌'`.
    public var message: String
    /// The text the diagnostic is about; empty when it is about a missing thing at a place.
    public var range: SourceRange
    /// Related places and explanations.
    public var notes: [DiagnosticNote]
    /// A repair, if the rule knows one.
    public var fix: Fix?

    /// Creates a diagnostic.
    public init(
        ruleID: String,
        severity: Severity,
        message: String,
        range: SourceRange,
        notes: [DiagnosticNote] = [],
        fix: Fix? = nil
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.range = range
        self.notes = notes
        self.fix = fix
    }

    /// `line:column: severity: message [rule-id]`.
    public var description: String { "\(range.start): \(severity.rawValue): \(message) [\(ruleID)]" }
}
