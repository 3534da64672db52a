import NewsletterCore
import NewsletterMarkdown
import Testing

/// A link reduced to what the assertions compare: kind, text, destinations and `line:column` ranges.
struct LinkSummary: Equatable, CustomStringConvertible {
    var kind: Link.Kind
    var text: String
    var destination: String
    var raw: String
    var range: String
    var destinationRange: String

    init(_ kind: Link.Kind, _ text: String, _ destination: String, raw: String? = nil, _ range: String, _ destinationRange: String) {
        self.kind = kind
        self.text = text
        self.destination = destination
        self.raw = raw ?? destination
        self.range = range
        self.destinationRange = destinationRange
    }

    init(_ link: Link) {
        kind = link.kind
        text = link.text
        destination = link.destination
        raw = link.rawDestination
        range = link.range.map { "\($0)" } ?? "none"
        destinationRange = link.destinationRange.map { "\($0)" } ?? "none"
    }

    var description: String { "\(kind) \(text.debugDescription) \(destination) [\(raw)] \(range) dest \(destinationRange)" }
}

@Suite struct MarkdownLinkTests {
    @Test func inlineLinksAfterEmojiHaveScalarColumnsAndExactDestinations() throws {
        let source = SourceText("Intro\n- 🧰 [Boxcar](https://boxcar.example/?a=1\\&b=2) and [<u>link</u>](https://x.example \"Title\")\n")
        let document = try MarkdownDocument(parsing: source)
        #expect(document.links.map(LinkSummary.init) == [
            LinkSummary(.inline, "Boxcar", "https://boxcar.example/?a=1&b=2", raw: "https://boxcar.example/?a=1\\&b=2", "2:5-2:47", "2:14-2:46"),
            LinkSummary(.inline, "link", "https://x.example", "2:52-2:92", "2:66-2:83"),
        ])
        #expect(document.links[1].title == "Title")
        // "- 🧰 " is 4 scalars but 7 bytes: cmark's byte column 8 becomes scalar column 5.
        let start = try #require(document.links[0].range?.start)
        #expect(source.utf8Column(of: start) == 8)
        #expect(source[try #require(document.links[0].destinationRange)] == "https://boxcar.example/?a=1\\&b=2")
    }

    @Test func referenceLinksResolveToTheirDefinitionLine() throws {
        let text = """
            Read [the guide][Guide  Label], the [faq][] and [terms].

            [guide label]: https://docs.example/guide?x=1\\&y=2
            [FAQ]: <https://docs.example/faq>
            [terms]: https://docs.example/terms 'Terms'

            """
        let document = try MarkdownDocument(parsing: SourceText(text))
        #expect(document.links.map(LinkSummary.init) == [
            LinkSummary(.reference, "the guide", "https://docs.example/guide?x=1&y=2", raw: "https://docs.example/guide?x=1\\&y=2", "1:6-1:31", "3:16-3:51"),
            LinkSummary(.reference, "faq", "https://docs.example/faq", "1:37-1:44", "4:9-4:33"),
            LinkSummary(.reference, "terms", "https://docs.example/terms", "1:49-1:56", "5:10-5:36"),
        ])
        #expect(document.links[2].title == "Terms")
    }

    @Test func imagesAutolinksAndBadgesAreLinksInDocumentOrder() throws {
        let text = "[![Build badge](https://ci.example/badge.svg)](https://ci.example) <https://a.example/x> <ada@mail.example> ![](https://img.example/p.png)\n"
        let document = try MarkdownDocument(parsing: SourceText(text))
        #expect(document.links.map(LinkSummary.init) == [
            LinkSummary(.inline, "Build badge", "https://ci.example", "1:1-1:67", "1:48-1:66"),
            LinkSummary(.image, "Build badge", "https://ci.example/badge.svg", "1:2-1:46", "1:17-1:45"),
            LinkSummary(.autolink, "https://a.example/x", "https://a.example/x", "1:68-1:89", "1:69-1:88"),
            LinkSummary(.autolink, "ada@mail.example", "mailto:ada@mail.example", raw: "ada@mail.example", "1:90-1:108", "1:91-1:107"),
            LinkSummary(.image, "", "https://img.example/p.png", "1:109-1:139", "1:113-1:138"),
        ])
    }

    @Test func nothingInCodeOrRawHTMLIsALink() throws {
        let text = """
            Run `curl https://api.example/v1` or ``[x](https://y.example)``.
            <a href="https://html.example/">raw</a> ends here.

                https://indented.code.example/

            ```
            [fenced](https://fenced.example) https://fenced.example
            ```

            <div>
            https://html-block.example/
            </div>

            """
        let document = try MarkdownDocument(parsing: SourceText(text))
        #expect(document.links.isEmpty)
    }

    @Test(arguments: [
        ("See https://a.example/x.", "https://a.example/x", "https://a.example/x"),
        ("(see https://a.example/x)", "https://a.example/x", "https://a.example/x"),
        ("see https://en.example/wiki/Foo_(bar), ok", "https://en.example/wiki/Foo_(bar)", "https://en.example/wiki/Foo_(bar)"),
        ("go: https://a.example/?q=1&amp;", "https://a.example/?q=1", "https://a.example/?q=1"),
        ("at www.tools.example/list!", "www.tools.example/list", "http://www.tools.example/list"),
        ("**https://bold.example/a**", "https://bold.example/a", "https://bold.example/a"),
        // GitHub's autolink extension reads bare URLs from the raw text: backslashes stay in the URL.
        ("x https://q.example/?a=1\\&b=2\\", "https://q.example/?a=1\\&b=2\\", "https://q.example/?a=1\\&b=2\\"),
        ("\"https://quoted.example/\"?", "https://quoted.example/", "https://quoted.example/"),
    ])
    func bareURLsDropTrailingPunctuationLikeALinkChecker(line: String, raw: String, destination: String) throws {
        let document = try MarkdownDocument(parsing: SourceText(line + "\n"))
        let link = try #require(document.links.first)
        #expect(document.links.count == 1)
        #expect(link.kind == .bareURL)
        #expect(link.rawDestination == raw)
        #expect(link.text == raw)
        #expect(link.destination == destination)
        let range = try #require(link.range)
        #expect(document.source[range] == raw)
        #expect(link.destinationRange == range)
    }

    /// GitHub links neither (`www.nodot` and `api.https://x.example` it does link, as the browser would follow them),
    /// nor a URL right after an opening bracket that does not become a link.
    @Test(arguments: ["mailhttps://x.example", "https://", "[see https://s.example/p]"])
    func textThatOnlyContainsASchemeIsNotABareURL(line: String) throws {
        #expect(try MarkdownDocument(parsing: SourceText(line)).links.isEmpty)
    }

    @Test func bareURLNextToALinkAndInATableCell() throws {
        let text = """
            Try[the tool](https://tool.example)https://after.example now.

            | Tool | Where |
            |:---|---|
            | Pad | https://pad.example/a, [docs](https://pad.example/docs) |

            """
        let document = try MarkdownDocument(parsing: SourceText(text))
        #expect(document.links.map(LinkSummary.init) == [
            LinkSummary(.inline, "the tool", "https://tool.example", "1:4-1:36", "1:15-1:35"),
            LinkSummary(.bareURL, "https://after.example", "https://after.example", "1:36-1:57", "1:36-1:57"),
            LinkSummary(.bareURL, "https://pad.example/a", "https://pad.example/a", "5:9-5:30", "5:9-5:30"),
            LinkSummary(.inline, "docs", "https://pad.example/docs", "5:32-5:64", "5:39-5:63"),
        ])
    }

    @Test func linksOnIndentedAndQuotedContinuationLinesKeepExactColumns() throws {
        let text = """
            > Quote with [one](https://one.example)
            > and [two](https://two.example).

            1. Item [three](https://three.example)
               more [four](https://four.example)
                  deeper [five](https://five.example)

            """
        let document = try MarkdownDocument(parsing: SourceText(text))
        #expect(document.links.map { "\($0.text) \($0.range!)" } == [
            "one 1:14-1:40", "two 2:7-2:33", "three 4:9-4:39", "four 5:9-5:37", "five 6:14-6:42",
        ])
    }
}

