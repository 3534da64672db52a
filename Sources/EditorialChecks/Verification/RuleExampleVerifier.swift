import NewsletterCore

/// Verifies that rules keep the promises their descriptions make: the examples are the tests.
///
/// For each rule it checks that
/// - the description is complete (kebab-case identifier, name, one-line summary, rationale, at least one example of
///   each kind, every triggering example marked, corrections exactly when the rule fixes);
/// - every non-triggering example is silent;
/// - every triggering example reports exactly at its `↓` markers (where diagnostics start), at the rule's default
///   severity, with messages and consistent positions; again with a four-byte character inserted before the markers
///   (unless the example opts out with ``RuleExample/testsMultiByteOffsets``); nothing with the rule disabled; and at
///   the other severity when the configuration sets one;
/// - fixing each correction's input with that rule alone gives exactly its expected text, with fixes of that rule at
///   least as safe as asked, stably (fixing again changes nothing).
///
/// Examples are decoded by the adapter their ``RuleExample/format`` names and checked with every rule of ``rules``
/// (and the ``customRules``), as a draft is; only the verified rule's diagnostics count. Failures come back as values
/// (``RuleExampleFailure``), so any test library, and `editorial-check rules --verify`, can report them. Asynchronous
/// rules are not verified: their examples would need the network.
///
/// ```swift
/// var rules = RuleRegistry.builtIn
/// try rules.register(NoShoutingTitleRule())
/// let failures = RuleExampleVerifier(rules: rules, formats: .standard).verify(ruleID: "no-shouting-title")
/// ```
public struct RuleExampleVerifier: Sendable {
    /// The rules examples are checked with; the verified rule must be one of them or of ``customRules``.
    public var rules: RuleRegistry
    /// The formats examples are decoded with.
    public var formats: FormatRegistry
    /// Pattern rules from a configuration, checked with every example.
    public var customRules: [CustomRule]

    /// Creates a verifier.
    public init(rules: RuleRegistry = .builtIn, formats: FormatRegistry, customRules: [CustomRule] = []) {
        self.rules = rules
        self.formats = formats
        self.customRules = customRules
    }

    /// The failures of every offline rule of ``rules`` (description, examples and corrections) and of every custom
    /// rule (examples), in the order rules are listed.
    public func verifyAll() -> [RuleExampleFailure] {
        rules.rules.flatMap { verify(ruleID: type(of: $0).description.id) } + customRules.flatMap { verify(ruleID: $0.id) }
    }

    /// The failures of one rule: for a rule of ``rules``, its description, examples and corrections; for a custom
    /// rule, whose examples are optional, its examples.
    public func verify(ruleID: String) -> [RuleExampleFailure] {
        if let rule = rules.rules.first(where: { type(of: $0).description.id == ruleID }) {
            let description = type(of: rule).description
            return descriptionFailures(description) + exampleFailures(description)
        }
        if let custom = customRules.first(where: { $0.id == ruleID }) {
            return exampleFailures(custom.description)
        }
        let kind = rules.asyncRules.contains { type(of: $0).description.id == ruleID } ? "an asynchronous rule, not verified" : "not a registered rule"
        return [RuleExampleFailure(ruleID: ruleID, check: .description, message: "'\(ruleID)' is \(kind)")]
    }

    /// What is missing or malformed in a description, without running anything.
    public func descriptionFailures(_ rule: RuleDescription) -> [RuleExampleFailure] {
        var problems: [String] = []
        if !RuleDescription.isValidIdentifier(rule.id) { problems.append("the identifier is not kebab-case") }
        if rule.name.isEmpty { problems.append("the name is empty") }
        if rule.rationale.isEmpty { problems.append("the rationale is empty") }
        if rule.summary.isEmpty || rule.summary.contains("\n") { problems.append("the summary must be one line") }
        if rule.nonTriggeringExamples.isEmpty { problems.append("there is no non-triggering example") }
        if rule.triggeringExamples.isEmpty { problems.append("there is no triggering example") }
        if (rule.fixSafety != nil) != !rule.corrections.isEmpty {
            problems.append(rule.fixSafety == nil ? "a rule without a fix has corrections" : "a fixable rule needs corrections")
        }
        return problems.map { RuleExampleFailure(ruleID: rule.id, check: .description, message: $0) }
    }

