@testable import EditorialChecks
import NewsletterCore
import Testing

/// The log of applied fixes gives back, in the order added, each diagnostic whole or as the report of its fix: rule,
/// severity, range, the fix's summary and safety, whatever the rules, places and summaries.
@Suite struct AppliedFixLogTests {
    /// What a report of `diagnostic`'s fix says.
    static func report(of diagnostic: Diagnostic) -> Diagnostic {
        Diagnostic(
            ruleID: diagnostic.ruleID, severity: diagnostic.severity, message: "", range: diagnostic.range,
            fix: diagnostic.fix.map { Fix(summary: $0.summary, edits: [], safety: $0.safety) }
        )
    }

    /// Diagnostics from twenty rules (more than fit beside the flags), moving back and forth over lines and columns as
    /// later passes do, some without a fix, with repeated summaries and, past the table's 4,096, unique ones.
    static var mixed: [Diagnostic] {
        (0..<6_000).map { index in
            let line = index % 7 == 0 ? 1 : 70_000 - index
            let column = index % 3 == 0 ? 176_000 : index % 50 + 1
            let start = SourceLocation(offset: 4_000_000_000 - index * 9, line: line, column: column)
            let end = index % 5 == 0
                ? SourceLocation(offset: start.offset + 40, line: line + 2, column: 3)
                : SourceLocation(offset: start.offset + 4, line: line, column: column + 4)
            let summary = index % 2 == 0 ? "replace 'ü§å' with '🤌'" : "summary \(index)"
            return Diagnostic(
                ruleID: "rule-\(index % 20)", severity: [.error, .warning, .info][index % 3], message: "message \(index)",
                range: SourceRange(start: start, end: end),
                fix: index % 11 == 0 ? nil : Fix(
                    summary: summary, edits: [TextEdit(range: SourceRange(start: start, end: end), replacement: "x")],
                    safety: index % 4 == 0 ? .suggestion : .safe
                )
            )
        }
    }

    @Test(arguments: [true, false])
    func givesBackEachDiagnosticInOrder(keepingInFull: Bool) {
        let diagnostics = Self.mixed
        let store = DiagnosticStore(diagnostics)
        var log = AppliedFixLog(keepingInFull: keepingInFull)
        #expect(log.isEmpty)
        // Added out of the store's order, as passes choose them.
        let order = Array(stride(from: 0, to: diagnostics.count, by: 2)) + Array(stride(from: 1, to: diagnostics.count, by: 2))
        for position in order { log.append(position, of: store) }
        #expect(log.count == 6_000)
        let expected = order.map { keepingInFull ? diagnostics[$0] : Self.report(of: diagnostics[$0]) }
        #expect(Array(log) == expected)
    }

    @Test func aReportTakesAFewBytes() {
        let diagnostics = (0..<1_000).map { index in
            let start = SourceLocation(offset: 100_000 + index * 8, line: 3, column: 1 + index * 8)
            let range = SourceRange(start: start, end: SourceLocation(offset: start.offset + 7, line: 3, column: start.column + 4))
            return Diagnostic(
                ruleID: "mojibake", severity: .error, message: "UTF-8 read as Mac OS Roman: 'ü§å' should be '🤌'", range: range,
                fix: Fix(summary: "replace 'ü§å' with '🤌'", edits: [TextEdit(range: range, replacement: "🤌")], safety: .safe)
            )
        }
        let store = DiagnosticStore(diagnostics)
        var log = AppliedFixLog(keepingInFull: false)
        for position in store.indices { log.append(position, of: store) }
        // A flag byte, the start moved by 8 bytes and columns on the same line (3), the end (3), the summary's index (1);
        // the first report's start is 100,000 bytes and two lines on (2 bytes more).
        #expect(log.reportByteCount == 8_002)
        #expect(Array(log).last == Self.report(of: diagnostics[999]))
    }
}
