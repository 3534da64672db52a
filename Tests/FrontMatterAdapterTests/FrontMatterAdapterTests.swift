import FrontMatterAdapter
import Foundation
import NewsletterCore
import NewsletterKitTesting
import NewsletterYAML
import Testing

@Suite struct FrontMatterAdapterTests {
    static let adapter = FrontMatterAdapter()

    static func decode(_ text: String) throws(NewsletterError) -> NewsletterCore.Issue {
        try adapter.decode(SourceText(text, path: "draft.md"))
    }

    /// Decodes and encodes again, expecting the very same text.
    static func expectRoundTrip(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let encoded = try adapter.encode(try decode(text))
        #expect(encoded == EncodedIssue(text: text), sourceLocation: sourceLocation)
        verifyRoundTrip(of: adapter, decoding: text, expectingSameText: true, sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        ("---\ntitle: A\n---\n", FormatConfidence.certain), ("\u{FEFF}---  \ntitle: A\n---\n", .certain),
        ("# Just Markdown\n", .none), ("----\n", .none), ("", .none),
    ])
    func sniffIsCertainOnlyWithAnOpeningDelimiter(text: String, confidence: FormatConfidence) {
        #expect(Self.adapter.sniff(SourceText(text)) == confidence)
        #expect(Self.adapter.identifier == "front-matter")
        #expect(Self.adapter.fileExtensions == ["md", "markdown"])
    }

    @Test func otherSpellingsOfKnownKeysAreReadAndWrittenBack() throws {
        let text = "---\ntitle: Notes\ndescription: Short and sweet\npublish_date: 2024-02-16T09:30:00Z\nauthor: Jane Roe\n---\nBody\n"
        let issue = try Self.decode(text)
        #expect(issue.subtitle == "Short and sweet")
        #expect(issue.date?.text == "2024-02-16T09:30:00Z")
        #expect(issue.date?.iso8601 == "2024-02-16T09:30:00Z")
        #expect(issue.authors == ["Jane Roe"])
        #expect(issue.metadata.keys == [FrontMatterAdapter.layoutMetadataKey])
        try Self.expectRoundTrip(text)
    }

