import NewsletterKit
import Testing

/// Whole drafts checked with every rule: the exact list of what is reported, and what fixing does.
@Suite struct BeehiivExportTests {
    static let expected: [(rule: String, line: Int, column: Int, message: String)] = [
        ("mojibake", 10, 27, "UTF-8 read as Mac OS Roman: '\u{F8FF}üëã' should be '👋'"),
        ("emphasis-spacing", 12, 24, "bold text starts right after a word; add a space"),
        ("emphasis-spacing", 12, 68, "bold text starts right after a word; add a space"),
        ("mojibake", 14, 6, "UTF-8 read as Mac OS Roman: '\u{F8FF}üì∞' should be '📰'"),
        ("non-descriptive-link-text", 16, 53, "link text 'link' does not say where the link leads"),
        ("non-descriptive-link-text", 17, 45, "link text 'link' does not say where the link leads"),
        ("mojibake", 19, 7, "UTF-8 read as Mac OS Roman (the Apple logo standing for byte F0 was lost): 'üß∞' should be '🧰'"),
        ("non-descriptive-link-text", 21, 52, "link text 'link' does not say where the link leads"),
        ("non-descriptive-link-text", 22, 33, "link text 'link' does not say where the link leads"),
        ("malformed-url", 22, 47, "misspelled scheme 'htps'; did you mean 'https'?"),
        ("non-descriptive-link-text", 23, 37, "link text 'read more' does not say where the link leads"),
        ("insecure-link", 23, 49, "link to 'notepath.app' uses http; use https"),
        ("missing-section", 25, 1, "missing section 'Jobs Board'; expected after 'Ben's Picks'"),
        ("mojibake", 25, 6, "UTF-8 read as Mac OS Roman: '\u{F8FF}ü§å' should be '🤌'"),
        ("mojibake", 25, 14, "UTF-8 read as Mac OS Roman: '‚Äô' should be '’'"),
        ("link-spacing", 27, 19, "link starts right after a word; add a space"),
        ("image-alt-text", 29, 1, "image 'https://media.beehiiv.com/uploads/asset/file/123/chart.png' has no alt text"),
        ("mojibake", 31, 6, "UTF-8 read as Mac OS Roman: '\u{F8FF}üî•' should be '🔥'"),
        ("non-descriptive-link-text", 33, 41, "link text 'link' does not say where the link leads"),
        ("duplicate-link", 33, 55, "'https://ledgerly.app/?utm_source=digest&utm_medium=email' is already linked"),
        ("heading-increment", 35, 1, "heading level jumps from 2 to 6"),
        ("mojibake", 35, 10, "UTF-8 read as Mac OS Roman: '\u{F8FF}üì£' should be '📣'"),
        ("mojibake", 39, 12, "UTF-8 read as Mac OS Roman: '\u{F8FF}üí°' should be '💡'"),
        ("mojibake", 41, 20, "UTF-8 read as Mac OS Roman: '‚≠êÔ∏è' should be '⭐️'"),
        ("empty-section", 43, 1, "section 'Reading List' is empty"),
        ("mojibake", 43, 7, "UTF-8 read as Mac OS Roman: '\u{F8FF}üìö' should be '📚'"),
        ("mojibake", 45, 7, "UTF-8 read as Mac OS Roman (the Apple logo standing for byte F0 was lost): 'üéôÔ∏è' should be '🎙️'"),
        ("mojibake", 49, 6, "UTF-8 read as Mac OS Roman: '\u{F8FF}üéØ' should be '🎯'"),
        ("mojibake", 53, 6, "UTF-8 read as Mac OS Roman: '\u{F8FF}üó≥Ô∏è' should be '🗳️'"),
        ("mojibake", 61, 6, "UTF-8 read as Mac OS Roman: '\u{F8FF}üëã' should be '👋'"),
        ("placeholder-link", 65, 20, "link destination contains the placeholder 'PLACEHOLDER'"),
        ("placeholder-link", 67, 18, "link destination contains the placeholder '{{rp_refer_url}}'"),
        ("placeholder-link", 69, 28, "link destination contains the placeholder '{{email}}'"),
    ]

    let lint: NewsletterLint
    let source = SourceText(BeehiivExportFixture.text, path: "issue-350.md")

    init() throws {
        lint = NewsletterLint(configuration: try LintConfiguration(yaml: SourceText(BeehiivExportFixture.configuration)))
    }

