import Foundation
import JSONAdapter
import NewsletterCore
import TestSupport
import Testing

@Suite struct JSONAdapterDecodingTests {
    private let adapter = JSONAdapter()

    private func range(_ line: Int, _ column: Int, _ offset: Int, _ endLine: Int, _ endColumn: Int, _ endOffset: Int) -> SourceRange {
        SourceRange(
            start: SourceLocation(offset: offset, line: line, column: column),
            end: SourceLocation(offset: endOffset, line: endLine, column: endColumn)
        )
    }

    @Test func theCleanExampleDecodesToExactValues() throws {
        let issue = try adapter.decode(RepositoryFiles.source("Examples/Drafts/json/clean-issue.json"))
        #expect(issue.title == "The Tinkerer's Digest #12")
        #expect(issue.subtitle == "Soldering irons, sourdough timers and a reader's clock")
        #expect(issue.authors == ["Mira Okafor"])
        #expect(issue.date == PublicationDate(parsing: "2026-03-05"))
        #expect(issue.date?.iso8601 == "2026-03-05")
        #expect(issue.slug == "tinkerers-digest-12")
        #expect(issue.tags == ["hardware", "kitchen"])
        #expect(issue.metadata == ["draft": .bool(false), "series": .mapping(["name": .string("Tinkerer's Digest"), "number": .integer(12)])])
        #expect(issue.preamble.hasPrefix("Hello tinkerers! This week's issue"))
        #expect(issue.sections.map(\.title) == ["Tools of the Week", "Kitchen Lab", "Reader Mail"])
        #expect(issue.sections.map(\.emoji) == ["🔧", "🍞", nil])
        #expect(issue.sections.map(\.level) == [2, 2, 2])
        #expect(issue.sections[2].heading == "## Reader Mail")
        #expect(issue.sections[2].body == "\nNothing this week. Reply to this email to be featured!\n")
        // The issue's positions point into the JSON file; the ranges it records, into the draft it was made from.
        #expect(issue.sections[2].range?.description == "141:5-164:6")
        #expect(issue.sections[2].headingRange?.description == "143:19-143:33")
        #expect(issue.recordedPositions?[issue.sections[2].range] == RecordedPositions.Ranges(
            range: range(24, 1, 826, 27, 1, 897),
            innerRange: range(24, 1, 826, 24, 15, 840)
        ))
        #expect(issue.links.map(\.destination) == [
            "https://tinkerersdigest.example/issues/11",
            "https://shop.tinkerersdigest.example/irons?model=p2&ref=digest",
            "https://tools.tinkerersdigest.example/multimeter-guide",
            "https://lab.tinkerersdigest.example/sourdough.png",
        ])
        #expect(issue.links[1].rawDestination == #"https://shop.tinkerersdigest.example/irons?model=p2\&ref=digest"#)
        #expect(issue.links[2].kind == .autolink)
        #expect(issue.links[3].title == "Wiring")
        #expect(issue.links[0].withoutPositions == Link(
            text: "last week's issue",
            destination: "https://tinkerersdigest.example/issues/11",
            kind: .inline
        ))
        #expect(issue.links[0].range?.description == "167:5-188:6")
        #expect(issue.links[0].destinationRange?.description == "169:15-169:56")
        #expect(issue.recordedPositions?[issue.links[0].range] == RecordedPositions.Ranges(
            range: range(13, 72, 335, 13, 134, 397),
            innerRange: range(13, 92, 355, 13, 133, 396)
        ))
        // The same links, each at its own object: the section's copy and the copy in the issue's `links`.
        #expect(issue.sections[0].links.map(\.withoutPositions) == issue.links[1...2].map(\.withoutPositions))
        #expect(issue.sections[1].links.map(\.withoutPositions) == [issue.links[3].withoutPositions])
        #expect(issue.sections[1].links[0].range?.description == "101:9-122:10")
        #expect(issue.links[3].range?.description == "234:5-255:6")
    }

    @Test func positionsPointIntoTheJSONTextBeingRead() throws {
        let text = #"""
            {
              "sections": [
                {
                  "title": "Tools",
                  "heading": "## 🔧 Tools",
                  "level": 2,
                  "links": [
                    {"text": "kit", "url": "https://kit.example/a"},
                    {"text": "escaped", "url": "https:\/\/kit.example\/b"}
                  ]
                },
                {"title": "No heading", "level": 3}
              ]
            }
            """#
        let issue = try adapter.decode(SourceText(text, path: "draft.json"))
        #expect(issue.sections.map { $0.range?.description } == ["3:5-11:6", "12:5-12:40"])
        // The heading's text inside its quotes; without a heading, the title's.
        #expect(issue.sections.map { $0.headingRange?.description } == ["5:19-5:29", "12:16-12:26"])
        #expect(issue.links.map { $0.range?.description } == ["8:9-8:56", "9:9-9:63"])
        // The URL's text inside its quotes; none for a URL written with escapes, which no edit may split.
        #expect(issue.links.map { $0.destinationRange?.description } == ["8:33-8:54", nil])
        #expect(issue.links[1].destination == "https://kit.example/b")
        #expect(issue.recordedPositions == RecordedPositions())
    }

    @Test func rangesWrittenInTheJSONAreKeptAsRecordedPositions() throws {
        let text = #"""
            {"links": [{"url": "https://a.example/", "range": {"line": 7, "column": 3, "offset": 90, "endLine": 7,
              "endColumn": 30, "endOffset": 117}, "destinationRange": {"line": 7, "column": 9, "offset": 96, "endLine": 7,
              "endColumn": 29, "endOffset": 116}}]}
            """#
        let issue = try adapter.decode(SourceText(text, path: "draft.json"))
        #expect(issue.links[0].range?.description == "1:12-3:38")
        #expect(issue.recordedPositions?[issue.links[0].range] == RecordedPositions.Ranges(
            range: range(7, 3, 90, 7, 30, 117),
            innerRange: range(7, 9, 96, 7, 29, 116)
        ))
    }

    @Test func theCleanExampleIsWrittenBackByteForByte() throws {
        let source = try RepositoryFiles.source("Examples/Drafts/json/clean-issue.json")
        let encoded = try adapter.encode(adapter.decode(source))
        #expect(encoded.text == source.text)
        #expect(encoded.warnings.isEmpty)
    }

    @Test func wrongTypeDeepInsideNamesTheJSONPathAndPosition() {
        let text = """
            {
              "format": "newsletterkit-issue",
              "version": 1,
              "sections": [
                {"title": "A", "level": 2},
                {"title": "B", "level": 2},
                {"title": "C", "level": 2},
                {
                  "title": "D",
                  "level": 2,
                  "links": [
                       {"url": 42}
                  ]
                }
              ]
            }
            """
        let source = SourceText(text, path: "draft.json")
        do {
            _ = try adapter.decode(source)
            Testing.Issue.record("expected an error")
        } catch {
            #expect(error.kind == .malformedInput)
            #expect(error.description == """
                draft.json:12:20: error: sections[3].links[0].url: expected a string, found a number
                           {"url": 42}
                                   ^
                """)
        }
    }

    static let wrongTypes: [(text: String, message: String, column: Int)] = [
        (#"{"title": 7}"#, "title: expected a string or null, found a number", 11),
        (#"{"authors": "Ada"}"#, "authors: expected an array, found a string", 13),
        (#"{"authors": ["Ada", 3]}"#, "authors[1]: expected a string, found a number", 21),
        (#"{"date": {"day": 1}}"#, "date: expected a string or null, found an object", 10),
        (#"{"sections": [{"title": "A", "level": 9}]}"#, "sections[0].level: expected a heading level from 1 to 6, found 9", 39),
        (#"{"sections": [{"title": "A", "level": 2.5}]}"#, "sections[0].level: expected an integer, found 2.5", 39),
        (#"{"sections": [{"level": 2}]}"#, #"sections[0]: missing "title""#, 15),
        (#"{"sections": [{"title": "A"}]}"#, #"sections[0]: missing "level""#, 15),
        (#"{"sections": "none"}"#, "sections: expected an array, found a string", 14),
        (#"{"links": [{"text": "t"}]}"#, #"links[0]: missing "url""#, 12),
        (#"{"links": [{"url": "u", "kind": "link"}]}"#, #"links[0].kind: expected one of inline, reference, autolink, bareURL, image, dataField, html, found "link""#, 33),
        (#"{"links": [{"url": "u", "range": {"line": 1}}]}"#, #"links[0].range: missing "column""#, 34),
        (#"{"links": [{"url": "u", "range": {"line": 0}}]}"#, "links[0].range.line: expected an integer from 1 to 4294967295, found 0", 43),
        (
            #"{"links": [{"url": "u", "range": {"offset": 4294967296}}]}"#,
            "links[0].range.offset: expected an integer from 0 to 4294967295, found 4294967296", 45
        ),
        (
            #"{"links": [{"url": "u", "range": {"line": 1, "column": 1, "offset": 5, "endLine": 1, "endColumn": 1, "endOffset": 2}}]}"#,
            "links[0].range: the range ends before it starts", 34
        ),
        (#"{"metadata": []}"#, "metadata: expected an object, found an array", 14),
        (#"{"metadata": {"big": 1e400}}"#, "metadata.big: the number 1e400 is too large to hold", 22),
        (#"{"format": "other"}"#, #"format: expected "newsletterkit-issue", found "other""#, 12),
        (#"{"version": 2}"#, "version: this reader understands version 1, found version 2", 13),
        (#"{"version": "1"}"#, "version: expected an integer, found a string", 13),
        (#"{"metadata": {"source": 1}, "source": 2}"#, "source: also a key of metadata; give it once", 29),
        ("[]", "expected an object at the top level, found an array", 1),
    ]

    @Test(arguments: wrongTypes)
    func wrongTypesNameThePathAndPosition(text: String, message: String, column: Int) {
        let source = SourceText(text, path: "draft.json")
        #expect(throws: NewsletterError(.malformedInput, message, at: source.location(line: 1, scalarColumn: column), in: source)) {
            try adapter.decode(source)
        }
    }

    @Test func truncatedJSONIsAnErrorAtTheEnd() {
        let text = """
            {
              "format": "newsletterkit-issue",
              "sections": [
                {"title": "Cool Tools", "level": 2}
            """
        let source = SourceText(text, path: "draft.json")
        #expect(throws: NewsletterError(
            .malformedInput,
            "unexpected end of input; expected ',' or ']' (the array opened at 3:15 is not closed)",
            at: SourceLocation(offset: text.utf8.count, line: 4, column: 40),
            in: source
        )) {
            try adapter.decode(source)
        }
    }

    @Test func fieldsTheFormDoesNotDefineAreKeptInMetadataUnderTheirPath() throws {
        let text = """
            {"format": "newsletterkit-issue", "version": 1, "title": "T", "source": "cms", "metadata": {"draft": true},
             "sections": [{"title": "A", "level": 2, "color": "red",
               "links": [{"url": "https://a.example", "rel": ["nofollow"], "range": {"line": 1, "column": 1, "offset": 0,
                 "endLine": 1, "endColumn": 2, "endOffset": 1, "file": "a.md"}}]}],
             "x-count": 3}
            """
        let issue = try adapter.decode(SourceText(text))
        #expect(issue.metadata == [
            "draft": .bool(true),
            "source": .string("cms"),
            "sections[0].color": .string("red"),
            "sections[0].links[0].rel": .list([.string("nofollow")]),
            "sections[0].links[0].range.file": .string("a.md"),
            "x-count": .integer(3),
        ])
        #expect(issue.sections[0].links[0].destination == "https://a.example")
    }

    @Test func metadataValuesKeepTheirJSONTypesAndOrder() throws {
        let text = #"{"metadata": {"z": null, "i": -7, "big": 12345678901234567890, "d": 2.50, "e": 1E3, "s": "2.5", "l": [1, [true]], "m": {"b": 1, "a": 2}}}"#
        let issue = try adapter.decode(SourceText(text))
        #expect(issue.metadata.keys == ["z", "i", "big", "d", "e", "s", "l", "m"])
        #expect(issue.metadata == [
            "z": .null, "i": .integer(-7), "big": .double(12_345_678_901_234_567_890.0), "d": .double(2.5), "e": .double(1000),
            "s": .string("2.5"), "l": .list([.integer(1), .list([.bool(true)])]), "m": .mapping(["b": .integer(1), "a": .integer(2)]),
        ])
    }

    @Test(arguments: ["", "   \n\t", "\u{FEFF}", "\u{FEFF}\r\n"])
    func blankInputIsAnEmptyIssue(text: String) throws {
        #expect(try adapter.decode(SourceText(text)) == Issue())
    }

    @Test func aByteOrderMarkIsAcceptedAndNotWrittenBack() throws {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array(#"{"format": "newsletterkit-issue", "title": "Hi"}"#.utf8)
        let source = try SourceText(data: Data(bytes), path: "bom.json")
        #expect(adapter.sniff(source) == .certain)
        let issue = try adapter.decode(source)
        #expect(issue.title == "Hi")
        #expect(try adapter.encode(issue).text.hasPrefix("{\n  \"format\""))
    }

    @Test func positionsAfterAByteOrderMarkCountItAsTheFirstColumn() {
        let source = SourceText("\u{FEFF}{\"title\": 1}", path: "bom.json")
        #expect(throws: NewsletterError(.malformedInput, "title: expected a string or null, found a number", at: SourceLocation(offset: 13, line: 1, column: 12), in: source)) {
            try adapter.decode(source)
        }
    }

    @Test func binaryGarbageThatIsNotUTF8IsRefusedWhenRead() {
        let bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x08, 0x00, 0xC3, 0x28, 0xFF, 0xFE]
        #expect(throws: NewsletterError(
            .invalidEncoding,
            "invalid UTF-8: the byte sequence starting with 0xC3 is not a character",
            path: "archive.json",
            location: SourceLocation(offset: 8, line: 1, column: 9)
        )) {
            try adapter.decode(SourceText(data: Data(bytes), path: "archive.json"))
        }
    }

    @Test func binaryGarbageThatIsUTF8IsMalformedJSON() {
        let source = SourceText("PK\u{3}\u{4}\u{14}\u{0}", path: "archive.json")
        #expect(adapter.sniff(source) == .none)
        #expect(throws: NewsletterError(.malformedInput, "unexpected 'P'; expected a value", at: source.location(atUTF8Offset: 0), in: source)) {
            try adapter.decode(source)
        }
    }

    @Test(arguments: 1...20)
    func randomBytesNeverDecodeAndNeverCrash(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let bytes = [UInt8(ascii: "{")] + (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(throws: NewsletterError.self) {
            try adapter.decode(SourceText(data: Data(bytes)))
        }
        let ascii = [UInt8(ascii: "{")] + bytes.dropFirst().map { $0 & 0x7F }
        #expect(throws: NewsletterError.self) {
            try adapter.decode(SourceText(data: Data(ascii)))
        }
    }

    @Test func tenThousandLevelsOfNestingGiveALimitError() {
        let text = #"{"metadata": "# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        let source = SourceText(text, path: "deep.json")
        #expect(throws: NewsletterError(
            .limitExceeded,
            "nesting is deeper than the limit of 128 levels",
            at: SourceLocation(offset: 140, line: 1, column: 141),
            in: source
        )) {
            try adapter.decode(source)
        }
    }

    @Test func inputOverTheSizeLimitIsRefused() {
        let limited = JSONAdapter(limits: JSONReader.Limits(maximumSize: 1 << 20))
        let preamble = String(repeating: "All work and no play. ", count: 50_000)
        let text = "{\"preamble\": \"\(preamble)\"}"
        #expect(throws: NewsletterError(.limitExceeded, "input is \(text.utf8.count) bytes, more than the limit of 1048576 bytes", path: "huge.json")) {
            try limited.decode(SourceText(text, path: "huge.json"))
        }
        #expect(throws: NewsletterError(.limitExceeded, "input is \(1 << 20 + 1) bytes, more than the limit of 1048576 bytes", path: "blank.json")) {
            try limited.decode(SourceText(String(repeating: " ", count: 1 << 20 + 1), path: "blank.json"))
        }
    }

    @Test func inputUnderTheSizeLimitIsReadWhole() throws {
        let preamble = String(repeating: "All work and no play. ", count: 40_000)
        let limited = JSONAdapter(limits: JSONReader.Limits(maximumSize: 1 << 20))
        let issue = try limited.decode(SourceText("{\"preamble\": \"\(preamble)\"}"))
        #expect(issue.preamble.utf8.count == 880_000)
    }

    static let sniffed: [(text: String, confidence: FormatConfidence)] = [
        (#"{"format": "newsletterkit-issue", "version": 1}"#, .certain),
        (" \n{\"version\": 1, \"format\": \"newsletterkit-issue\"}", .certain),
        (#"{"format": "jsonfeed"}"#, .possible),
        (#"{"format": "newsletterkit-issue""#, .possible),
        (#"{"metadata": {"format": "newsletterkit-issue"}}"#, .possible),
        ("[1, 2]", .none),
        ("---\ntitle: x\n---\n", .none),
        ("", .none),
    ]

    @Test(arguments: sniffed)
    func sniffingLooksForTheFormatField(text: String, confidence: FormatConfidence) {
        #expect(adapter.sniff(SourceText(text)) == confidence)
    }

    @Test func theRegistryPicksTheAdapterForJSONFiles() throws {
        let registry = try FormatRegistry([JSONAdapter()])
        let source = SourceText(#"{"format": "newsletterkit-issue", "title": "T"}"#, path: "issue.json")
        #expect(try registry.adapter(forPath: "issue.json", source: source).identifier == "json")
        #expect(try registry.decode(source).issue.title == "T")
        #expect(adapter.name == "NewsletterKit JSON")
        #expect(adapter.fileExtensions == ["json"])
    }

    @Test func dateTextIsTheTextAndDateIsTheMoment() throws {
        let issue = try adapter.decode(SourceText(#"{"date": "2023-01-03", "dateText": "January 03, 2023"}"#))
        #expect(issue.date == PublicationDate(parsing: "January 03, 2023"))
        let unparsed = try adapter.decode(SourceText(#"{"date": null, "dateText": "next Tuesday"}"#))
        #expect(unparsed.date == PublicationDate(text: "next Tuesday", date: nil))
        let handWritten = try adapter.decode(SourceText(#"{"date": "Jan 3, 2023"}"#))
        #expect(handWritten.date == PublicationDate(parsing: "Jan 3, 2023"))
        #expect(handWritten.date?.iso8601 == "2023-01-03")
    }

    @Test func sectionsAndLinksMayLeaveOutWhatTheyDoNotNeed() throws {
        let text = #"{"sections": [{"title": "Cool Tools", "emoji": "🛠️", "level": 3, "links": [{"url": "https://a.example"}]}]}"#
        let issue = try adapter.decode(SourceText(text)).withoutPositions
        #expect(issue.sections == [Section(
            heading: "### 🛠️ Cool Tools", title: "Cool Tools", emoji: "🛠️", level: 3,
            links: [Link(text: "", destination: "https://a.example", kind: .dataField)]
        )])
        #expect(issue.links == issue.sections[0].links)
    }
}
