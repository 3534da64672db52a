import NewsletterKit
import Testing

/// Whole drafts in each format checked with the default configuration: the exact (rule, line, column) list.
@Suite struct WholeDraftTests {
    static func found(_ report: LintReport) -> [String] {
        report.diagnostics.map { "\($0.ruleID) \($0.range.start.line):\($0.range.start.column)" }
    }

    @Test func laterBeehiivIssue() throws {
        let report = try NewsletterLint().check(SourceText(LaterIssueFixture.text, path: "issue-350.md"))
        #expect(report.format == "beehiiv")
        #expect(Self.found(report) == [
            // Where the missing header lines would go: after the title and subtitle.
            "missing-author 4:1",
            "missing-date 4:1",
            "trailing-whitespace-break 9:13",
            "non-descriptive-link-text 14:37",
            "mojibake 22:9",
            "duplicate-link 24:66",
            "placeholder-link 28:36",
        ])
        // The fenced code block holds `TODO` and `a**b**c`, and neither is reported.
        #expect(!report.diagnostics.contains { (17...20).contains($0.range.start.line) })
    }

    @Test func frontMatterDraft() throws {
        let report = try NewsletterLint().check(SourceText(FrontMatterFixture.text, path: "notes.md"))
        #expect(report.format == "front-matter")
        #expect(Self.found(report) == [
            "mojibake 2:8",
            "missing-date 4:7",
            // At the end of the front matter, where the field would be written.
            "missing-author 7:1",
            "mojibake 9:20",
            "malformed-url 14:32",
            "placeholder-link 20:6",
            "image-alt-text 20:49",
        ])
        #expect(report.diagnostics[1].message == "the publication date 'Febuary 16, 2024' is not a date")
    }

    @Test func frontMatterFixRepairsTheFrontMatterValue() throws {
        let result = try NewsletterLint().fix(SourceText(FrontMatterFixture.text, path: "notes.md"))
        #expect(result.text.hasPrefix("---\ntitle: 🤌 Weekly Notes\n"))
        #expect(result.text.contains("Café opening hours"))
        #expect(result.applied.map(\.diagnostic.ruleID) == ["mojibake", "mojibake"])
        #expect(try NewsletterLint().check(SourceText(result.text, path: "notes.md")).issue.title == "🤌 Weekly Notes")
    }

    /// The JSON form of the beehiiv fixture: diagnostics land on the JSON objects and strings, mojibake in the JSON text.
    @Test func jsonDraftReportsInTheJSONText() throws {
        let issue = try FormatRegistry.standard.decode(SourceText(BeehiivExportFixture.text), format: "beehiiv").issue
        let json = SourceText(try JSONAdapter().encode(issue).text, path: "issue.json")
        let report = try NewsletterLint().check(json)
        #expect(report.format == "json")
        let positional = report.diagnostics.filter { $0.ruleID != "mojibake" }
        #expect(positional.map { "\($0.ruleID) \($0.range.start.line):\($0.range.start.column)" } == [
            "heading-increment 322:19",
            "empty-section 370:19",
            "non-descriptive-link-text 647:5",
            "non-descriptive-link-text 670:5",
            "non-descriptive-link-text 692:5",
            "non-descriptive-link-text 715:5",
            "malformed-url 717:15",
            "non-descriptive-link-text 737:5",
            "insecure-link 739:15",
            "image-alt-text 803:5",
            "non-descriptive-link-text 825:5",
            "duplicate-link 827:15",
            "placeholder-link 894:15",
            "placeholder-link 916:15",
            "placeholder-link 938:15",
        ])
        // The misspelled scheme is fixed inside the JSON string, which stays valid JSON.
        let malformed = try #require(positional.first { $0.ruleID == "malformed-url" })
        #expect(malformed.fix.map { $0.edits.map { json[$0.range] } } == ["htps://"])
        #expect(json.lineText(717).hasSuffix("\"url\": \"htps://tabbit.app\","))
        let mojibake = report.diagnostics.filter { $0.ruleID == "mojibake" }
        // Eleven mangled emoji and one apostrophe each in a heading and a title (24), the greeting and the star.
        #expect(mojibake.count == 26)
        for diagnostic in mojibake {
            #expect(diagnostic.fix?.edits.first.map { json[$0.range] } == diagnostic.message.split(separator: "'")[1])
        }
    }
}
