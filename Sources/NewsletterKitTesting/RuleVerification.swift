public import EditorialChecks
public import NewsletterCore
public import NewsletterKit
public import Testing

/// Verifies a rule's examples and corrections as NewsletterKit verifies its own rules, recording each failure as a
/// Swift Testing issue at the example that failed (or at the call, for examples written as string literals).
///
/// The rule is checked with the built-in rules (and those of `registry`) beside it, its examples decoded by the
/// adapters of `formats`; see ``EditorialChecks/RuleExampleVerifier`` for every check.
///
/// ```swift
/// import NewsletterKitTesting
/// import Testing
///
/// @Test func examples() {
///     verifyExamples(of: UTMSourceRule())
/// }
/// ```
public func verifyExamples(
    of rule: some Rule,
    registry: RuleRegistry = .builtIn,
    formats: FormatRegistry = .standard,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    var rules = registry
    let id = type(of: rule).description.id
    if rules.description(id: id) == nil {
        do throws(NewsletterError) {
            try rules.register(rule)
        } catch {
            Testing.Issue.record(Comment(rawValue: "\(id): cannot be registered: \(error.message)"), sourceLocation: sourceLocation)
            return
        }
    }
    record(RuleExampleVerifier(rules: rules, formats: formats).verify(ruleID: id), at: sourceLocation)
}

/// Verifies every offline rule of `registry` (and every custom rule given) as ``verifyExamples(of:registry:formats:sourceLocation:)``
/// verifies one.
public func verifyExamples(
    ofEveryRuleIn registry: RuleRegistry,
    customRules: [CustomRule] = [],
    formats: FormatRegistry = .standard,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    record(RuleExampleVerifier(rules: registry, formats: formats, customRules: customRules).verifyAll(), at: sourceLocation)
}

/// Verifies the examples of the custom rules of a configuration (`custom_rules:` in `.newsletterlint.yml`), as
/// `editorial-check rules --verify` does.
public func verifyExamples(
    ofCustomRulesIn configuration: LintConfiguration,
    registry: RuleRegistry = .builtIn,
    formats: FormatRegistry = .standard,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let verifier = RuleExampleVerifier(rules: registry, formats: formats, customRules: configuration.customRules)
    record(configuration.customRules.flatMap { verifier.verify(ruleID: $0.id) }, at: sourceLocation)
}

/// Verifies an adapter's round trip from a text in its format (decode, encode, decode, encode; see
/// ``RoundTripVerifier``), recording each failure as a Swift Testing issue at the call.
///
/// ```swift
/// @Test func roundTrip() {
///     verifyRoundTrip(of: JSONFeedAdapter(), decoding: sampleFeed)
/// }
/// ```
public func verifyRoundTrip(
    of adapter: some FormatAdapter,
    decoding text: String,
    expectingSameText: Bool = false,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    for failure in RoundTripVerifier(adapter: adapter).failures(decoding: text, expectingSameText: expectingSameText) {
        Testing.Issue.record(Comment(rawValue: "\(adapter.identifier): \(failure)"), sourceLocation: sourceLocation)
    }
}

/// Verifies an adapter's round trip from an issue built in code (encode, decode, encode), recording each failure as
/// a Swift Testing issue at the call.
public func verifyRoundTrip(
    of adapter: some FormatAdapter,
    encoding issue: NewsletterCore.Issue,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    for failure in RoundTripVerifier(adapter: adapter).failures(encoding: issue) {
        Testing.Issue.record(Comment(rawValue: "\(adapter.identifier): \(failure)"), sourceLocation: sourceLocation)
    }
}

/// Records each failure at its example when the example knows where it was written in Swift source, else at `fallback`.
private func record(_ failures: [RuleExampleFailure], at fallback: Testing.SourceLocation) {
    for failure in failures {
        if let written = failure.location, let fileID = written.fileID, written.line > 0, written.column > 0 {
            let location = Testing.SourceLocation(fileID: fileID, filePath: written.filePath, line: written.line, column: written.column)
            // Placed at the example itself, the comment need not repeat where it is.
            Testing.Issue.record(Comment(rawValue: "\(failure.ruleID): \(failure.subject): \(failure.message)"), sourceLocation: location)
        } else {
            Testing.Issue.record(Comment(rawValue: failure.description), sourceLocation: fallback)
        }
    }
}