@Suite struct MarkdownHeadingTests {
    @Test func onlyTopLevelHeadingsAreListedWithSourceAndPlainText() throws {
        let text = """
            # Title

            ## **🔥 REAL** REVIEWS
            - ### In a list
            > ### In a quote

            | ### In a cell |
            |---|

            Setext *title*
            ---
            ###### <mark>**💡 Idea**</mark> ######

            """
        let document = try MarkdownDocument(parsing: SourceText(text))
        #expect(document.headings.map(\.level) == [1, 2, 2, 6])
        #expect(document.headings.map(\.source) == ["# Title", "## **🔥 REAL** REVIEWS", "Setext *title*\n---", "###### <mark>**💡 Idea**</mark> ######"])
        #expect(document.headings.map(\.plainText) == ["Title", "🔥 REAL REVIEWS", "Setext title", "💡 Idea"])
        #expect(document.headings.map(\.isSetext) == [false, false, true, false])
        #expect(document.headings.map { "\($0.range)" } == ["1:1-1:8", "3:1-3:22", "10:1-11:4", "12:1-12:38"])
        #expect(document.headings[3].title.emoji == "💡")
        #expect(document.headings[3].title.title == "Idea")
    }
}

@Suite struct MarkdownBodyTests {
    @Test func bodyAfterFrontMatterReportsWholeFilePositions() throws {
        let text = """
            ---
            title: "Spring 🌸 issue"
            ---
            # Hello 🌸

            Body [link](https://a.example) and https://b.example.

            """
        let source = SourceText(text, path: "post.md")
        let bodyStart = source.lineStarts[3]
        let document = try MarkdownDocument(parsing: source, bodyRange: bodyStart..<source.utf8Count)
        #expect(document.bodyRange == bodyStart..<source.utf8Count)
        #expect(document.headings.map { "\($0.range)" } == ["4:1-4:10"])
        #expect(document.links.map(LinkSummary.init) == [
            LinkSummary(.inline, "link", "https://a.example", "6:6-6:31", "6:13-6:30"),
            LinkSummary(.bareURL, "https://b.example", "https://b.example", "6:36-6:53", "6:36-6:53"),
        ])
    }

    @Test func bodyStartingInsideALineCountsColumnsFromTheLineStart() throws {
        let source = SourceText("KEY: [x](https://x.example)\n")
        let document = try MarkdownDocument(parsing: source, bodyRange: 5..<source.utf8Count)
        #expect(document.links.map { "\($0.range!)" } == ["1:6-1:28"])
    }

    @Test func byteOrderMarkAndCRLFLineEndings() throws {
        let source = SourceText("\u{FEFF}# Tïtle\r\n\r\nSee [ä](https://ä.example/ü) ok\r\n## **✅ Done**\r\nhttps://end.example\r\n")
        let document = try MarkdownDocument(parsing: source)
        #expect(document.bodyRange.lowerBound == 3)
        #expect(document.headings.map(\.source) == ["# Tïtle", "## **✅ Done**"])
        #expect(document.headings.map { "\($0.range)" } == ["1:2-1:9", "4:1-4:14"])
        #expect(document.links.map(LinkSummary.init) == [
            LinkSummary(.inline, "ä", "https://ä.example/ü", "3:5-3:29", "3:9-3:28"),
            LinkSummary(.bareURL, "https://end.example", "https://end.example", "5:1-5:20", "5:1-5:20"),
        ])
        let outline = document.outline { $0.level == 2 }
        #expect(outline.preamble == "# Tïtle\r\n\r\nSee [ä](https://ä.example/ü) ok\r\n")
        #expect(outline.sections.map(\.body) == ["https://end.example\r\n"])
    }

    @Test func emptyTextHasNothing() throws {
        let document = try MarkdownDocument(parsing: SourceText(""))
        #expect(document.headings.isEmpty)
        #expect(document.links.isEmpty)
        let outline = document.outline { _ in true }
        #expect(outline.preamble == "")
        #expect(outline.sections.isEmpty)
    }

    @Test func nestingBeyondTheLimitIsAnErrorAtItsPosition() {
        let deep = String(repeating: ">", count: MarkdownDocument.maximumNestingDepth + 5) + " deep\n"
        let source = SourceText("ok\n\n" + deep, path: "deep.md")
        #expect(throws: NewsletterError(
            .limitExceeded,
            "Markdown nests more than 128 levels deep",
            path: "deep.md",
            location: SourceLocation(offset: 4 + 128, line: 3, column: 129),
            sourceLine: deep.trimmingCharacters(in: .newlines)
        )) {
            try MarkdownDocument(parsing: source)
        }
    }

    @Test func nestingWithinTheLimitParses() throws {
        let nested = String(repeating: ">", count: 100) + " [x](https://x.example)\n"
        let document = try MarkdownDocument(parsing: SourceText(nested))
        #expect(document.links.map { "\($0.range!)" } == ["1:102-1:124"])
    }
}

