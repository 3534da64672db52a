import EditorialChecks
import NewsletterCore
import NewsletterKit
import NewsletterKitTesting
import Testing

/// The verifier finds every broken promise, with its place and a message saying what happened.
@Suite struct RuleExampleVerifierTests {
    /// Reports every `TODO` with the column counted in bytes: right on ASCII lines, wrong after a multi-byte character.
    struct ByteColumnRule: Rule {
        static let description = RuleDescription(
            id: "byte-column", name: "Byte column", summary: "Finds TODO.", rationale: "Tests.",
            category: .style, defaultSeverity: .warning,
            nonTriggeringExamples: ["# Notes\n\nDone.\n"],
            triggeringExamples: ["# Notes\n\nStill ↓TODO.\n"]
        )

        func check(_ context: CheckContext) -> [Diagnostic] {
            let text = context.source.text.utf8
            guard let found = text.firstRange(of: "TODO".utf8) else { return [] }
            let offset = text.distance(from: text.startIndex, to: found.lowerBound)
            let line = context.source.location(atUTF8Offset: offset).line
            let column = offset - context.source.lineOffsets(line).lowerBound + 1
            let start = SourceLocation(offset: offset, line: line, column: column)
            let end = SourceLocation(offset: offset + 4, line: line, column: column + 4)
            return [context.diagnostic("a TODO is left", at: SourceRange(start: start, end: end))]
        }
    }

    /// Ignores the configured severity and the markers' promise of two diagnostics.
    struct StubbornRule: Rule {
        static let description = RuleDescription(
            id: "stubborn", name: "Stubborn", summary: "Finds the word 'stubborn'.", rationale: "Tests.",
            category: .style, defaultSeverity: .warning,
            nonTriggeringExamples: ["# Notes\n\nstubborn\n"],
            triggeringExamples: ["# Notes\n\n↓stubborn ↓stubborn\n"]
        )

        func check(_ context: CheckContext) -> [Diagnostic] {
            guard let found = context.source.text.utf8.firstRange(of: "stubborn".utf8) else { return [] }
            let offset = context.source.text.utf8.distance(from: context.source.text.utf8.startIndex, to: found.lowerBound)
            return [Diagnostic(ruleID: "stubborn", severity: .warning, message: "stubborn", range: context.range(offset..<(offset + 8)))]
        }
    }

    /// Replaces `!!` with `!`; its correction promises the wrong text, and it has a description problem.
    struct DoubleBangRule: Rule {
        static let description = RuleDescription(
            id: "double-bang", name: "Double bang", summary: "One exclamation mark\nis enough.", rationale: "",
            category: .style, defaultSeverity: .info, fixSafety: .safe,
            nonTriggeringExamples: ["# Notes\n\nWow!\n"],
            triggeringExamples: ["# Notes\n\nWow↓!!\n"],
            corrections: [RuleCorrection("# Notes\n\nWow!!\n", "# Notes\n\nWow!!!\n")]
        )

        func check(_ context: CheckContext) -> [Diagnostic] {
            let text = context.source.text.utf8
            guard let found = text.firstRange(of: "!!".utf8) else { return [] }
            let offset = text.distance(from: text.startIndex, to: found.lowerBound)
            let range = context.range(offset..<(offset + 2))
            let fix = Fix(summary: "write one", edits: [TextEdit(range: range, replacement: "!")], safety: .safe)
            return [context.diagnostic("two exclamation marks", at: range, fix: fix)]
        }
    }

    private static func verifier(_ rule: any Rule) throws -> RuleExampleVerifier {
        var rules = RuleRegistry.builtIn
        try rules.register(rule)
        return RuleExampleVerifier(rules: rules, formats: .standard)
    }

    @Test func aRuleThatKeepsItsPromisesHasNoFailures() throws {
        #expect(try Self.verifier(ShoutingTitleRule()).verify(ruleID: "shouting-title") == [])
    }

    @Test func byteColumnsAreCaughtByTheMultiByteVariant() throws {
        let failures = try Self.verifier(ByteColumnRule()).verify(ruleID: "byte-column")
        #expect(failures.map(\.check) == [.multiByteOffsets, .multiByteOffsets])
        #expect(failures.map(\.message) == [
            "with '🤌 ' inserted before the markers: expected diagnostics at 3:9; reported 3:12 ('a TODO is left')",
            "with '🤌 ' inserted before the markers: the range 3:12-3:16 does not match its offsets 25..<29",
        ])
        #expect(failures.allSatisfy { $0.index == 0 && $0.location == nil && $0.subject == "triggering example 1" })
    }

    @Test func wrongMarkersSeverityAndSilenceAreEachNamed() throws {
        let failures = try Self.verifier(StubbornRule()).verify(ruleID: "stubborn")
        #expect(failures.map(\.description) == [
            "stubborn: non-triggering example 1: reported 3:1 ('stubborn') where nothing is expected",
            "stubborn: triggering example 1: expected diagnostics at 3:1, 3:10; reported 3:1 ('stubborn')",
            "stubborn: triggering example 1: with '🤌 ' inserted before the markers: expected diagnostics at 3:1, 3:10; reported 3:1 ('stubborn')",
            "stubborn: triggering example 1: reported at 'warning' with severity 'info' configured",
        ])
        #expect(failures.map(\.check) == [.nonTriggering, .triggering, .multiByteOffsets, .configuredSeverity])
    }

    @Test func aWrongCorrectionAndAnIncompleteDescriptionAreReported() throws {
        let failures = try Self.verifier(DoubleBangRule()).verify(ruleID: "double-bang")
        #expect(failures.map(\.check) == [.description, .description, .correction])
        #expect(failures.map(\.message) == [
            "the rationale is empty",
            "the summary must be one line",
            ##"fixing gave "# Notes\n\nWow!\n", expected "# Notes\n\nWow!!!\n""##,
        ])
        let correction = try #require(failures.last?.location)
        #expect(correction.fileID == "EditorialChecksTests/RuleExampleVerifierTests.swift")
        #expect(correction.line == 53)
    }

    @Test func anUnknownRuleIsOneFailure() {
        #expect(RuleExampleVerifier(formats: .standard).verify(ruleID: "no-such-rule") == [
            RuleExampleFailure(ruleID: "no-such-rule", check: .description, message: "'no-such-rule' is not a registered rule"),
        ])
    }

    @Test func everyBuiltInRuleKeepsItsPromises() {
        #expect(RuleExampleVerifier(formats: .standard).verifyAll() == [])
    }
}

/// The test-support product records each failure as a Swift Testing issue where the failing example was written.
@Suite struct VerifyExamplesIssueTests {
    struct SilentRule: Rule {
        static let description = RuleDescription(
            id: "silent", name: "Silent", summary: "Never reports.", rationale: "Tests.",
            category: .style, defaultSeverity: .warning,
            nonTriggeringExamples: ["# Notes\n"],
            triggeringExamples: [RuleExample("# Notes\n\n↓Here.\n", format: "beehiiv")]
        )

        func check(_ context: CheckContext) -> [Diagnostic] { [] }
    }

    @Test func failuresAreIssuesAtTheirExamples() {
        let line = #line - 7
        withKnownIssue {
            verifyExamples(of: SilentRule())
        } matching: { issue in
            // Every issue (wrong markers, the multi-byte variant, the configured severity) is at the example.
            issue.sourceLocation?.line == line && issue.sourceLocation?.column == 45
                && issue.sourceLocation?.fileID == "EditorialChecksTests/RuleExampleVerifierTests.swift"
                && issue.comments.count == 1 && issue.comments[0].rawValue.hasPrefix("silent: triggering example 1: ")
        }
    }
}
