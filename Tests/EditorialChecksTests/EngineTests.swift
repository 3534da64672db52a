import Foundation
import EditorialChecks
import NewsletterKit
import Testing

/// A rule of a team's own, as third parties write them: flags the word "synergy" with a safe fix.
private struct NoSynergyRule: Rule {
    static let description = RuleDescription(
        id: "no-synergy", name: "No synergy", summary: "The word 'synergy' is not used.",
        rationale: "House style.", category: .style, defaultSeverity: .warning, fixSafety: .safe,
        nonTriggeringExamples: ["# Notes\n\nTeams work together.\n"],
        triggeringExamples: ["# Notes\n\nTeam ↓synergy.\n"],
        corrections: [RuleCorrection("# Notes\n\nTeam synergy.\n", "# Notes\n\nTeam teamwork.\n")]
    )

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.source.text.utf8.ranges(of: "synergy".utf8).map { found in
            let start = context.source.text.utf8.distance(from: context.source.text.utf8.startIndex, to: found.lowerBound)
            let range = context.range(start..<start + 7)
            return context.diagnostic("'synergy' is jargon", at: range, fix: Fix(summary: "say teamwork", edits: [TextEdit(range: range, replacement: "teamwork")], safety: .safe))
        }
    }
}

/// A rule whose fix never converges: it always finds something to insert.
private struct RestlessRule: Rule {
    static let description = RuleDescription(
        id: "restless", name: "Restless", summary: "Always wants one more exclamation mark.",
        rationale: "Tests the pass limit.", category: .style, defaultSeverity: .info, fixSafety: .safe
    )

    func check(_ context: CheckContext) -> [Diagnostic] {
        let end = context.range(context.source.utf8Count..<context.source.utf8Count)
        return [context.diagnostic("more", at: end, fix: Fix(summary: "add !", edits: [TextEdit(range: end, replacement: "!")], safety: .safe))]
    }
}

/// A rule whose fix edits two places: each pair of straight double quotes becomes curly ones; and `!!` becomes `!`,
/// only as a suggestion.
private struct CurlyQuoteRule: Rule {
    static let description = RuleDescription(
        id: "curly-quotes", name: "Curly quotes", summary: "Quotes are curly.",
        rationale: "Tests fixes of several edits.", category: .style, defaultSeverity: .info, fixSafety: .safe
    )

    func check(_ context: CheckContext) -> [Diagnostic] {
        let bytes = Array(context.source.text.utf8)
        let quotes = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\"") }
        let pairs = stride(from: 0, to: quotes.count - 1, by: 2).map { index in
            let (open, close) = (context.range(quotes[index]..<quotes[index] + 1), context.range(quotes[index + 1]..<quotes[index + 1] + 1))
            let edits = [TextEdit(range: open, replacement: "“"), TextEdit(range: close, replacement: "”")]
            return context.diagnostic("straight quotes", at: open, fix: Fix(summary: "curl them", edits: edits, safety: .safe))
        }
        let shouts = bytes.indices.dropLast().filter { bytes[$0] == UInt8(ascii: "!") && bytes[$0 + 1] == UInt8(ascii: "!") }.map { start in
            let range = context.range(start..<start + 2)
            return context.diagnostic("shouting", at: range, fix: Fix(summary: "one !", edits: [TextEdit(range: range, replacement: "!")], safety: .suggestion))
        }
        return pairs + shouts
    }
}

/// A network-style rule: reports every link after a suspension point.
private struct SlowLinkRule: AsyncRule {
    static let description = RuleDescription(
        id: "slow-link", name: "Slow link", summary: "Reports each link asynchronously.",
        rationale: "Tests asynchronous rules.", category: .links, defaultSeverity: .warning
    )

    func check(_ context: CheckContext) async -> [Diagnostic] {
        await Task.yield()
        return context.issue.links.compactMap { link in
            link.range.map { context.diagnostic("checked '\(link.destination)'", at: $0) }
        }
    }
}

@Suite struct EngineTests {
    /// The built-in registry names each rule's streamed form without a cast: it must be exactly what a cast finds.
    @Test func builtInRulesStreamExactlyWhenTheyConformToStreamedRule() {
        let registry = RuleRegistry.builtIn
        #expect(registry.rules.count == 20)
        #expect(registry.streamedRules.count == registry.rules.count)
        for (rule, streamed) in zip(registry.rules, registry.streamedRules) {
            #expect((streamed != nil) == (rule as? any StreamedRule != nil), "\(type(of: rule).description.id)")
            #expect(streamed.map { type(of: $0).description.id } ?? type(of: rule).description.id == type(of: rule).description.id)
        }
        #expect(registry.streamedRules.count { $0 != nil } == 14)
    }

