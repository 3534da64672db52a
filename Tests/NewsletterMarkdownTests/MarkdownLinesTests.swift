@testable import NewsletterMarkdown
import Testing

/// The line reader that cuts pieces and places the markup limit's error: where lines start and end, which are blank.
@Suite struct MarkdownLinesTests {
    private static func withLines<Result>(_ text: String, _ body: (MarkdownLines) -> Result) -> Result {
        Array(text.utf8).withUnsafeBufferPointer { body(MarkdownLines(bytes: $0, range: 0..<$0.count)) }
    }

    /// The line before offset `lineStart` of each text, and where it starts when it is blank.
    @Test(arguments: [
        ("a\n\nb", 3, 2 as Int?),
        ("a\n \t \nb", 6, 2),
        ("a\n \r\nb", 5, 2),
        ("a\n \r \nb", 6, 2),
        ("a\n x\nb", 5, nil),
        ("a\nb", 2, nil),
        ("\nb", 1, 0),
        (" \nb", 2, 0),
        ("b", 0, nil),
    ])
    func blankLineBefore(text: String, lineStart: Int, expected: Int?) {
        #expect(Self.withLines(text) { $0.blankLineStart(before: lineStart) } == expected)
    }

    @Test func linesEndPastTheirLineFeedAndStartAfterTheOneBefore() {
        Self.withLines("ab\ncd\n\nef") { lines in
            #expect([0, 1, 2, 3, 5, 6, 7].map(lines.lineEnd(from:)) == [3, 3, 3, 6, 6, 7, 9])
            #expect([0, 2, 3, 5, 6, 8].map(lines.lineStart(holding:)) == [0, 0, 3, 3, 6, 7])
            #expect(lines.isBlank(6..<7) && lines.isBlank(2..<3) && !lines.isBlank(3..<6))
        }
    }
}
