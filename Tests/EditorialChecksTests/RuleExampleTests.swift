import NewsletterKit
import Testing

/// The one generic test of every registered rule: its examples are its tests.
@Suite struct RuleExampleTests {
    @Test(arguments: RuleExampleCase.nonTriggering)
    func nonTriggeringExamplesAreSilent(_ example: RuleExampleCase) throws {
        let configuration = try ExampleHarness.configuration(example.example.configuration)
        let found = try ExampleHarness.diagnostics(
            of: example.rule.id, in: example.example.text, format: example.example.format, configuration: configuration
        )
        #expect(found.isEmpty, "\(found)")
    }

    @Test(arguments: RuleExampleCase.triggering)
    func triggeringExamplesReportAtTheMarkers(_ example: RuleExampleCase) throws {
        try expectDiagnosticsAtMarkers(example, text: example.example.text)
    }

    @Test(arguments: RuleExampleCase.triggering.filter(\.example.testsMultiByteOffsets))
    func triggeringExamplesWithMultiByteCharactersBeforeTheMarkers(_ example: RuleExampleCase) throws {
        guard let text = ExampleHarness.insertingMultiByteCharacters(example.example.text) else { return }
        try expectDiagnosticsAtMarkers(example, text: text)
    }

    @Test(arguments: RuleExampleCase.triggering)
    func triggeringExamplesAreSilentWhenTheRuleIsDisabled(_ example: RuleExampleCase) throws {
        var configuration = try ExampleHarness.configuration(example.example.configuration)
        configuration.rules[example.rule.id] = RuleSettings(isEnabled: false)
        let (text, _) = ExampleHarness.stripMarkers(example.example.text)
        let found = try ExampleHarness.diagnostics(of: example.rule.id, in: text, format: example.example.format, configuration: configuration)
        #expect(found.isEmpty)
    }

    @Test(arguments: RuleExampleCase.triggering)
    func configuredSeverityIsReported(_ example: RuleExampleCase) throws {
        var configuration = try ExampleHarness.configuration(example.example.configuration)
        let severity: Severity = example.rule.defaultSeverity == .info ? .error : .info
        configuration.rules[example.rule.id, default: RuleSettings()].severity = severity
        let (text, _) = ExampleHarness.stripMarkers(example.example.text)
        let found = try ExampleHarness.diagnostics(of: example.rule.id, in: text, format: example.example.format, configuration: configuration)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.severity == severity })
    }

    @Test(arguments: RuleCorrectionCase.all)
    func correctionsGiveTheExpectedText(_ correction: RuleCorrectionCase) throws {
        let configuration = try ExampleHarness.configuration(correction.correction.configuration)
        let lint = NewsletterLint(configuration: configuration.enablingOnly(correction.rule.id))
        let source = SourceText(correction.correction.input)
        let result = try lint.fix(source, format: correction.correction.format, minimumSafety: correction.correction.minimumSafety)
        #expect(result.text == correction.correction.expected)
        #expect(result.isStable)
        #expect(!result.applied.isEmpty)
        #expect(result.applied.allSatisfy { $0.diagnostic.ruleID == correction.rule.id && $0.fix.safety >= correction.correction.minimumSafety })
        // Fixing again changes nothing.
        let again = try lint.fix(SourceText(result.text), format: correction.correction.format, minimumSafety: correction.correction.minimumSafety)
        #expect(again.text == result.text)
        #expect(again.applied.isEmpty)
    }

    @Test func everyRuleIsDescribedAndExemplified() {
        let descriptions = RuleRegistry.builtIn.descriptions
        #expect(Set(descriptions.map(\.id)).count == descriptions.count)
        for rule in descriptions {
            #expect(rule.id.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(rule.id)")
            #expect(!rule.name.isEmpty && !rule.rationale.isEmpty, "\(rule.id)")
            #expect(!rule.summary.isEmpty && !rule.summary.contains("\n"), "\(rule.id)")
            #expect(!rule.nonTriggeringExamples.isEmpty, "\(rule.id) has no non-triggering example")
            #expect(!rule.triggeringExamples.isEmpty, "\(rule.id) has no triggering example")
            #expect(rule.triggeringExamples.allSatisfy { $0.text.contains(RuleExample.marker) }, "\(rule.id) has an example without a marker")
            #expect((rule.fixSafety != nil) == !rule.corrections.isEmpty, "\(rule.id): fixable rules, and only they, have corrections")
        }
    }

    private func expectDiagnosticsAtMarkers(_ example: RuleExampleCase, text marked: String) throws {
        let (text, offsets) = ExampleHarness.stripMarkers(marked)
        let configuration = try ExampleHarness.configuration(example.example.configuration)
        let found = try ExampleHarness.diagnostics(of: example.rule.id, in: text, format: example.example.format, configuration: configuration)
        let source = SourceText(text)
        let expected = offsets.map { source.location(atUTF8Offset: $0) }
        #expect(found.map(\.range.start).sorted() == expected, "\(found.map(\.description))")
        #expect(found.allSatisfy { $0.severity == example.rule.defaultSeverity && !$0.message.isEmpty })
        for diagnostic in found {
            #expect(diagnostic.range.start == source.location(atUTF8Offset: diagnostic.range.start.offset))
            #expect(diagnostic.range.end == source.location(atUTF8Offset: diagnostic.range.end.offset))
        }
    }
}

extension LintConfiguration {
    /// This configuration with every rule but `id` turned off, so that a correction shows one rule's fixes alone.
    func enablingOnly(_ id: String) -> LintConfiguration {
        var configuration = self
        for rule in RuleRegistry.builtIn.descriptions {
            configuration.rules[rule.id, default: RuleSettings()].isEnabled = rule.id == id
        }
        return configuration
    }
}