@Suite struct MarkdownOutlineTests {
    static let text = """
        Hi there, [home](https://home.example).

        ### **🤌 Cool Tools**

        - [one](https://one.example)

        ### **📰 News**
        ## **🔥 REAL** REVIEWS
        Read https://r.example.
        #### Not a section here
        More.

        """

    @Test func sectionsAreFlatAndRunToTheNextSectionHeading() throws {
        let document = try MarkdownDocument(parsing: SourceText(Self.text))
        let outline = document.outline { $0.level <= 3 }
        #expect(outline.preamble == "Hi there, [home](https://home.example).\n\n")
        #expect("\(outline.preambleRange)" == "1:1-3:1")
        #expect(outline.sections.map(\.heading) == ["### **🤌 Cool Tools**", "### **📰 News**", "## **🔥 REAL** REVIEWS"])
        #expect(outline.sections.map(\.title) == ["Cool Tools", "News", "REAL REVIEWS"])
        #expect(outline.sections.map(\.emoji) == ["🤌", "📰", "🔥"])
        #expect(outline.sections.map(\.level) == [3, 3, 2])
        #expect(outline.sections.map(\.body) == [
            "\n- [one](https://one.example)\n\n",
            "",
            "Read https://r.example.\n#### Not a section here\nMore.\n",
        ])
        #expect(outline.sections.map { "\($0.range!)" } == ["3:1-7:1", "7:1-8:1", "8:1-12:1"])
        #expect(outline.sections.map { "\($0.headingRange!)" } == ["3:1-3:21", "7:1-7:15", "8:1-8:22"])
        #expect(outline.sections.map { $0.links.map(\.destination) } == [["https://one.example"], [], ["https://r.example"]])
        #expect(outline.links.map(\.destination) == ["https://home.example", "https://one.example", "https://r.example"])
    }

    @Test func outlineFromAnOffsetLeavesEarlierTextAndLinksOut() throws {
        let source = SourceText(Self.text)
        let document = try MarkdownDocument(parsing: source)
        let outline = document.outline(from: source.lineStarts[2]) { _ in true }
        #expect(outline.preamble == "")
        #expect(outline.sections.count == 4)
        #expect(outline.sections[3].heading == "#### Not a section here")
        #expect(outline.links.map(\.destination) == ["https://one.example", "https://r.example"])
    }

    /// A draft of many sections holds its links and text once: each section's links are a part of the document's list
    /// and its body a part of the source, in the same memory.
    @Test func sectionsShareTheDocumentsLinksAndText() throws {
        let source = SourceText(Self.text)
        let document = try MarkdownDocument(parsing: source)
        let sections = document.outline { $0.level <= 3 }.sections
        let links = document.links
        let linksStart = links.withUnsafeBufferPointer { $0.baseAddress! }
        #expect(sections.map(\.linkList.indices) == [1..<2, 2..<2, 2..<3])
        for section in sections where !section.linkList.isEmpty {
            #expect(section.linkList.withUnsafeBufferPointer { $0.baseAddress } == linksStart + section.linkList.startIndex)
        }
        let textStart = source.text.utf8.withContiguousStorageIfAvailable { $0.baseAddress! }!
        let third = try #require(sections.last)
        let bodyStart = third.bodyText.utf8.withContiguousStorageIfAvailable { $0.baseAddress! }
        #expect(bodyStart == textStart + source.text.utf8.distance(from: source.text.startIndex, to: third.bodyText.startIndex))
        #expect(third.body == "Read https://r.example.\n#### Not a section here\nMore.\n")
        // So does a draft without sections, all of it preamble.
        let preamble = document.outline { _ in false }.preambleText
        #expect(preamble.count == source.text.count)
        #expect(preamble.utf8.withContiguousStorageIfAvailable { $0.baseAddress! } == textStart)
    }
}

