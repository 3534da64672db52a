import NewsletterCore

/// The rule engine: runs the enabled rules over a decoded draft, honours inline suppressions, and
/// applies fixes until the draft is stable.
///
/// ```swift
/// let checker = EditorialChecker(configuration: configuration)
/// let diagnostics = checker.check(source, draft: try adapter.decodeDraft(source), format: adapter.identifier)
/// ```
///
/// The engine knows no format: fixing re-reads the edited text through the `decode` closure it is given.
/// `NewsletterKit`'s `NewsletterLint` supplies the standard adapters.
public struct EditorialChecker: Sendable {
    /// The most passes ``fix(_:format:minimumSafety:maximumPasses:decode:)`` makes by default.
    public static let defaultMaximumPasses = 8

    /// The rules available.
    public var registry: RuleRegistry {
        didSet { plan = Self.plan(registry: registry, configuration: configuration) }
    }
    /// How they run.
    public var configuration: LintConfiguration {
        didSet { plan = Self.plan(registry: registry, configuration: configuration) }
    }
    /// The enabled offline rules and custom rules, in the order they run, each with its severity and options: found
    /// once per checker, since looking them up for every rule of every draft cost a draft of a folder more than
    /// several of its rules.
    private var plan: [PlannedRule]

    /// An enabled rule as the checker runs it: an object, so that running it for a draft retains one reference,
    /// not each of its description's strings and arrays (which the threads checking a folder's drafts contended for).
    private final class PlannedRule: Sendable {
        enum Check: Sendable {
            case rule(any Rule, streamed: (any StreamedRule)?)
            case custom(CustomRule)
        }

        let check: Check
        let inEffect: CheckContext.RuleInEffect

        init(check: Check, inEffect: CheckContext.RuleInEffect) {
            self.check = check
            self.inEffect = inEffect
        }
    }

    /// Creates a checker.
    public init(registry: RuleRegistry = .builtIn, configuration: LintConfiguration = LintConfiguration()) {
        self.registry = registry
        self.configuration = configuration
        self.plan = Self.plan(registry: registry, configuration: configuration)
    }

    private static func plan(registry: RuleRegistry, configuration: LintConfiguration) -> [PlannedRule] {
        func planned(_ check: PlannedRule.Check, _ description: RuleDescription) -> PlannedRule? {
            guard configuration.isEnabled(description) else { return nil }
            return PlannedRule(
                check: check,
                inEffect: CheckContext.RuleInEffect(description, severity: configuration.severity(of: description), options: configuration.options(of: description))
            )
        }
        let rules = zip(registry.rules, registry.streamedRules).compactMap { rule, streamed in
            planned(.rule(rule, streamed: streamed), type(of: rule).description)
        }
        let customRules = configuration.customRules.compactMap { rule in
            registry.description(id: rule.id) == nil ? planned(.custom(rule), rule.description) : nil
        }
        return rules + customRules
    }

    /// Runs the enabled offline rules, then the configuration's enabled custom rules (``LintConfiguration/customRules``);
    /// diagnostics come sorted by position, then rule identifier.
    ///
    /// The issue's positions must point into `source`; when they do not, they are ignored and diagnostics
    /// about sections and links are reported at the start of the file.
    ///
    /// Rules read the draft's issue and, for formats with Markdown prose, its syntax tree. A rule runs only on the
    /// kinds of text it declares (``RuleDescription/textKinds``), as the draft's adapter declares its kind
    /// (`DecodedDraft.textKind`): a rule about Markdown syntax never reads a JSON string.
    public func check(_ source: SourceText, draft decoded: DecodedDraft, format: String) -> [Diagnostic] {
        Array(checkStored(source, draft: decoded, format: format))
    }

    /// ``check(_:draft:format:)``, its diagnostics kept compactly: what the command-line tool reports from, so that a
    /// draft with a million problems does not hold a million `Diagnostic` values.
    package func checkStored(_ source: SourceText, draft decoded: consuming DecodedDraft, format: String) -> DiagnosticStore {
        let draft = verified(consume decoded, against: source)
        var kept = Kept(source: source, markdown: draft.markdown)
        let check = CheckContext.Check(source: source, draft: draft, format: format, configuration: configuration, linkFacts: LinkFacts())
        for planned in plan {
            // A rule runs only on the kinds of text it declares; a custom rule's patterns, on any.
            if case .rule = planned.check, !planned.inEffect.description.textKinds.contains(draft.textKind) { continue }
            let context = CheckContext(check, rule: planned.inEffect)
            switch planned.check {
            case .rule(let rule, let streamed):
                if let streamed {
                    streamed.check(context) { kept.add($0) }
                } else {
                    kept.add(rule.check(context))
                }
            case .custom(let rule):
                kept.add(rule.check(context))
            }
        }
        // The draft (a caller that hands it over keeps no other reference) is let go before the diagnostics are sorted:
        // its model is most of the memory in use, and the sort's order of positions would add to it.
        _ = consume check
        _ = consume draft
        return (consume kept).sorted()
    }

