import NewsletterKit
import Testing

@Suite struct DumpLater {
    @Test func dump() throws {
        let report = try NewsletterLint().check(SourceText(LaterIssueFixture.text, path: "later.md"))
        print("ISSUE", report.issue.title ?? "-", report.issue.subtitle ?? "-", report.issue.authors, report.issue.date?.text ?? "-")
        for d in report.diagnostics { print("DIAG", "(\"\(d.ruleID)\", \(d.range.start.line), \(d.range.start.column), \"\(d.message)\"),") }
        let issue = try FormatRegistry.standard.decode(SourceText(BeehiivExportFixture.text), format: "beehiiv").issue
        let json = try JSONAdapter().encode(issue).text
        print("JSONTEXT", json.prefix(400))
        let jreport = try NewsletterLint().check(SourceText(json, path: "issue.json"))
        for d in jreport.diagnostics { print("JDIAG", "(\"\(d.ruleID)\", \(d.range.start.line), \(d.range.start.column), \"\(d.message)\"),") }
    }
}