    /// The failures of a rule's examples and corrections.
    public func exampleFailures(_ rule: RuleDescription) -> [RuleExampleFailure] {
        var failures: [RuleExampleFailure] = []
        for (index, example) in rule.nonTriggeringExamples.enumerated() {
            failures += verifyNonTriggering(example, index: index, rule: rule)
        }
        for (index, example) in rule.triggeringExamples.enumerated() {
            failures += verifyTriggering(example, index: index, rule: rule)
        }
        for (index, correction) in rule.corrections.enumerated() {
            failures += verifyCorrection(correction, index: index, rule: rule)
        }
        return failures
    }

    // MARK: Examples

    private func verifyNonTriggering(_ example: RuleExample, index: Int, rule: RuleDescription) -> [RuleExampleFailure] {
        let failure = { (check: RuleExampleFailure.Check, message: String) in
            RuleExampleFailure(ruleID: rule.id, check: check, index: index, message: message, location: example.location)
        }
        do throws(NewsletterError) {
            let configuration = try configuration(example.configuration, rule: rule)
            let found = try diagnostics(of: rule, in: example.text, format: example.format, configuration: configuration)
            guard found.isEmpty else {
                return [failure(.nonTriggering, "reported \(Self.list(found)) where nothing is expected")]
            }
            return []
        } catch {
            return [failure(.unreadable, "cannot be checked: \(error.message)")]
        }
    }

    private func verifyTriggering(_ example: RuleExample, index: Int, rule: RuleDescription) -> [RuleExampleFailure] {
        let failure = { (check: RuleExampleFailure.Check, message: String) in
            RuleExampleFailure(ruleID: rule.id, check: check, index: index, message: message, location: example.location)
        }
        guard example.text.contains(RuleExample.marker) else {
            return [failure(.triggering, "has no \(RuleExample.marker) marker saying where the rule must report")]
        }
        do throws(NewsletterError) {
            let configuration = try configuration(example.configuration, rule: rule)
            var failures = try markerFailures(example.text, format: example.format, configuration: configuration, rule: rule).map {
                failure(.triggering, $0)
            }
            if example.testsMultiByteOffsets, let shifted = ExampleMarkers.insertingMultiByteCharacters(example.text) {
                failures += try markerFailures(shifted, format: example.format, configuration: configuration, rule: rule).map {
                    failure(.multiByteOffsets, "with '\(ExampleMarkers.insertion)' inserted before the markers: \($0)")
                }
            }
            let text = ExampleMarkers.strip(example.text).text

            var disabled = configuration
            disabled.rules[rule.id, default: RuleSettings()].isEnabled = false
            let silenced = try diagnostics(of: rule, in: text, format: example.format, configuration: disabled)
            if !silenced.isEmpty {
                failures.append(failure(.disabled, "reported \(Self.list(silenced)) with the rule disabled"))
            }

            var configured = configuration
            let severity: Severity = rule.defaultSeverity == .info ? .error : .info
            configured.rules[rule.id, default: RuleSettings()].severity = severity
            let reported = try diagnostics(of: rule, in: text, format: example.format, configuration: configured)
            if reported.isEmpty {
                failures.append(failure(.configuredSeverity, "reported nothing with severity '\(severity.rawValue)' configured"))
            } else if let other = reported.first(where: { $0.severity != severity }) {
                failures.append(failure(
                    .configuredSeverity, "reported at '\(other.severity.rawValue)' with severity '\(severity.rawValue)' configured"
                ))
            }
            return failures
        } catch {
            return [failure(.unreadable, "cannot be checked: \(error.message)")]
        }
    }

    /// What is wrong with the diagnostics of `marked` (markers removed) against its markers.
    private func markerFailures(
        _ marked: String, format: String, configuration: LintConfiguration, rule: RuleDescription
    ) throws(NewsletterError) -> [String] {
        let (text, offsets) = ExampleMarkers.strip(marked)
        let source = SourceText(text)
        let found = try diagnostics(of: rule, in: text, format: format, configuration: configuration)
        var failures: [String] = []
        let expected = offsets.map { source.location(atUTF8Offset: $0) }
        let starts = found.map(\.range.start).sorted()
        if starts != expected {
            let where_ = expected.isEmpty ? "nowhere" : "at " + expected.map(Self.position).joined(separator: ", ")
            failures.append("expected diagnostics \(where_); reported \(found.isEmpty ? "none" : Self.list(found))")
        }
        if let other = found.first(where: { $0.severity != rule.defaultSeverity }) {
            failures.append(
                "reported at '\(other.severity.rawValue)', not at the default severity '\(rule.defaultSeverity.rawValue)'"
            )
        }
        if let silent = found.first(where: { $0.message.isEmpty }) {
            failures.append("the diagnostic at \(Self.position(silent.range.start)) has an empty message")
        }
        for diagnostic in found {
            let start = diagnostic.range.start, end = diagnostic.range.end
            let consistent = (0...source.utf8Count).contains(start.offset) && (start.offset...source.utf8Count).contains(end.offset)
                && start == source.location(atUTF8Offset: start.offset) && end == source.location(atUTF8Offset: end.offset)
            if !consistent {
                failures.append("the range \(Self.position(start))-\(Self.position(end)) does not match its offsets \(start.offset)..<\(end.offset)")
            }
        }
        return failures
    }

