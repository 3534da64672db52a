import NewsletterCore

/// What a rule sees while checking one draft: the text, the decoded issue, the format, the
/// configuration, and its own effective severity and options.
public struct CheckContext: Sendable {
    /// What the rules of one check share: made once per check, so that the context of each rule holds one reference to
    /// it, not a copy of every reference that the issue, the configuration and the tree hold (retaining and releasing
    /// those for each rule of each draft took a fortieth of a folder's check).
    package final class Check: Sendable {
        let source: SourceText
        let issue: Issue
        let format: String
        let textKind: TextKind
        let configuration: LintConfiguration
        let markdown: MarkdownTree?
        let metadataInsertionOffset: Int?
        let declaredProseRanges: [Range<Int>]?
        let linkFacts: LinkFacts

        /// The check of `draft` decoded from `source`, its link rules sharing `linkFacts`.
        package init(source: SourceText, draft: DecodedDraft, format: String, configuration: LintConfiguration, linkFacts: LinkFacts) {
            self.source = source
            self.issue = draft.issue
            self.markdown = draft.markdown
            self.metadataInsertionOffset = draft.metadataInsertionOffset
            self.textKind = draft.textKind
            self.declaredProseRanges = draft.declaredProseRanges
            self.format = format
            self.configuration = configuration
            self.linkFacts = linkFacts
        }
    }

    private let check: Check
    /// The draft's text; every range a rule reports points into it.
    public var source: SourceText { check.source }
    /// The draft as the format adapter decoded it.
    public var issue: Issue { check.issue }
    /// The format identifier (`beehiiv`, `front-matter`, `json`), for messages and reports. Rules decide what applies
    /// from ``textKind``, never from the format's name.
    public var format: String { check.format }
    /// What the draft's text is, as its adapter declared it (`DecodedDraft.textKind`); the engine
    /// has already skipped the rules whose ``RuleDescription/textKinds`` do not include it.
    public var textKind: TextKind { check.textKind }
    /// The whole configuration (required sections, link policy, other rules' settings).
    public var configuration: LintConfiguration { check.configuration }
    /// The Markdown syntax tree the issue was derived from, `nil` for formats without Markdown prose (then no rule
    /// about how Markdown is written looks at the text).
    public var markdown: MarkdownTree? { check.markdown }
    /// Where a missing metadata field would be written (see `DecodedDraft.metadataInsertionOffset`).
    public var metadataInsertionOffset: Int? { check.metadataInsertionOffset }
    /// The rule being run.
    public var rule: RuleDescription { inEffect.description }
    /// The rule's effective severity.
    public var severity: Severity { inEffect.severity }
    /// The rule's options, configured or default.
    public var options: RuleOptions { inEffect.options }
    private let inEffect: RuleInEffect

    /// A rule as a configuration runs it. One object, shared by the contexts of the rule for every draft: a context
    /// that held the description and options itself retained a dozen strings and arrays each time it was made, and
    /// the threads checking a folder's drafts contended for their reference counts.
    package final class RuleInEffect: Sendable {
        let description: RuleDescription
        let severity: Severity
        let options: RuleOptions

        package init(_ description: RuleDescription, severity: Severity, options: RuleOptions) {
            self.description = description
            self.severity = severity
            self.options = options
        }
    }
    /// What the link rules of this check share, so that each link is looked at once per check.
    package var linkFacts: LinkFacts { check.linkFacts }

    /// Creates a context for one rule; the engine does this, tests of a single rule may too.
    public init(
        source: SourceText,
        draft: DecodedDraft,
        format: String,
        configuration: LintConfiguration,
        rule: RuleDescription
    ) {
        self.init(source: source, draft: draft, format: format, configuration: configuration, rule: rule, linkFacts: LinkFacts())
    }

    /// Creates a context for one rule of a check whose rules share `linkFacts`.
    package init(
        source: SourceText,
        draft: DecodedDraft,
        format: String,
        configuration: LintConfiguration,
        rule: RuleDescription,
        linkFacts: LinkFacts
    ) {
        self.init(Check(source: source, draft: draft, format: format, configuration: configuration, linkFacts: linkFacts), rule: rule)
    }

    /// Creates a context for one rule of `check`.
    package init(_ check: Check, rule: RuleDescription) {
        let inEffect = RuleInEffect(rule, severity: check.configuration.severity(of: rule), options: check.configuration.options(of: rule))
        self.init(check, rule: inEffect)
    }

    /// A context whose rule's severity and options are already known.
    package init(_ check: Check, rule: RuleInEffect) {
        self.check = check
        self.inEffect = rule
    }

    /// A diagnostic of this rule at its effective severity.
    public func diagnostic(_ message: String, at range: SourceRange, notes: [DiagnosticNote] = [], fix: Fix? = nil) -> Diagnostic {
        Diagnostic(ruleID: inEffect.description.id, severity: inEffect.severity, message: message, range: range, notes: notes, fix: fix)
    }

    /// The UTF-8 ranges of ``source`` that hold prose, sorted and not overlapping
    /// (`DecodedDraft.proseRanges`): for Markdown the text outside code, HTML and link destinations;
    /// for `TextKind.markdownInStrings` the content of the prose strings as written in the file
    /// (read one decoded with `EscapedText(decoding:in:)`, and report at its `sourceRange(ofDecoded:)`).
    ///
    /// ```swift
    /// for range in context.proseRanges {
    ///     let text = context.source.slice(range)
    ///     // ... find a phrase in `text`, report at context.range(...)
    /// }
    /// ```
    public var proseRanges: [Range<Int>] {
        check.declaredProseRanges ?? check.markdown?.proseRanges ?? []
    }

    /// Calls `body` with each of ``proseRanges`` in order, without listing the Markdown tree's.
    package func forEachProseRange(_ body: (Range<Int>) throws -> Void) rethrows {
        if let declared = check.declaredProseRanges {
            try declared.forEach(body)
        } else {
            try check.markdown?.forEachProseRange(body)
        }
    }

    /// The range of the given UTF-8 offsets in ``source``.
    public func range(_ offsets: Range<Int>) -> SourceRange {
        source.range(utf8Offsets: offsets)
    }

    /// An empty range at the start of the file, for things missing from the whole draft.
    public var startOfFile: SourceRange {
        source.range(utf8Offsets: 0..<0)
    }

    /// An empty range where a missing metadata field (title, date, author) would be written: in the front matter,
    /// after the header lines of an export; the start of the file when the format says nothing.
    public var metadataInsertionPoint: SourceRange {
        let offset = min(max(metadataInsertionOffset ?? 0, 0), source.utf8Count)
        return source.range(utf8Offsets: offset..<offset)
    }
}
