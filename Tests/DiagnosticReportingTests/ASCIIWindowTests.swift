@testable import DiagnosticReporting
import EditorialChecks
import NewsletterCore
import TestSupport
import Testing

/// The text report cuts the window of a long line of printable ASCII from the offsets alone; it must show what the
/// window walk shows, at any width.
@Suite struct ASCIIWindowTests {
    @Test(arguments: [10, 40, 120])
    func theReportShowsTheWalksWindow(width: Int) {
        var generator = SeededGenerator(seed: UInt64(width))
        let alphabet = Array("abc [](){}<>.,;:!?'\"/\\-_=+*&^%$#@~`|0123456789".utf8)
        for _ in 0..<150 {
            // Longer than the width, so that it is shown as a window.
            let length = Int.random(in: (width + 1)...(10 * width), using: &generator)
            let line = String(decoding: (0..<length).map { _ in alphabet.randomElement(using: &generator)! }, as: UTF8.self)
            let source = SourceText("# Notes\n" + line + "\nthe end\n")
            let lineStart = 8
            let start = lineStart + Int.random(in: 0...length, using: &generator)
            // Some problems run on past the line's end.
            let end = min(start + Int.random(in: 0...(2 * width), using: &generator), source.utf8Count)
            let diagnostic = Diagnostic(ruleID: "example", severity: .warning, message: "m", range: source.range(utf8Offsets: start..<end))
            let rendered = TextReporter(width: width).render(diagnostic, file: "d.md", source: source).split(separator: "\n", omittingEmptySubsequences: false)

            let lineText = Substring(line)
            let lower = lineText.utf8.index(lineText.startIndex, offsetBy: start - lineStart)
            let upper = lineText.utf8.index(lineText.startIndex, offsetBy: min(end, lineStart + length) - lineStart)
            let excerpt = LineExcerpt(line: lineText, range: lower..<upper, width: width)
            let underline = "^" + String(repeating: "~", count: excerpt.underlineWidth - 1)
            #expect(Array(rendered[1...2]) == [Substring(excerpt.text), Substring(excerpt.indent + underline)], "\(line) \(start)..<\(end)")
        }
    }
}