    /// The draft with positions that do not point into `source` dropped.
    private func verified(_ draft: DecodedDraft, against source: SourceText) -> DecodedDraft {
        var draft = draft
        draft.issue = IssuePositions.verified(draft.issue, against: source)
        if let tree = draft.markdown, tree.root.range.upperBound > source.utf8Count { draft.markdown = nil }
        return draft
    }

    /// Runs the enabled offline rules, then the enabled asynchronous ones (network checks), concurrently.
    public func checkIncludingAsyncRules(_ source: SourceText, draft decoded: DecodedDraft, format: String) async -> [Diagnostic] {
        Array(await checkIncludingAsyncRulesStored(source, draft: decoded, format: format))
    }

    /// ``checkIncludingAsyncRules(_:draft:format:)``, its diagnostics kept compactly.
    package func checkIncludingAsyncRulesStored(_ source: SourceText, draft decoded: DecodedDraft, format: String) async -> DiagnosticStore {
        let offline = checkStored(source, draft: decoded, format: format)
        let draft = verified(decoded, against: source)
        let configuration = configuration
        var kept = Kept(source: source, markdown: draft.markdown, store: consume offline)
        await withTaskGroup(of: [Diagnostic].self) { group in
            let check = CheckContext.Check(source: source, draft: draft, format: format, configuration: configuration, linkFacts: LinkFacts())
            for rule in registry.asyncRules {
                let description = type(of: rule).description
                guard configuration.isEnabled(description), description.textKinds.contains(draft.textKind) else { continue }
                let context = CheckContext(check, rule: description)
                group.addTask { await rule.check(context) }
            }
            for await diagnostics in group { kept.add(diagnostics) }
        }
        return (consume kept).sorted()
    }

    /// Applies fixes until checking finds nothing more to fix, at most `maximumPasses` times.
    ///
    /// Each pass applies every fix at least as safe as `minimumSafety` whose edits do not overlap an earlier
    /// fix's, then decodes and checks the new text again. Bytes outside the edits never change.
    public func fix(
        _ source: SourceText,
        format: String,
        minimumSafety: FixSafety = .safe,
        maximumPasses: Int = EditorialChecker.defaultMaximumPasses,
        decode: (SourceText) throws(NewsletterError) -> DecodedDraft
    ) throws(NewsletterError) -> FixResult {
        try fixStored(source, format: format, minimumSafety: minimumSafety, maximumPasses: maximumPasses, decode: decode).values
    }

    /// ``fix(_:format:minimumSafety:maximumPasses:decode:)``, its diagnostics kept compactly: only the fixes are read
    /// back to choose among them.
    ///
    /// - Parameters:
    ///   - decoded: `source` already decoded, if the caller has it: the first pass checks it rather than decode the
    ///     text again, and lets it go before the next pass decodes the fixed text.
    ///   - keepingAppliedInFull: with `false`, each applied diagnostic is kept as a report of the fix tells it (rule,
    ///     severity, range, and the fix's summary and safety; no message, notes or edits), a fraction of its bytes:
    ///     what the command-line tool prints. ``StoredFixResult/values`` then has fixes without edits.
    package func fixStored(
        _ source: consuming SourceText,
        format: String,
        minimumSafety: FixSafety = .safe,
        maximumPasses: Int = EditorialChecker.defaultMaximumPasses,
        decoded: consuming DecodedDraft? = nil,
        keepingAppliedInFull: Bool = true,
        decode: (SourceText) throws(NewsletterError) -> DecodedDraft
    ) throws(NewsletterError) -> StoredFixResult {
        let path = source.path
        // Owned, so that the text given is let go after the first pass when the caller has no other use for it.
        var current = consume source
        var applied = AppliedFixLog(keepingInFull: keepingAppliedInFull)
        var appliedCountsByPass: [Int] = []
        var diagnostics = if let draft = decoded.take() {
            checkStored(current, draft: draft, format: format)
        } else {
            checkStored(current, draft: try decode(current), format: format)
        }
        for _ in 1...max(maximumPasses, 1) {
            let (text, chosen) = Self.applyingCompatibleFixes(of: diagnostics, to: current.text, minimumSafety: minimumSafety)
            guard text != current.text else {
                return StoredFixResult(
                    text: current.text, applied: applied, appliedCountsByPass: appliedCountsByPass, remaining: diagnostics, isStable: true
                )
            }
            // Consumed: the list is let go before the fixed text is checked.
            for position in consume chosen { applied.append(Int(position), of: diagnostics) }
            appliedCountsByPass.append(applied.count)
            current = SourceText(text, path: path)
            // This pass's diagnostics are done with: let them go before the fixed text's are made.
            diagnostics = DiagnosticStore()
            diagnostics = checkStored(current, draft: try decode(current), format: format)
        }
        let stable = !diagnostics.indices.contains { position in
            diagnostics.withStored(at: position) { Self.isFixable($0.fix, minimumSafety: minimumSafety) }
        }
        return StoredFixResult(
            text: current.text, applied: applied, appliedCountsByPass: appliedCountsByPass, remaining: diagnostics, isStable: stable
        )
    }