    let draft = "# Notes\n\nTeam synergy and [a link](https://acme.dev/a).\n\n<!-- newsletterlint-disable-next-line slow-link -->\nAgain [b](https://acme.dev/b) synergy.\n"

    func registry() throws -> RuleRegistry {
        try RuleRegistry(rules: [NoSynergyRule(), RestlessRule()], asyncRules: [SlowLinkRule()])
    }

    @Test func customRulesRunAndFix() throws {
        var configuration = LintConfiguration()
        configuration.rules["restless"] = RuleSettings(isEnabled: false)
        let lint = NewsletterLint(configuration: configuration, rules: try registry())
        let report = try lint.check(SourceText(draft), format: "beehiiv")
        #expect(report.diagnostics.map { "\($0.ruleID) \($0.range.start)" } == ["no-synergy 3:6", "no-synergy 6:31"])
        let fixed = try lint.fix(SourceText(draft), format: "beehiiv")
        #expect(fixed.text == draft.replacingOccurrences(of: "synergy", with: "teamwork"))
        #expect(fixed.applied.count == 2)
    }

    @Test func asyncRulesRunWithTheOfflineOnesUnderSuppressions() async throws {
        var configuration = LintConfiguration()
        configuration.rules["restless"] = RuleSettings(isEnabled: false)
        let lint = NewsletterLint(configuration: configuration, rules: try registry())
        let report = try await lint.checkIncludingAsyncRules(SourceText(draft), format: "beehiiv")
        #expect(report.diagnostics.map { "\($0.ruleID) \($0.range.start)" } == ["no-synergy 3:6", "slow-link 3:18", "no-synergy 6:31"])
        configuration.rules["slow-link"] = RuleSettings(isEnabled: false)
        let silent = try await NewsletterLint(configuration: configuration, rules: try registry())
            .checkIncludingAsyncRules(SourceText(draft), format: "beehiiv")
        #expect(!silent.diagnostics.contains { $0.ruleID == "slow-link" })
    }

    /// A fix's edits read back from the store and applied among another fix's edits that lie between them; a fix that
    /// overlaps a chosen one waits for the next pass, and a suggestion is applied only when suggestions are asked for.
    @Test(arguments: [
        (FixSafety.safe, "“Team teamwork” is “teamwork”!!!", [1, 1, 1, 1]),
        (.suggestion, "“Team teamwork” is “teamwork”!", [1, 1, 1, 1, 1, 2]),
    ])
    func fixesOfSeveralEditsInterleave(minimumSafety: FixSafety, expected: String, passes: [Int]) throws {
        let checker = EditorialChecker(registry: try RuleRegistry(rules: [CurlyQuoteRule(), NoSynergyRule()]))
        let draft = "# Notes\n\n\"Team synergy\" is \"synergy\"!!!\n"
        let result = try checker.fix(SourceText(draft), format: "beehiiv", minimumSafety: minimumSafety) { source throws(NewsletterError) in
            try BeehiivAdapter().decodeDraft(source)
        }
        #expect(result.text == "# Notes\n\n" + expected + "\n")
        #expect(result.isStable)
        #expect(result.applied.map(\.pass) == passes)
        #expect(result.applied.prefix(4).map(\.diagnostic.ruleID) == ["curly-quotes", "no-synergy", "curly-quotes", "no-synergy"])
        #expect(result.applied.prefix(4).map(\.fix.edits.count) == [2, 1, 2, 1])
    }

    @Test func theFixLoopStopsAtThePassLimit() throws {
        let checker = EditorialChecker(registry: try RuleRegistry(rules: [RestlessRule()]))
        let result = try checker.fix(SourceText("# Notes\n"), format: "beehiiv", maximumPasses: 3) { source throws(NewsletterError) in
            try BeehiivAdapter().decodeDraft(source)
        }
        #expect(result.text == "# Notes\n!!!")
        #expect(!result.isStable)
        #expect(result.applied.map(\.pass) == [1, 2, 3])
    }