@Suite struct MarkdownDriftTests {
    /// cmark-gfm places inlines on lazy continuation lines by the first line's indentation; the source decides.
    @Test func lazyContinuationLinesInListItemsKeepCodeSpansAndLinksExact() throws {
        let text = "- item\n`code https://not.a.link/` then [a](https://a.example) and [b](https://b.example)\n"
        let document = try MarkdownDocument(parsing: SourceText(text))
        #expect(document.links.map(LinkSummary.init) == [
            LinkSummary(.inline, "a", "https://a.example", "2:33-2:55", "2:37-2:54"),
            LinkSummary(.inline, "b", "https://b.example", "2:60-2:82", "2:64-2:81"),
        ])
    }
}

/// cmark-gfm's table extension re-creates the paragraph a table interrupts without positions; its links keep theirs.
@Suite struct ParagraphBeforeTableTests {
    @Test func linksInAParagraphATableInterruptsHaveExactRanges() throws {
        let source = SourceText("# H\n\nSee [a](https://a.example) and https://bare.example\nthen [b](https://b.example)\n| x |\n|---|\n| [c](https://c.example) |\n")
        let document = try MarkdownDocument(parsing: source)
        #expect(document.links.map(LinkSummary.init) == [
            LinkSummary(.inline, "a", "https://a.example", "3:5-3:27", "3:9-3:26"),
            LinkSummary(.bareURL, "https://bare.example", "https://bare.example", "3:32-3:52", "3:32-3:52"),
            LinkSummary(.inline, "b", "https://b.example", "4:6-4:28", "4:10-4:27"),
            LinkSummary(.inline, "c", "https://c.example", "7:3-7:25", "7:7-7:24"),
        ])
    }

    @Test func aParagraphBeforeATableInAListItemKeepsItsLinkRange() throws {
        let source = SourceText("- item\n  para [l](https://l.example)\n  | a |\n  |---|\n  | b |\n")
        let document = try MarkdownDocument(parsing: source)
        #expect(document.links.map(LinkSummary.init) == [LinkSummary(.inline, "l", "https://l.example", "2:8-2:30", "2:12-2:29")])
    }
}