    @Test func everyDiagnosticIsExpected() throws {
        let report = try lint.check(source)
        #expect(report.format == "beehiiv")
        let found = report.diagnostics.map { "\($0.ruleID) \($0.range.start.line):\($0.range.start.column) \($0.message)" }
        let expected = Self.expected.map { "\($0.rule) \($0.line):\($0.column) \($0.message)" }
        #expect(found == expected)
    }

    @Test func theFixtureHoldsWhatItClaims() throws {
        let report = try lint.check(source)
        let mangledHeadings = report.diagnostics.filter { diagnostic in
            diagnostic.ruleID == "mojibake" && report.issue.sections.contains { $0.headingRange?.start.line == diagnostic.range.start.line }
        }
        #expect(Set(mangledHeadings.map(\.range.start.line)).count == 11)
        #expect(report.diagnostics.filter { $0.ruleID == "placeholder-link" }.count == 3)
        // 14 mojibake, 3 placeholders, 1 malformed URL, 1 missing section.
        #expect(report.diagnostics.filter { $0.severity == .error }.count == 19)
    }

    @Test func fixingAppliesEverySafeFixAndKeepsEveryOtherByte() throws {
        let result = try lint.fix(source)
        #expect(result.isStable)
        // Fourteen mojibake spans, two bold spacings, one link spacing: all in one pass.
        #expect(result.applied.count == 17)
        #expect(result.applied.allSatisfy { $0.pass == 1 && $0.fix.safety == .safe })
        #expect(Set(result.applied.map(\.diagnostic.ruleID)) == ["mojibake", "emphasis-spacing", "link-spacing"])
        #expect(result.text == Self.applyingFromTheEnd(result.applied.flatMap(\.fix.edits), to: source.text))
        #expect(result.text.contains("## **🤌 Ben’s Picks**"))
        #expect(result.text.contains("an API **with** a twist"))
        #expect(result.text.contains("with [a link](https://blog.acme.dev/picks)"))
        #expect(!result.remaining.contains { $0.fix?.safety == .safe })
        let remainingRules = Set(result.remaining.map(\.ruleID))
        #expect(!remainingRules.contains("mojibake") && !remainingRules.contains("emphasis-spacing"))
    }

    @Test func fixingTwiceEqualsFixingOnce() throws {
        let once = try lint.fix(source)
        let twice = try lint.fix(SourceText(once.text, path: source.path))
        #expect(twice.text == once.text)
        #expect(twice.applied.isEmpty)
    }

    @Test func fixesIntroduceNoNewDiagnosticOfTheirRule() throws {
        let before = try lint.check(source).diagnostics
        let result = try lint.fix(source)
        let after = try lint.check(SourceText(result.text)).diagnostics
        for rule in RuleRegistry.builtIn.descriptions {
            let fixed = result.applied.filter { $0.diagnostic.ruleID == rule.id }.count
            let countBefore = before.filter { $0.ruleID == rule.id }.count
            #expect(after.filter { $0.ruleID == rule.id }.count == countBefore - fixed, "\(rule.id)")
        }
    }

    @Test func suggestionsAreAppliedOnlyOnRequest() throws {
        let result = try lint.fix(source, minimumSafety: .suggestion)
        #expect(result.text.contains("[<u>link</u>](https://tabbit.app)"))
        #expect(result.text.contains("[read more](https://notepath.app/start)"))
        #expect(try lint.fix(source).text.contains("(htps://tabbit.app)"))
    }

    @Test func inlineSuppressionSilencesTheNamedRules() throws {
        let suppressed = BeehiivExportFixture.text
            .replacingOccurrences(of: "## **\u{F8FF}üëã See ya**", with: "<!-- newsletterlint-disable placeholder-link -->\n\n## **\u{F8FF}üëã See ya**")
            .replacingOccurrences(of: "###### **", with: "<!-- newsletterlint-disable-next-line heading-increment -->\n###### **")
        let report = try lint.check(SourceText(suppressed))
        #expect(!report.diagnostics.contains { $0.ruleID == "placeholder-link" || $0.ruleID == "heading-increment" })
        #expect(report.diagnostics.filter { $0.ruleID == "mojibake" }.count == 14)
    }

    /// An independent application of edits, from the last to the first on `String` indices.
    static func applyingFromTheEnd(_ edits: [TextEdit], to text: String) -> String {
        var result = text
        for edit in edits.sorted(by: { $0.range.start.offset > $1.range.start.offset }) {
            let utf8 = result.utf8
            let lower = utf8.index(utf8.startIndex, offsetBy: edit.range.start.offset)
            let upper = utf8.index(utf8.startIndex, offsetBy: edit.range.end.offset)
            result.replaceSubrange(lower..<upper, with: edit.replacement)
        }
        return result
    }
}
