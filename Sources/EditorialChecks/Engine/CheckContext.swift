import NewsletterCore

/// What a rule sees while checking one draft: the text, the decoded issue, the format, the
/// configuration, and its own effective severity and options.
public struct CheckContext: Sendable {
    /// The draft's text; every range a rule reports points into it.
    public let source: SourceText
    /// The draft as the format adapter decoded it.
    public let issue: Issue
    /// The format identifier (`beehiiv`, `front-matter`, `json`).
    public let format: String
    /// The whole configuration (required sections, link policy, other rules' settings).
    public let configuration: LintConfiguration
    /// Which lines are Markdown prose.
    public let layout: MarkdownLayout
    /// The rule being run.
    public let rule: RuleDescription
    /// The rule's effective severity.
    public let severity: Severity
    /// The rule's options, configured or default.
    public let options: RuleOptions

    /// Creates a context for one rule; the engine does this, tests of a single rule may too.
    public init(
        source: SourceText,
        issue: Issue,
        format: String,
        configuration: LintConfiguration,
        layout: MarkdownLayout,
        rule: RuleDescription
    ) {
        self.source = source
        self.issue = issue
        self.format = format
        self.configuration = configuration
        self.layout = layout
        self.rule = rule
        self.severity = configuration.severity(of: rule)
        self.options = configuration.options(of: rule)
    }

    /// A diagnostic of this rule at its effective severity.
    public func diagnostic(_ message: String, at range: SourceRange, notes: [DiagnosticNote] = [], fix: Fix? = nil) -> Diagnostic {
        Diagnostic(ruleID: rule.id, severity: severity, message: message, range: range, notes: notes, fix: fix)
    }

    /// The range of the given UTF-8 offsets in ``source``.
    public func range(_ offsets: Range<Int>) -> SourceRange {
        source.range(utf8Offsets: offsets)
    }

    /// An empty range at the start of the file, for things missing from the whole draft.
    public var startOfFile: SourceRange {
        source.range(utf8Offsets: 0..<0)
    }
}