    private static func isFixable(_ fix: StoredDiagnostic.StoredFix?, minimumSafety: FixSafety) -> Bool {
        fix.map { ($0.isSafe ? FixSafety.safe : .suggestion) >= minimumSafety } ?? false
    }

    /// `text` with the compatible fixes of `diagnostics` (at least as safe as `minimumSafety`) applied, and the
    /// positions of the fixes applied, in the order chosen.
    ///
    /// Fixes are read from the store where they are needed and named by their diagnostic's position: a pass holds a few
    /// numbers per fix, not the fixes and their edits as values, and those only until the text is written.
    private static func applyingCompatibleFixes(
        of diagnostics: DiagnosticStore, to text: String, minimumSafety: FixSafety
    ) -> (text: String, chosen: [UInt32]) {
        // A fix is a candidate at the first byte it edits; the store's order (by position) is nearly always theirs too,
        // and then they are chosen as they are read rather than listed and sorted.
        func candidate(at position: Int) -> (start: Int, key: Int)? {
            diagnostics.withStored(at: position) { stored in
                guard let fix = stored.fix, isFixable(fix, minimumSafety: minimumSafety),
                      let start = fix.edits.lazy.map(\.range.start.offset).min() else { return nil }
                return (start, position)
            }
        }
        func ranges(of position: Int) -> [Range<Int>] {
            diagnostics.withStored(at: position) { $0.fix?.edits.map(\.range.utf8Offsets) ?? [] }
        }
        var previousStart = Int.min
        let isSorted = diagnostics.indices.allSatisfy { position in
            guard let start = candidate(at: position)?.start else { return true }
            defer { previousStart = start }
            return start >= previousStart
        }
        let chosen = isSorted
            ? EditApplication.compatibleKeys(sorted: diagnostics.indices.lazy.compactMap(candidate), ranges: ranges)
            : EditApplication.compatibleKeys(diagnostics.indices.compactMap(candidate), ranges: ranges)
        guard !chosen.isEmpty else { return (text, []) }
        // Chosen fixes whose edits come in order (each fix's edits before the next fix's first, as nearly always) are
        // applied as they are read; others are placed and sorted first.
        var count = text.utf8.count
        var lastStart = Int.min
        var isInOrder = true
        for position in chosen {
            diagnostics.withStored(at: Int(position)) { stored in
                for edit in stored.fix?.edits ?? StoredDiagnostic.Edits.none {
                    let range = edit.range.utf8Offsets
                    isInOrder = isInOrder && range.lowerBound > lastStart
                    lastStart = range.lowerBound
                    count += edit.replacement.count - range.count
                }
            }
        }
        if isInOrder {
            let fixed = EditApplication.apply(to: text, count: count) { replace in
                for position in chosen {
                    diagnostics.withStored(at: Int(position)) { stored in
                        for edit in stored.fix?.edits ?? StoredDiagnostic.Edits.none { replace(edit.range.utf8Offsets, edit.replacement) }
                    }
                }
            }
            return (fixed, chosen)
        }
        var edits: [EditApplication.PlacedEdit] = []
        for position in chosen.lazy.map(Int.init) {
            diagnostics.withStored(at: position) { stored in
                guard let fix = stored.fix else { return }
                for (index, edit) in fix.edits.enumerated() {
                    edits.append(.init(range: edit.range.utf8Offsets, replacementCount: edit.replacement.count, key: position, edit: index))
                }
            }
        }
        let fixed = EditApplication.apply(consume edits, to: text) { edit, write in
            diagnostics.withStored(at: edit.key) { stored in
                if let replacement = stored.fix?.edits.dropFirst(edit.edit).first(where: { _ in true })?.replacement { write(replacement) }
            }
        }
        return (fixed, chosen)
    }

    /// How many bytes of diagnostics a check holds beside the draft's model before it writes them to a temporary
    /// file until the model is let go: more than nearly every draft makes, a few percent of the largest's model.
    package static let heldDiagnosticBytes = 4 << 20

    /// The diagnostics the rules return, less those an inline comment suppresses. Its ``sorted()`` is given a `kept` that
    /// is consumed (`(consume kept).sorted()`): a store still referenced by the caller would be copied whole by the sort.
    private struct Kept {
        let suppressions: InlineSuppressions
        var store: DiagnosticStore

        init(
            source: SourceText, markdown: MarkdownTree?,
            store: DiagnosticStore = DiagnosticStore(spillingPast: EditorialChecker.heldDiagnosticBytes)
        ) {
            suppressions = InlineSuppressions(source: source, markdown: markdown)
            self.store = store
        }

        mutating func add(_ diagnostics: [Diagnostic]) {
            for diagnostic in diagnostics { add(diagnostic) }
        }

        mutating func add(_ diagnostic: Diagnostic) {
            guard suppressions.isEmpty || !suppressions.isSuppressed(ruleID: diagnostic.ruleID, line: diagnostic.range.start.line) else { return }
            store.append(diagnostic)
        }

        /// Called once the draft is let go.
        consuming func sorted() -> DiagnosticStore {
            store.restoreSpilledPieces()
            store.sortByPosition()
            return store
        }
    }
}
