@testable import DiagnosticReporting
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

    static func entry(text: String, fix edits: Int?, number: Int) -> JSONReporter.Entry {
        JSONReporter.Entry(
            file: "notes/\(text).md", line: number, column: number + 1, endLine: number * 7, endColumn: 12_345 + number,
            severity: "warning", rule: "rule-\(text)", message: "message \(text)",
            fix: edits.map { count in
                JSONReporter.FixEntry(safety: "safe", summary: "summary \(text)", edits: (0..<count).map { index in
                    JSONReporter.EditEntry(line: index, column: index + 2, endLine: index + 3, endColumn: index + 40, replacement: text + "\(index)")
                })
            }
        )
    }

    @Test(arguments: awkwardTexts.indices)
    func agreesWithJSONEncoder(textIndex: Int) throws {
        let text = Self.awkwardTexts[textIndex]
        for edits in [nil, 0, 1, 3] as [Int?] {
            for first in [true, false] {
                let entry = Self.entry(text: text, fix: edits, number: textIndex)
                var written: [UInt8] = []
                entry.appendElement(to: &written, first: first)
                let encoded = try PrettyJSON().element(entry, depth: 1, first: first)
                #expect(String(decoding: written, as: UTF8.self) == encoded, "\(text.debugDescription) \(String(describing: edits))")
            }
        }
    }

    @Test func agreesWithJSONEncoderOnGeneratedText() throws {
        var generator = SeededGenerator(seed: 15)
        let pieces = ["\"", "\\", "/", "\n", "\u{1}", "\u{1F}", " ", "a", "é", "🤌", "\r", "\t", "\u{7F}"]
        for number in 0..<300 {
            let text = (0..<Int(generator.next() % 12)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let entry = Self.entry(text: text, fix: number % 3 == 0 ? nil : number % 4, number: number)
            var written: [UInt8] = []
            entry.appendElement(to: &written, first: number % 2 == 0)
            let encoded = try PrettyJSON().element(entry, depth: 1, first: number % 2 == 0)
            #expect(String(decoding: written, as: UTF8.self) == encoded, "\(text.debugDescription)")
        }
    }
}
