import Foundation
import JSONAdapter
import MojibakeRepair
import NewsletterCore
import TestSupport
import Testing

/// Strings written with `\u` escapes (Python's `json.dumps` default) are listed in `Issue.escapedTexts`, decoded,
/// with the way back to the escapes, so that mojibake hidden in them is found and placed where it is written.
@Suite("escaped strings")
struct EscapedTextTests {
    /// Text with five mojibake spans: curly apostrophe, pinched fingers, é, a star with its variation selector, and
    /// curly quotes (each quote is one span).
    static let mangledTitle = "Ben‚Äôs Picks ü§å"
    static let mangledBody = "Caf√© ‚≠êÔ∏è and ‚Äúquoted‚Äù text"

    static func json(escaping: Bool) -> String {
        let json = """
            {
              "format": "newsletterkit-issue",
              "version": 1,
              "title": "\(mangledTitle)",
              "preamble": "\(mangledBody)\\n"
            }

            """
        return escaping ? escapingNonASCII(json) : json
    }

    /// Every character beyond ASCII as `\u` escapes (surrogate pairs beyond the BMP), as Python writes JSON.
    static func escapingNonASCII(_ text: String) -> String {
        PythonJSONEscaping.escapingNonASCII(text)
    }

    /// The mojibake the rule reads: spans in the source itself, and spans in each escaped string placed back in the
    /// source (those written without any escape are the source's own, already found there).
    static func mojibake(in source: SourceText, issue: NewsletterCore.Issue) -> [(source: String, replacement: String)] {
        let bytes = Array(source.text.utf8)
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var found = Mojibake.scan(source).map { (range: $0.utf8Range, replacement: $0.replacement) }
        for escaped in issue.escapedTexts {
            for span in Mojibake.scan(escaped.text) where escaped.containsEscape(inDecoded: span.utf8Range) {
                found.append((escaped.sourceRange(ofDecoded: span.utf8Range), escaped.written(span.replacement)))
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }.map { (text($0.range), $0.replacement) }
    }

    @Test("mojibake written with escapes is found as often as written plainly, at the escapes")
    func sameFindingsEscaped() throws {
        let plain = SourceText(Self.json(escaping: false), path: "plain.json")
        let escaped = SourceText(Self.json(escaping: true), path: "escaped.json")
        let plainFindings = Self.mojibake(in: plain, issue: try JSONAdapter().decode(plain))
        let escapedIssue = try JSONAdapter().decode(escaped)
        #expect(escapedIssue.escapedTexts.map(\.text) == [Self.mangledTitle, Self.mangledBody + "\n"])
        // Before the escapes were listed, a rule reading the source found none of them.
        #expect(Mojibake.scan(escaped).isEmpty)

        let escapedFindings = Self.mojibake(in: escaped, issue: escapedIssue)
        #expect(plainFindings.count == 5)
        #expect(escapedFindings.map(\.replacement) == plainFindings.map(\.replacement))
        #expect(escapedFindings.map(\.source) == plainFindings.map { Self.escapingNonASCII($0.source) })
        #expect(escapedFindings.first?.source == "\\u201a\\u00c4\\u00f4")
    }

    @Test("decoded offsets map to the escapes that wrote them, each escape covered whole")
    func sourceRanges() throws {
        // "Caf\u00c3\u00a9 \ud83e\udd0c!" with its opening quote at offset 10.
        let source = SourceText(#"{"title": "Caf\u00c3\u00a9 \ud83e\udd0c!"}"#)
        let escaped = try #require(try JSONAdapter().decode(source).escapedTexts.first)
        #expect(escaped.text == "CafÃ© 🤌!")
        #expect(escaped.sourceStart == 11)
        #expect(escaped.escapes.map(\.source) == [14..<20, 20..<26, 27..<39])
        #expect(escaped.sourceRange(ofDecoded: 0..<3) == 11..<14)
        #expect(escaped.sourceRange(ofDecoded: 3..<7) == 14..<26)
        #expect(escaped.sourceRange(ofDecoded: 4..<5) == 14..<20, "half a character covers its whole escape")
        #expect(escaped.sourceRange(ofDecoded: 7..<8) == 26..<27)
        #expect(escaped.sourceRange(ofDecoded: 8..<12) == 27..<39)
        #expect(escaped.sourceRange(ofDecoded: 12..<13) == 39..<40)
        #expect(escaped.sourceRange(ofDecoded: 3..<3) == 14..<14)
        #expect(!escaped.containsEscape(inDecoded: 0..<3))
        #expect(escaped.containsEscape(inDecoded: 2..<4))
    }

    @Test("strings whose escapes are all ASCII, and plain strings, are not listed", arguments: [
        #"{"title": "line\nbreak \"quoted\" back\\slash \u0041"}"#,
        #"{"title": "Café 🤌 written plainly"}"#,
    ])
    func notListed(json: String) throws {
        #expect(try JSONAdapter().decode(SourceText(json)).escapedTexts == [])
    }

    @Test("keys and values anywhere in the document are listed, in order")
    func keysAndNestedValues() throws {
        let json = #"{"metadata": {"caf\u00e9": ["x", "\u00fc"]}, "sections": [{"title": "\u00e9", "level": 2}]}"#
        let texts = try JSONAdapter().decode(SourceText(json)).escapedTexts.map(\.text)
        #expect(texts == ["café", "ü", "é"])
    }

    @Test("a replacement is written as UTF-8, escaping only what JSON requires")
    func written() {
        let escaped = EscapedText(text: "", sourceStart: 0, escapes: [])
        #expect(escaped.written("’🤌é") == "’🤌é")
        #expect(escaped.written("a\"b\\c\nd\u{1}") == #"a\"b\\c\nd\u0001"#)
    }

    @Test("every character of a generated string maps back to exactly the escape or byte that wrote it", arguments: 0..<20)
    func mappingProperty(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let alphabet: [String] = ["a", " ", "é", "🤌", "\\n", "\\\"", "’", "日", "\\u0041", "\u{7F}"]
        let content = (0..<Int.random(in: 1...30, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
        let json = "{\"title\": \"\(Self.escapingNonASCII(content))\"}"
        let source = SourceText(json)
        let issue = try JSONAdapter().decode(source)
        let title = try #require(issue.title)
        guard let escaped = issue.escapedTexts.first else {
            #expect(!title.unicodeScalars.contains { $0.value >= 0x80 })
            return
        }
        #expect(escaped.text == title)
        let bytes = Array(source.text.utf8)
        var offset = 0
        for scalar in title.unicodeScalars {
            let count = String(scalar).utf8.count
            let written = String(decoding: bytes[escaped.sourceRange(ofDecoded: offset..<offset + count)], as: UTF8.self)
            // The source text of one character, read as a JSON string, is that character.
            let reread = try JSONReader().read(SourceText("\"\(written)\""))
            #expect(reread.content == .string(String(scalar)), "\(written) at \(offset)")
            offset += count
        }
    }
}
