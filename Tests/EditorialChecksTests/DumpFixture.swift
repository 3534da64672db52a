import NewsletterKit
import Testing

@Suite struct DumpFixture {
    @Test func dump() throws {
        let configuration = try LintConfiguration(yaml: SourceText(BeehiivExportFixture.configuration))
        let report = try NewsletterLint(configuration: configuration).check(SourceText(BeehiivExportFixture.text, path: "issue.md"))
        for s in report.issue.sections { print("SECTION", s.level, s.title, "|", s.emoji ?? "-", s.headingRange?.start ?? SourceLocation(offset: 0, line: 0, column: 0), s.body.count) }
        print("TITLE", report.issue.title ?? "nil", "SUB", report.issue.subtitle ?? "nil", "AUTH", report.issue.authors, "DATE", report.issue.date?.text ?? "nil")
        for l in report.issue.links { print("LINK", l.kind, l.text, l.destination, l.range?.start ?? SourceLocation(offset: 0, line: 0, column: 0), l.destinationRange?.start ?? SourceLocation(offset: 0, line: 0, column: 0)) }
        for d in report.diagnostics { print("DIAG", "(\"\(d.ruleID)\", \(d.range.start.line), \(d.range.start.column)),", d.message, d.fix?.summary ?? "") }
    }
}
@Suite struct DumpHeadings {
    @Test func headings() throws {
        let source = SourceText(BeehiivExportFixture.text)
        let issue = try FormatRegistry.standard.decode(source, format: "beehiiv").issue
        for s in issue.sections { print("H", s.heading == String(source[s.headingRange!]), s.heading.debugDescription, source[s.headingRange!].debugDescription) }
        for l in issue.links { print("L", l.rawDestination == String(source[l.destinationRange!])) }
    }
}
