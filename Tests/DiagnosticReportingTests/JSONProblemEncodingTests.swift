@testable import DiagnosticReporting
import EditorialChecks
import NewsletterCore
import Foundation
import TestSupport
import Testing

/// The JSON report writes each problem by hand, and must write exactly the bytes `JSONEncoder` (through
/// `PrettyJSON`) wrote for it: every escape, every optional part, every indent.
@Suite("JSON problems written by hand")
struct JSONProblemEncodingTests {
    /// Text with every ASCII character (controls, quotes, backslash, slash), characters beyond ASCII and emoji.
    static let awkwardTexts: [String] = [
        "", "plain", "a \"quoted\" word", #"back\slash and \\ two"#, "http://a.example/b/c", "tab\there",
        "line\nfeed", "return\r\n", "bell\u{07} escape\u{1B} unit\u{1F} delete\u{7F}", "nul\u{0}", "\u{08}\u{0C}\u{0B}",
        "café ü§å 🤌 北京", "\u{2028}\u{2029}\u{FEFF}", String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) }),
    ]

    static func diagnostic(text: String, fix edits: Int?, number: Int) -> Diagnostic {
        func place(_ line: Int, _ column: Int, _ endLine: Int, _ endColumn: Int) -> SourceRange {
            SourceRange(start: SourceLocation(offset: column, line: line, column: column),
                        end: SourceLocation(offset: endColumn, line: endLine, column: endColumn))
        }
        return Diagnostic(
            ruleID: "rule-\(text)", severity: [.error, .warning, .info][number % 3], message: "message \(text)",
            range: place(number, number + 1, number * 7, 12_345 + number),
            fix: edits.map { count in
                Fix(summary: "summary \(text)", edits: (0..<count).map { index in
                    TextEdit(range: place(index, index + 2, index + 3, index + 40), replacement: text + "\(index)")
                }, safety: number % 2 == 0 ? .safe : .suggestion)
            }
        )
    }

    /// The element written from the stored diagnostic, and the one JSONEncoder writes for its entry.
    static func written(_ diagnostic: Diagnostic, file: String, first: Bool) throws -> (String, String) {
        var written: [UInt8] = []
        StoredDiagnostic.with(diagnostic) { JSONReporter.appendElement($0, file: file, first: first, to: &written) }
        let encoded = try PrettyJSON().element(JSONReporter.Entry(file: file, diagnostic: diagnostic), depth: 1, first: first)
        return (String(decoding: written, as: UTF8.self), encoded)
    }

    @Test(arguments: awkwardTexts.indices)
    func agreesWithJSONEncoder(textIndex: Int) throws {
        let text = Self.awkwardTexts[textIndex]
        for edits in [nil, 0, 1, 3] as [Int?] {
            for first in [true, false] {
                let (written, encoded) = try Self.written(Self.diagnostic(text: text, fix: edits, number: textIndex), file: "notes/\(text).md", first: first)
                #expect(written == encoded, "\(text.debugDescription) \(String(describing: edits))")
            }
        }
    }

    /// Three hundred texts of up to eleven pieces that each need escaping, or not, in an order from `seed`.
    static func generatedTexts(seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        let pieces = ["\"", "\\", "/", "\n", "\u{1}", "\u{1F}", " ", "a", "é", "🤌", "\r", "\t", "\u{7F}"]
        return (0..<300).map { _ in
            (0..<Int(generator.next() % 12)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        }
    }

    @Test func agreesWithJSONEncoderOnGeneratedText() throws {
        for (number, text) in Self.generatedTexts(seed: 15).enumerated() {
            let diagnostic = Self.diagnostic(text: text, fix: number % 3 == 0 ? nil : number % 4, number: number)
            let (written, encoded) = try Self.written(diagnostic, file: "notes/\(text).md", first: number % 2 == 0)
            #expect(written == encoded, "\(text.debugDescription)")
        }
    }
}
