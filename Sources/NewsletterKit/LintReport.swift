/// What checking one draft found, with everything a reporter needs to show it.
public struct LintReport: Sendable {
    /// The draft's text, for printing source lines under diagnostics.
    public var source: SourceText
    /// The format the draft was read as.
    public var format: String
    /// The draft as decoded.
    public var issue: Issue
    /// The diagnostics, sorted by position.
    public var diagnostics: [Diagnostic]

    /// Creates a report.
    public init(source: SourceText, format: String, issue: Issue, diagnostics: [Diagnostic]) {
        self.source = source
        self.format = format
        self.issue = issue
        self.diagnostics = diagnostics
    }

    /// The most serious severity reported, or `nil` when there is nothing.
    public var highestSeverity: Severity? { diagnostics.map(\.severity).max() }
}
