import Foundation
import NewsletterCore
import Testing

@Suite struct SourceTextTests {
    // "é" is 2 bytes, "🤌" is 4 bytes and 2 UTF-16 units, so the three column kinds differ after them.
    static let text = "plain line\ncafé 🤌 [x](https://a.example)\r\nlast"

    @Test func linesAreIndexedForLFAndCRLF() {
        let source = SourceText(Self.text)
        #expect(source.lineStarts == [0, 11, 46])
        #expect(source.lineText(2) == "café 🤌 [x](https://a.example)")
        #expect(source.lineText(3) == "last")
    }

    @Test func offsetAfterEmojiHasDistinctColumnKinds() {
        let source = SourceText(Self.text)
        // "[" follows "café 🤌 " which is 7 scalars, 11 bytes, 8 UTF-16 units.
        let bracket = source.location(atUTF8Offset: 11 + 11)
        #expect(bracket == SourceLocation(offset: 22, line: 2, column: 8))
        #expect(source.utf8Column(of: bracket) == 12)
        #expect(source.utf16Column(of: bracket) == 9)
    }

    @Test(arguments: [(1, 1), (4, 4), (6, 5), (7, 6), (11, 7), (12, 8)])
    func utf8ColumnsConvertToScalarColumns(utf8Column: Int, scalarColumn: Int) {
        let source = SourceText(Self.text)
        let fromBytes = source.location(line: 2, utf8Column: utf8Column)
        let fromScalars = source.location(line: 2, scalarColumn: scalarColumn)
        #expect(fromBytes == fromScalars)
        #expect(fromBytes.column == scalarColumn)
    }

    @Test func invalidUTF8NamesLineAndColumnOfFirstBadByte() {
        var bytes = Array("ok\nÅngström \u{1F44B} ".utf8)
        bytes.append(0xC3)
        bytes.append(0x28)
        #expect(throws: NewsletterError(
            .invalidEncoding,
            "invalid UTF-8: the byte sequence starting with 0xC3 is not a character",
            path: "draft.md",
            location: SourceLocation(offset: 19, line: 2, column: 12)
        )) {
            try SourceText(data: Data(bytes), path: "draft.md")
        }
    }

    @Test(arguments: [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98], [0xFF]] as [[UInt8]])
    func overlongSurrogateOutOfRangeAndTruncatedSequencesAreRejected(bytes: [UInt8]) {
        #expect(throws: NewsletterError.self) { try SourceText(data: Data([0x61] + bytes)) }
    }

    @Test func inputOverTheSizeLimitIsRefused() {
        #expect(throws: NewsletterError(.limitExceeded, "input is 11 bytes, more than the limit of 10 bytes", path: "big.md")) {
            try SourceText(data: Data(repeating: 0x61, count: 11), path: "big.md", maximumSize: 10)
        }
    }

    @Test func errorRendersLikeACompilerWithCaret() {
        let source = SourceText("---\ntitle: Daily Digest: What's new?\n---\n", path: "draft.md")
        let error = NewsletterError(.malformedInput, "mapping values are not allowed here", at: source.location(line: 2, scalarColumn: 20), in: source)
        #expect(error.description == """
            draft.md:2:20: error: mapping values are not allowed here
            title: Daily Digest: What's new?
                               ^
            """)
    }

    @Test func locationsEncodeTheirThreeCoordinatesAndAreTwelveBytes() throws {
        let location = NewsletterCore.SourceLocation(offset: 4_294_967_295, line: 2, column: 9)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(location), as: UTF8.self)
        #expect(json == #"{"column":9,"line":2,"offset":4294967295}"#)
        #expect(try JSONDecoder().decode(NewsletterCore.SourceLocation.self, from: Data(json.utf8)) == location)
        #expect(MemoryLayout<NewsletterCore.SourceLocation>.size == 12)
    }

    @Test(arguments: [#"{"offset":4294967296,"line":1,"column":1}"#, #"{"offset":0,"line":-1,"column":1}"#])
    func decodingACoordinateOutOfRangeIsAnError(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NewsletterCore.SourceLocation.self, from: Data(json.utf8)) }
    }
}