/// cmark-gfm's table extension works in time that grows with the square of a table's columns; a limit stands before it.
@Suite struct TableLimitTests {
    @Test func aTableWiderThanTheLimitIsAnErrorAtItsDelimiterRow() {
        let columns = 10_000
        let header = "|" + String(repeating: " a |", count: columns) + "\n"
        let delimiter = "|" + String(repeating: "---|", count: columns) + "\n"
        let source = SourceText("Intro\n\n" + header + delimiter, path: "wide.md")
        #expect(throws: NewsletterError(
            .limitExceeded,
            "a table has more than \(MarkdownDocument.maximumTableColumns) columns",
            at: source.location(atUTF8Offset: 7 + header.utf8.count),
            in: source
        )) {
            try MarkdownDocument(parsing: source)
        }
    }

    /// The limit counts cells, whether or not the rows have outer pipes: exactly the limit parses, one more is an error.
    @Test(arguments: [true, false])
    func aTableAtTheLimitParsesAndOneMoreColumnDoesNot(outerPipes: Bool) throws {
        func table(columns: Int) -> SourceText {
            let cells = Array(repeating: " [a](https://a.example/) ", count: columns).joined(separator: "|")
            let delimiter = Array(repeating: "---", count: columns).joined(separator: "|")
            return SourceText(outerPipes ? "|\(cells)|\n|\(delimiter)|\n" : "\(cells)\n\(delimiter)\n")
        }
        let columns = MarkdownDocument.maximumTableColumns
        let document = try MarkdownDocument(parsing: table(columns: columns))
        #expect(document.links.count == columns)
        #expect(document.tree.nodes.filter { $0.kind == MarkdownNode.Kind.tableCell }.count == columns)
        #expect(throws: NewsletterError.self) { try MarkdownDocument(parsing: table(columns: columns + 1)) }
    }
}
