import Foundation
import JSONAdapter
import NewsletterCore
import NewsletterKitTesting
import Testing

@Suite struct JSONAdapterEncodingTests {
    private let adapter = JSONAdapter()

    @Test func anIssueIsWrittenInTheCanonicalFormWithFixedKeyOrder() throws {
        let link = Link(
            text: "a",
            destination: "https://a.example/x&y",
            rawDestination: #"https://a.example/x\&y"#,
            kind: .inline,
            range: SourceRange(start: SourceLocation(offset: 30, line: 4, column: 3), end: SourceLocation(offset: 55, line: 4, column: 28))
        )
        let issue = Issue(
            title: "Daily Digest: What's new?",
            authors: ["Ada"],
            date: PublicationDate(parsing: "January 03, 2023"),
            metadata: ["draft": .bool(true), "ratio": .double(0.5)],
            preamble: "Hi!\n",
            sections: [Section(heading: "## **🤌 Ben's Picks**", title: "Ben's Picks", emoji: "🤌", level: 2, body: "\n- [a](https://a.example/x\\&y)\n", links: [link])],
            links: [link]
        )
        let encoded = try adapter.encode(issue)
        #expect(encoded.warnings.isEmpty)
        #expect(encoded.text == #"""
            {
              "format": "newsletterkit-issue",
              "version": 1,
              "title": "Daily Digest: What's new?",
              "subtitle": null,
              "authors": [
                "Ada"
              ],
              "date": "2023-01-03",
              "dateText": "January 03, 2023",
              "slug": null,
              "tags": [],
              "metadata": {
                "draft": true,
                "ratio": 0.5
              },
              "preamble": "Hi!\n",
              "sections": [
                {
                  "title": "Ben's Picks",
                  "heading": "## **🤌 Ben's Picks**",
                  "emoji": "🤌",
                  "level": 2,
                  "body": "\n- [a](https://a.example/x\\&y)\n",
                  "links": [
                    {
                      "text": "a",
                      "url": "https://a.example/x&y",
                      "rawDestination": "https://a.example/x\\&y",
                      "kind": "inline",
                      "title": null,
                      "range": {
                        "line": 4,
                        "column": 3,
                        "offset": 30,
                        "endLine": 4,
                        "endColumn": 28,
                        "endOffset": 55
                      }
                    }
                  ]
                }
              ],
              "links": [
                {
                  "text": "a",
                  "url": "https://a.example/x&y",
                  "rawDestination": "https://a.example/x\\&y",
                  "kind": "inline",
                  "title": null,
                  "range": {
                    "line": 4,
                    "column": 3,
                    "offset": 30,
                    "endLine": 4,
                    "endColumn": 28,
                    "endOffset": 55
                  }
                }
              ]
            }

            """#)
    }

    @Test func anEmptyIssueWritesEveryRequiredField() throws {
        #expect(try adapter.encode(Issue()).text == """
            {
              "format": "newsletterkit-issue",
              "version": 1,
              "title": null,
              "subtitle": null,
              "authors": [],
              "date": null,
              "slug": null,
              "tags": [],
              "metadata": {},
              "preamble": "",
              "sections": [],
              "links": []
            }

            """)
    }

    @Test func metadataJSONCannotHoldIsReportedNotDroppedSilently() throws {
        var metadata: Metadata = ["ratio": .double(.nan), "nested": .list([.double(-.infinity)])]
        metadata.entries.append(Metadata.Entry(key: "ratio", value: .integer(2)))
        let encoded = try adapter.encode(Issue(metadata: metadata))
        #expect(encoded.warnings == [
            ConversionWarning(field: "metadata.ratio", message: "nan is not a number JSON can hold; written as null"),
            ConversionWarning(field: "metadata.nested[0]", message: "-inf is not a number JSON can hold; written as null"),
            ConversionWarning(field: "metadata.ratio", message: "the key is given more than once; JSON keeps the first value only"),
        ])
        #expect(try adapter.decode(SourceText(encoded.text)).metadata == ["ratio": .null, "nested": .list([.null])])
    }

    @Test func rangesNoSourceCouldHaveAreLeftOutWithAWarning() throws {
        let zero = SourceLocation(offset: 0, line: 0, column: 3)
        let link = Link(text: "a", destination: "https://a.example", kind: .inline, range: SourceRange(start: zero, end: zero))
        let encoded = try adapter.encode(Issue(sections: [Section(heading: "## A", title: "A", level: 2, links: [link])], links: [link]))
        #expect(encoded.warnings == [
            ConversionWarning(field: "sections[0].links[0].range", message: "0:3-0:3 is not a position in a source (lines and columns start at 1, offsets at 0); left out"),
            ConversionWarning(field: "links[0].range", message: "0:3-0:3 is not a position in a source (lines and columns start at 1, offsets at 0); left out"),
        ])
        let decoded = try adapter.decode(SourceText(encoded.text))
        #expect(decoded.recordedPositions == RecordedPositions())
        #expect(!encoded.text.contains("range"))
    }

    @Test func aHeadingLevelOutsideOneToSixCannotBeWritten() {
        let issue = Issue(sections: [Section(heading: "## A", title: "A", level: 2), Section(heading: "B", title: "B", level: 9)])
        #expect(throws: NewsletterError(.unrepresentable, "sections[1].level: 9 is not a heading level (1 to 6)")) {
            try adapter.encode(issue)
        }
    }

    @Test(arguments: 1...60)
    func generatedIssuesRoundTripExactlyAndStably(seed: UInt64) throws {
        var generator = IssueGenerator(seed: seed)
        let issue = generator.issue()
        let encoded = try adapter.encode(issue)
        #expect(encoded.warnings.isEmpty)
        let source = SourceText(encoded.text, path: "generated.json")
        let decoded = try adapter.decode(source)
        // Every field reads back exactly; positions then point into the JSON, and the issue's own are kept as recorded.
        #expect(decoded.withoutPositions == issue.withoutPositions)
        try JSONPositions.expectPointingIntoJSON(decoded, source)
        for (written, read) in zip(issue.sections, decoded.sections) {
            #expect(decoded.recordedPositions?[read.range] == recorded(written.range, written.headingRange))
        }
        for (written, read) in zip(issue.links + issue.sections.flatMap(\.links), decoded.links + decoded.sections.flatMap(\.links)) {
            #expect(decoded.recordedPositions?[read.range] == recorded(written.range, written.destinationRange))
        }
        #expect(try adapter.encode(decoded).text == encoded.text)
        verifyRoundTrip(of: adapter, encoding: issue)
    }

    /// What decoding keeps in `recordedPositions` for a part written with these ranges.
    private func recorded(_ range: SourceRange?, _ innerRange: SourceRange?) -> RecordedPositions.Ranges? {
        range == nil && innerRange == nil ? nil : RecordedPositions.Ranges(range: range, innerRange: innerRange)
    }

    @Test func positionsInsideAnEarlierJSONTextAreNeverWrittenAsRanges() throws {
        let text = #"""
            {
              "sections": [{"title": "A", "level": 2, "links": [{"url": "https://a.example/"}]}]
            }
            """#
        var issue = try adapter.decode(SourceText(text, path: "hand-written.json"))
        #expect(issue.sections[0].range != nil && issue.links[0].range != nil)
        issue.sections.append(Section(heading: "## B", title: "B", level: 2))
        let written = try adapter.encode(issue)
        #expect(written.warnings.isEmpty)
        #expect(!written.text.contains("range"))
        let again = try adapter.decode(SourceText(written.text, path: "again.json"))
        #expect(again.recordedPositions == RecordedPositions())
        #expect(try adapter.encode(again).text == written.text)
    }

    @Test func recordedRangesFollowTheirPartWhenCodeReordersParts() throws {
        let first = Link(text: "a", destination: "https://a.example/", kind: .inline, range: position(3, 1, 20, 3, 25, 44))
        let second = Link(text: "b", destination: "https://b.example/", kind: .inline, range: position(5, 1, 60, 5, 25, 84))
        var issue = try adapter.decode(SourceText(adapter.encode(Issue(links: [first, second])).text, path: "draft.json"))
        issue.links.reverse()
        let again = try adapter.decode(SourceText(adapter.encode(issue).text, path: "again.json"))
        #expect(again.links.map(\.destination) == ["https://b.example/", "https://a.example/"])
        #expect(again.links.map { again.recordedPositions?[$0.range]?.range } == [second.range, first.range])
    }

    private func position(_ line: Int, _ column: Int, _ offset: Int, _ endLine: Int, _ endColumn: Int, _ endOffset: Int) -> SourceRange {
        SourceRange(
            start: SourceLocation(offset: offset, line: line, column: column),
            end: SourceLocation(offset: endOffset, line: endLine, column: endColumn)
        )
    }

    @Test func linksOutsideSectionsAndInconsistentListsRoundTrip() throws {
        let header = Link(text: "Author", destination: "https://media.example/avatar.jpg", kind: .image)
        let inSection = Link(text: "tool", destination: "https://tools.example", kind: .inline)
        let footer = Link(text: "unsubscribe", destination: "{{unsubscribe_url}}", kind: .inline)
        let issue = Issue(
            sections: [Section(heading: "## Tools", title: "Tools", level: 2, links: [inSection])],
            links: [header, footer, inSection]
        )
        let decoded = try adapter.decode(SourceText(adapter.encode(issue).text)).withoutPositions
        #expect(decoded.links == [header, footer, inSection])
        #expect(decoded.sections[0].links == [inSection])
    }
}

@Suite struct JSONFormDocumentationTests {
    @Test func theExampleInTheJSONFormArticleIsExactlyWhatTheAdapterWrites() throws {
        let article = try RepositoryFiles.source("Sources/Adapters/JSONAdapter/JSONAdapter.docc/JSONForm.md").text
        let start = try #require(article.range(of: "```json\n"))
        let end = try #require(article.range(of: "```\n", range: start.upperBound..<article.endIndex))
        let example = String(article[start.upperBound..<end.lowerBound])
        let adapter = JSONAdapter()
        let issue = try adapter.decode(SourceText(example))
        #expect(issue.date == PublicationDate(parsing: "January 03, 2023"))
        #expect(try adapter.encode(issue).text == example)
    }
}