    /// The tool hands `fix` the draft it decoded to find its format: the first pass checks that one, and only the
    /// fixed texts are decoded.
    @Test(arguments: [true, false])
    func aDraftDecodedAlreadyIsNotDecodedAgain(handedOn: Bool) throws {
        let checker = EditorialChecker(registry: try RuleRegistry(rules: [RestlessRule()]))
        let source = SourceText("# Notes\n")
        var decodes = 0
        let decoded = handedOn ? try BeehiivAdapter().decodeDraft(source) : nil
        let result = try checker.fixStored(source, format: "beehiiv", maximumPasses: 3, decoded: decoded) { text throws(NewsletterError) in
            decodes += 1
            return try BeehiivAdapter().decodeDraft(text)
        }
        #expect(result.text == "# Notes\n!!!")
        #expect(decodes == (handedOn ? 3 : 4))
    }

    /// The tool keeps of each applied fix what its report prints: rule, severity, range, the fix's summary and safety.
    @Test func appliedFixesKeptForAReportLoseOnlyWhatTheReportDoesNotPrint() throws {
        let checker = EditorialChecker(registry: try RuleRegistry(rules: [CurlyQuoteRule(), NoSynergyRule()]))
        let source = SourceText("# Notes\n\n\"Team synergy\" is \"synergy\"!!!\n")
        func fixed(inFull: Bool) throws -> StoredFixResult {
            try checker.fixStored(source, format: "beehiiv", keepingAppliedInFull: inFull) { text throws(NewsletterError) in
                try BeehiivAdapter().decodeDraft(text)
            }
        }
        let full = try fixed(inFull: true)
        let reported = try fixed(inFull: false)
        #expect(reported.text == full.text)
        #expect(Array(reported.remaining) == Array(full.remaining))
        #expect(reported.appliedPasses == full.appliedPasses)
        #expect(full.applied.count == 4)
        for (kept, whole) in zip(reported.applied, full.applied) {
            #expect(kept == Diagnostic(
                ruleID: whole.ruleID, severity: whole.severity, message: "", range: whole.range,
                fix: Fix(summary: whole.fix!.summary, edits: [], safety: whole.fix!.safety)
            ))
            #expect(!whole.message.isEmpty && !whole.fix!.edits.isEmpty)
        }
    }

    @Test func registryRefusesDuplicateAndMalformedIdentifiers() throws {
        var registry = RuleRegistry.builtIn
        #expect(throws: NewsletterError.self) { try registry.register(MojibakeRule()) }
        #expect(throws: NewsletterError.self) { try RuleRegistry(rules: [NoSynergyRule(), NoSynergyRule()]) }
        try registry.register(NoSynergyRule())
        #expect(registry.description(id: "no-synergy")?.name == "No synergy")
    }

    @Test func configurationKnowsRulesOfTheRegistryItIsReadWith() throws {
        let yaml = SourceText("rules:\n  slow-link: error\n  no-synergy: false\n")
        let configuration = try LintConfiguration(yaml: yaml, registry: try registry())
        #expect(configuration.rules["slow-link"] == RuleSettings(isEnabled: true, severity: .error))
        #expect(try LintConfiguration(yaml: yaml).warnings.map(\.ruleID) == ["slow-link", "no-synergy"])
        #expect(throws: NewsletterError.self) { try LintConfiguration(yaml: yaml, strict: true) }
    }

    @Test func diagnosticsAndRuleDescriptionsRoundTripThroughJSON() throws {
        let report = try NewsletterLint().check(SourceText(BeehiivExportFixture.text))
        let data = try JSONEncoder().encode(report.diagnostics)
        #expect(try JSONDecoder().decode([Diagnostic].self, from: data) == report.diagnostics)
        let descriptions = RuleRegistry.builtIn.descriptions
        #expect(try JSONDecoder().decode([RuleDescription].self, from: JSONEncoder().encode(descriptions)) == descriptions)
    }

    @Test func filesAreReadCheckedAndFixedWithTheNearestConfiguration() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsletterlint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "rules:\n  placeholder-link: false\n".write(to: folder.appendingPathComponent(".newsletterlint.yml"), atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent("drafts/issue.md").path
        try BeehiivExportFixture.text.write(toFile: path, atomically: true, encoding: .utf8)

        let lint = try NewsletterLint(configurationForDraftAt: path)
        let report = try lint.check(fileAt: path)
        #expect(report.format == "beehiiv")
        #expect(report.source.path == path)
        #expect(!report.diagnostics.contains { $0.ruleID == "placeholder-link" })
        #expect(report.highestSeverity == .error)
        let fixed = try lint.fix(fileAt: path)
        #expect(fixed.text.contains("## **🤌 Ben’s Picks**"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == BeehiivExportFixture.text)
        #expect(throws: NewsletterError.self) { try lint.check(fileAt: folder.appendingPathComponent("missing.md").path) }
    }
}
