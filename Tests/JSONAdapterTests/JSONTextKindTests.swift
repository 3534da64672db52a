import JSONAdapter
import NewsletterCore
import Testing


/// What the JSON adapter declares for rules: Markdown held in strings, and the content of its prose strings.
@Suite struct JSONTextKindTests {
    static let text = #"""
        {"title": "Notes", "subtitle": null, "preamble": "Hi \"all\"\n", "sections": [{"title": "A", "heading": "## A", "level": 2, "body": "", "links": [{"text": "x", "url": "https://a.example"}]}]}
        """#

    @Test func declaresMarkdownInStringsAndTheContentOfItsProseStrings() throws {
        let source = SourceText(Self.text)
        let draft = try JSONAdapter().decodeDraft(source)
        #expect(JSONAdapter().textKind == .markdownInStrings)
        #expect(draft.textKind == .markdownInStrings)
        #expect(draft.markdown == nil)
        // title, preamble, heading and link text; `null` and the empty body hold no prose.
        #expect(draft.proseRanges.map { String(source.slice($0)) } == ["Notes", #"Hi \"all\"\n"#, "## A", "x"])
        #expect(draft.proseRanges == [11..<16, 50..<62, 105..<109, 156..<157])
        let preamble = try #require(EscapedText(decoding: draft.proseRanges[1], in: source))
        #expect(preamble.text == draft.issue.preamble)
        #expect(preamble.text == "Hi \"all\"\n")
    }

    @Test func aLinkObjectWithoutKindIsADataField() throws {
        let issue = try JSONAdapter().decode(SourceText(Self.text))
        #expect(issue.links.map(\.kind) == [.dataField])
        let recorded = try JSONAdapter().decode(SourceText(#"{"links": [{"url": "https://a.example", "kind": "html"}]}"#))
        #expect(recorded.links.map(\.kind) == [.html])
    }

    @Test func decodingEveryStringAgreesWithTheListedEscapedTexts() throws {
        let source = SourceText(#"{"title": "Caf\u00c3\u00a9 \"Nord\"", "preamble": "ok"}"#)
        let issue = try JSONAdapter().decode(source)
        let listed = try #require(issue.escapedTexts.first { $0.text.hasPrefix("Caf") })
        let decoded = try #require(EscapedText(decoding: listed.sourceStart..<listed.sourceStart + 24, in: source))
        #expect(decoded == listed)
        #expect(decoded.text == "CafÃ© \"Nord\"")
    }

    @Test func emptyTextIsAnEmptyDraftOfItsKind() throws {
        let draft = try JSONAdapter().decodeDraft(SourceText(" \n"))
        #expect(draft.textKind == .markdownInStrings)
        #expect(draft.proseRanges == [])
        #expect(draft.issue == Issue())
    }
}