    @Test func unknownKeysKeepTheirValueTreesInOrder() throws {
        let issue = try Self.decode("---\nzeta: no\ntitle: A\nweight: 1.0\nextra:\n  list: [1, two, ~]\n  on: true\nalpha: 2024-02-16\n---\n")
        #expect(issue.metadata == [
            "zeta": .string("no"),
            "weight": .double(1.0),
            "extra": .mapping(["list": .list([.integer(1), .string("two"), .null]), "on": .bool(true)]),
            "alpha": .string("2024-02-16"),
        ])
    }

    @Test func knownFieldsAreWrittenFirstThenMetadataInOrder() throws {
        try Self.expectRoundTrip("---\ntitle: A\nsubtitle: B\ndate: 2024-02-16\nauthors:\n- C\nslug: d\ntags:\n- e\nzeta: 'no'\nalpha: 1\n---\nBody\n")
        let reordered = try Self.adapter.encode(try Self.decode("---\nzeta: 'no'\ntags: [e]\ntitle: A\nalpha: 1\n---\n"))
        #expect(reordered.text == "---\ntitle: A\ntags:\n- e\nzeta: 'no'\nalpha: 1\n---\n")
    }

    @Test func scalarsOfOtherTypesFillKnownFieldsWithTheirText() throws {
        let issue = try Self.decode("---\ntitle: 1984\nslug: true\ntags: [2024, swift]\n---\n")
        #expect(issue.title == "1984")
        #expect(issue.slug == "true")
        #expect(issue.tags == ["2024", "swift"])
    }

    @Test func aNullTitleStaysInMetadata() throws {
        let issue = try Self.decode("---\ntitle: ~\nsubtitle: null\n---\n")
        #expect(issue.title == nil)
        #expect(issue.subtitle == nil)
        #expect(issue.metadata == ["title": .null, "subtitle": .null])
        try Self.expectRoundTrip("---\ntitle: null\nsubtitle: null\n---\n")
    }

    @Test func metadataUnderAKnownKeyThatReadingWouldRefuseIsNotWritten() throws {
        var issue = NewsletterCore.Issue()
        issue.metadata = ["subtitle": .list([.string("a"), .string("b")]), "authors": .list([.mapping(["name": .string("A")])])]
        let encoded = try FrontMatterAdapter().encode(issue)
        #expect(encoded.text == "---\n---\n")
        #expect(encoded.warnings == [
            ConversionWarning(field: "metadata.subtitle", message: "not written: front matter reads 'subtitle' as the issue's subtitle, which must be a string"),
            ConversionWarning(
                field: "metadata.authors",
                message: "not written: front matter reads 'authors' as the issue's authors, which must be a string or a list of strings"
            ),
        ])
    }

    @Test func timestampsWithZonesBecomeDatesKeepingTheirText() throws {
        let issue = try Self.decode("---\ndate: 2024-02-16 09:30:00 +01:00\n---\n")
        #expect(issue.date?.text == "2024-02-16 09:30:00 +01:00")
        #expect(issue.date?.iso8601 == "2024-02-16T08:30:00Z")
        let english = try Self.decode("---\ndate: January 03, 2023\n---\n")
        #expect(english.date?.iso8601 == "2023-01-03")
    }

    @Test func byteOrderMarkIsKeptForReencoding() throws {
        let text = "\u{FEFF}---\ntitle: A\n---\nBody\n"
        let issue = try Self.decode(text)
        #expect(issue.title == "A")
        #expect(issue.metadata == [FrontMatterAdapter.layoutMetadataKey: .mapping(["byte-order-mark": .bool(true)])])
        try Self.expectRoundTrip(text)
    }

    @Test func windowsLineEndingsWorkAndStay() throws {
        let text = "---\r\ntitle: A\r\ntags:\r\n- x\r\nnotes: |-\r\n  one\r\n  two\r\n---\r\nHello\r\n\r\n## Head\r\n\r\nText\r\n"
        let issue = try Self.decode(text)
        #expect(issue.title == "A")
        #expect(issue.metadata["notes"] == .string("one\ntwo"))
        #expect(issue.sections.map(\.body) == ["\r\nText\r\n"])
        #expect(issue.sections.first?.headingRange?.start == SourceLocation(offset: 66, line: 11, column: 1))
        try Self.expectRoundTrip(text)
    }

    @Test func emptyBlockIsFine() throws {
        let issue = try Self.decode("---\n---\nBody\n")
        #expect(issue == NewsletterCore.Issue(preamble: "Body\n"))
        try Self.expectRoundTrip("---\n---\nBody\n")
        try Self.expectRoundTrip("---\n---\n")
    }

    @Test func aLaterRuleIsBody() throws {
        let issue = try Self.decode("---\ntitle: A\n---\nIntro\n\n---\n\nMore\n")
        #expect(issue.title == "A")
        #expect(issue.preamble == "Intro\n\n---\n\nMore\n")
    }

    @Test func dotsCloseTheBlockAndAreWrittenBack() throws {
        let issue = try Self.decode("---\ntitle: A\n...\nBody\n")
        #expect(issue.preamble == "Body\n")
        try Self.expectRoundTrip("---\ntitle: A\n...\nBody\n")
    }

    @Test func aFileWithoutFrontMatterIsABody() throws {
        let issue = try Self.decode("# Hello\n\nText with a [link](https://a.example).\n")
        #expect(issue.title == nil)
        #expect(issue.sections.map(\.title) == ["Hello"])
        #expect(issue.links.map(\.destination) == ["https://a.example"])
    }

    @Test func bodyPositionsAreInWholeFileCoordinates() throws {
        let issue = try Self.decode("---\ntitle: A\n---\n## Tools\n\nSee [x](https://x.example).\n")
        #expect(issue.sections.first?.headingRange?.start == SourceLocation(offset: 17, line: 4, column: 1))
        #expect(issue.links.first?.range?.start == SourceLocation(offset: 31, line: 6, column: 5))
    }

    @Test func anIssueBuiltInCodeIsWrittenWithQuotingThatReadsBack() throws {
        let issue = NewsletterCore.Issue(
            title: "Daily Digest: What's new?",
            subtitle: "no",
            authors: ["Ana", "Ben"],
            date: PublicationDate(parsing: "2024-02-16"),
            slug: "1.0",
            tags: ["#x", " padded "],
            metadata: ["draft": .bool(true), "title": .string("shadowed"), "note": .string("multi\nline"), "draft": .bool(false)],
            preamble: "Hi 👋",
            sections: [Section(heading: "", title: "Picks", emoji: "🤌", level: 2, body: "\nText\n")]
        )
        let encoded = try Self.adapter.encode(issue)
        #expect(encoded.text == """
            ---
            title: 'Daily Digest: What''s new?'
            subtitle: 'no'
            date: 2024-02-16
            authors:
            - Ana
            - Ben
            slug: '1.0'
            tags:
            - '#x'
            - ' padded '
            draft: true
            note: |-
              multi
              line
            ---
            Hi 👋
            ## 🤌 Picks

            Text

            """)
        #expect(encoded.warnings == [
            ConversionWarning(field: "metadata.title", message: "not written: front matter holds a known field of the issue under the key 'title'"),
            ConversionWarning(field: "metadata.draft", message: "not written: the key 'draft' appears earlier in the metadata"),
        ])
        let decoded = try Self.decode(encoded.text)
        #expect(decoded.title == issue.title)
        #expect(decoded.subtitle == issue.subtitle)
        #expect(decoded.authors == issue.authors)
        #expect(decoded.date == issue.date)
        #expect(decoded.slug == issue.slug)
        #expect(decoded.tags == issue.tags)
        #expect(decoded.metadata == ["draft": .bool(true), "note": .string("multi\nline")])
        #expect(decoded.sections.map(\.title) == ["Picks"])
    }

    @Test(arguments: FrontMatterStrings.tricky)
    func trickyTitlesRoundTripThroughEncodeAndDecode(title: String) throws {
        let issue = NewsletterCore.Issue(title: title, subtitle: title, tags: [title], metadata: ["extra": .string(title)])
        let decoded = try Self.decode(try Self.adapter.encode(issue).text)
        #expect(decoded.title == title)
        #expect(decoded.subtitle == title)
        #expect(decoded.tags == [title])
        #expect(decoded.metadata == ["extra": .string(title)])
    }
}

enum FrontMatterStrings {
    static let tricky = [
        "no", "on", "yes", "off", "1.0", "null", "~", "true", "a: b", "#x", " leading", "trailing ", "multi\nline\ntext",
        "🤌 Ben's Picks", "---", "...", "line\n---\nrule inside", "2024-02-16", "{{first_name | friend}}", "",
    ]
}