    // MARK: Corrections

    private func verifyCorrection(_ correction: RuleCorrection, index: Int, rule: RuleDescription) -> [RuleExampleFailure] {
        let failure = { (message: String) in
            RuleExampleFailure(ruleID: rule.id, check: .correction, index: index, message: message, location: correction.location)
        }
        do throws(NewsletterError) {
            let configuration = try enablingOnly(rule.id, in: configuration(correction.configuration, rule: rule))
            let adapter = try formats.adapter(identifier: correction.format)
            let checker = EditorialChecker(registry: rules, configuration: configuration)
            let safety = correction.minimumSafety
            let result = try checker.fix(SourceText(correction.input), format: correction.format, minimumSafety: safety, decode: adapter.decodeDraft)
            var failures: [RuleExampleFailure] = []
            if result.applied.isEmpty { failures.append(failure("no fix was applied")) }
            if result.text != correction.expected {
                failures.append(failure("fixing gave \(Self.quoted(result.text)), expected \(Self.quoted(correction.expected))"))
            }
            if !result.isStable { failures.append(failure("fixing did not settle within \(EditorialChecker.defaultMaximumPasses) passes")) }
            if let stray = result.applied.first(where: { $0.diagnostic.ruleID != rule.id || $0.fix.safety < safety }) {
                failures.append(failure(
                    "applied a '\(stray.fix.safety.rawValue)' fix of '\(stray.diagnostic.ruleID)' asking for '\(safety.rawValue)' fixes of '\(rule.id)'"
                ))
            }
            let again = try checker.fix(SourceText(result.text), format: correction.format, minimumSafety: safety, decode: adapter.decodeDraft)
            if again.text != result.text || !again.applied.isEmpty {
                failures.append(failure("fixing the fixed text again changed it to \(Self.quoted(again.text))"))
            }
            return failures
        } catch {
            return [failure("cannot be checked: \(error.message)")]
        }
    }

    // MARK: Checking

    /// The configuration an example is checked with: its own, else the defaults; with the custom rules either way.
    private func configuration(_ yaml: String?, rule: RuleDescription) throws(NewsletterError) -> LintConfiguration {
        var configuration = LintConfiguration()
        if let yaml {
            configuration = try LintConfiguration(yaml: SourceText(yaml, path: "example.newsletterlint.yml"), registry: rules)
        }
        let defined = Set(configuration.customRules.map(\.id))
        configuration.customRules += customRules.filter { !defined.contains($0.id) }
        return configuration
    }

    /// `configuration` with every rule but `id` turned off, so that a correction shows one rule's fixes alone.
    private func enablingOnly(_ id: String, in configuration: LintConfiguration) -> LintConfiguration {
        var configuration = configuration
        for rule in rules.descriptions + configuration.customRules.map(\.description) {
            configuration.rules[rule.id, default: RuleSettings()].isEnabled = rule.id == id
        }
        return configuration
    }

    /// The diagnostics of `rule` on `text`, decoded as `format` and checked with every rule.
    private func diagnostics(
        of rule: RuleDescription, in text: String, format: String, configuration: LintConfiguration
    ) throws(NewsletterError) -> [Diagnostic] {
        let adapter = try formats.adapter(identifier: format)
        let source = SourceText(text)
        let checker = EditorialChecker(registry: rules, configuration: configuration)
        return checker.check(source, draft: try adapter.decodeDraft(source), format: format).filter { $0.ruleID == rule.id }
    }

    private static func position(_ location: SourceLocation) -> String { "\(location.line):\(location.column)" }

    /// `2:5 ('message'), 3:1 ('message')`.
    private static func list(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { "\(position($0.range.start)) ('\($0.message)')" }.joined(separator: ", ")
    }

    /// The text in Swift string literal form, so that line breaks and spaces show.
    private static func quoted(_ text: String) -> String {
        "\"" + text.unicodeScalars.map { $0.escaped(asASCII: false) }.joined() + "\""
    }
}
