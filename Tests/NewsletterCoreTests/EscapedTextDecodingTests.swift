import NewsletterCore
import Testing

@Suite struct EscapedTextDecodingTests {
    /// `{"body": "Say \"hi\"\nto ü"}`: the body's content is at offsets 10..<27.
    static let file = SourceText(#"{"body": "Say \"hi\"\nto ü"}"#)

    @Test func decodesEveryEscapeAndMapsBack() throws {
        let body = try #require(EscapedText(decoding: 10..<27, in: Self.file))
        #expect(body.text == "Say \"hi\"\nto ü")
        #expect(body.sourceStart == 10)
        #expect(body.escapes == [
            EscapedText.Escape(decoded: 4..<5, source: 14..<16),
            EscapedText.Escape(decoded: 7..<8, source: 18..<20),
            EscapedText.Escape(decoded: 8..<9, source: 20..<22),
        ])
        #expect(body.sourceRange(ofDecoded: 9..<11) == 22..<24)
        #expect(Self.file.slice(body.sourceRange(ofDecoded: 9..<11)) == "to")
        #expect(body.sourceRange(ofDecoded: 3..<5) == 13..<16)
        #expect(body.sourceRange(ofDecoded: 12..<14) == 25..<27)
    }

    @Test func surrogatePairsAreOneEscape() throws {
        let file = SourceText(#""\ud83e\udd0c \u00fc/\/""#)
        let text = try #require(EscapedText(decoding: 1..<file.utf8Count - 1, in: file))
        #expect(text.text == "🤌 ü//")
        #expect(text.escapes == [
            EscapedText.Escape(decoded: 0..<4, source: 1..<13),
            EscapedText.Escape(decoded: 5..<7, source: 14..<20),
            EscapedText.Escape(decoded: 8..<9, source: 21..<23),
        ])
        #expect(text.sourceRange(ofDecoded: 0..<4) == 1..<13)
    }

    @Test func textWithoutEscapesIsItself() throws {
        let file = SourceText(#"{"a": "plain ü"}"#)
        let text = try #require(EscapedText(decoding: 7..<15, in: file))
        #expect(text.text == "plain ü")
        #expect(text.escapes == [])
        #expect(text.sourceRange(ofDecoded: 6..<8) == 13..<15)
    }

    @Test(arguments: [
        #"bad \q escape"#, #"cut \"#, #"cut \u00"#, #"\u00zz"#, #"lone \ud83e high"#, #"lone \udd0c low"#,
        "raw \" quote", "raw \u{1} control",
    ])
    func contentThatNoJSONStringHoldsIsNil(content: String) {
        let file = SourceText(content)
        #expect(EscapedText(decoding: 0..<file.utf8Count, in: file) == nil)
    }

    @Test(arguments: [-1..<3, 0..<99])
    func rangesOutsideTheTextAreNil(range: Range<Int>) {
        #expect(EscapedText(decoding: range, in: SourceText("abc")) == nil)
    }
}
