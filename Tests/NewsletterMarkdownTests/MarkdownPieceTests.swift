import NewsletterCore
@testable import NewsletterMarkdown
import Testing

/// Parsing a body in pieces must give exactly what one parse of the whole body gives: the same tree, headings and
/// links, with the same ranges. Tiny piece sizes put a cut before nearly every heading or paragraph that allows one.
@Suite struct MarkdownPieceTests {
    /// Blocks that try to carry state across a blank line followed by a heading or a paragraph.
    private static let blocks: [String] = [
        "## **🧰 Tools**\n",
        "### Picks\n",
        "# Top\n",
        "Text with [a link](https://a.example/x) and https://bare.example/y.\n",
        "```\n# not a heading\n\n# still code\n```\n",
        "```swift\nlet a = 1\n\n# inside an unclosed fence\n",
        "~~~\n\n# tilde fence\n~~~\n",
        "<!--\n\n# inside a comment\n\n-->\n",
        "<!-- an unclosed comment\n\n# swallowed\n",
        "<pre>\n\n# preformatted\n</pre>\n",
        "<div>\n# in a div block\n</div>\n",
        "| a | b |\n|---|---|\n| [c](https://c.example) | d |\n# a row, not a heading\n",
        "- item with [link](https://l.example)\n  ```\n  fenced in a list\n\n# after the list\n",
        "> quote https://q.example\n\n",
        "    indented code https://not.example\n",
        "Setext heading\n==============\n",
        "Para ending in a hard break\\\n# heading after a paragraph line\n",
        "#hashtag is a paragraph\n",
        "####### seven marks\n",
        "\r\n## CRLF heading\r\n\r\nBody [x](https://crlf.example)\r\n",
        "`code with https://code.example` and ![img](https://img.example/i.png)\n",
        "- loose item\n\n- second item [l](https://l2.example)\n",
        "1. first\n\n2. second\n",
        "- item\n\n  continued in the item\n",
        "> quoted\n\nafter the quote\n",
        "> quoted\nlazy line of the quote\n",
        "- item\n  ```\n  fence in the item\n\nafter the item\n",
        "Para with *emphasis\n\nnot closed* across the blank line\n",
        "Term\n: not a definition list\n",
        "    indented\n\nthen text\n",
        "**Bold lead** then [a link](https://bold.example) and *more*\n",
        "\u{1F90C} emoji lead with _emphasis_ and `code`\n",
        "[Read more](https://more.example) | [Share](https://share.example)\n",
        "![alt](https://img.example/a.png)\n",
        "* star item [s](https://s.example)\n",
        "* star item\n\n* second star item\n",
        "+ plus item\n",
        "-dash lead is a paragraph\n",
        "***\n",
        "* * *\n",
        "2024 was a year\n",
        "3) item\n",
        "12. item [t](https://t.example)\n",
        "> - item in a quote\n",
        "> ```\n> fence in a quote\n",
        "- item\n\n> quote after the item\n",
        "_emphasis lead_ and text\n",
        "| x | y |\n|---|---|\n| 1 | 2 |\n",
        "| not a table row\n",
        "<div>\nhtml block [h](https://h.example)\n",
        "`code span lead` text\n",
        "\"Quoted lead\" text\n",
        "=== not an underline\n",
        "--- \n",
        "\u{0C}form feed lead\n",
        "````\n```\n\n# a shorter fence does not close\n````\n",
        "```\n\n    ```\n\n# four spaces do not close\n```\n",
        "<?php\n\n# processing instruction\n?>\n",
        "<!DOCTYPE html\n\n# declaration\n>\n",
        "<![CDATA[\n\n# character data\n]]>\n",
        "<SCRIPT>\n\n# script\n</Pre>\n",
        "",
        "  \t\n",
    ]

    /// A deterministic mix of blocks, separated by blank lines or not.
    static func document(seed: UInt64, blockCount: Int) -> String {
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var text = ""
        for _ in 0..<blockCount {
            text += blocks[next(blocks.count)]
            if next(3) != 0 { text += "\n" }
        }
        return text
    }

    private static func parse(_ text: String, pieceSize: Int) throws -> (headings: [MarkdownHeading], links: [Link], nodes: [MarkdownNode]) {
        let document = try MarkdownDocument(parsing: SourceText(text), bodyRange: nil, pieceSize: pieceSize)
        return (document.headings, document.links, Array(document.tree.nodes))
    }

    @Test(arguments: 0..<300)
    func piecesParseAsTheWholeDocument(seed: Int) throws {
        let text = Self.document(seed: UInt64(seed), blockCount: 40)
        let whole = try Self.parse(text, pieceSize: Int.max)
        for pieceSize in [1, 40, 200] {
            let pieces = try Self.parse(text, pieceSize: pieceSize)
            #expect(pieces.headings == whole.headings, "seed \(seed), piece size \(pieceSize)")
            #expect(pieces.links == whole.links, "seed \(seed), piece size \(pieceSize)")
            #expect(pieces.nodes == whole.nodes, "seed \(seed), piece size \(pieceSize)")
        }
    }

    /// A draft without headings whose paragraphs start with markup, an emoji or a link, as exports often do, is cut
    /// before each of them, and before a quote and a table; not before a list item, which could continue a list.
    @Test func blocksAfterBlankLinesStartPieces() throws {
        let text = "**One** [a](https://a.example)\n\n\u{1F90C} two\n\n[three](https://c.example)\n\n> four\n\n| five |\n|---|\n\n"
            + "- six\n\n* seven\n\n1. eight\n\n  nine\n\n2024 ten\n"
        let ends = Array(text.utf8).withUnsafeBufferPointer { bytes in
            let chunks = MarkdownChunks(bytes: bytes, body: 0..<bytes.count, pieceSize: 1)
            return sequence(first: 0) { $0 < bytes.count ? chunks.end(ofPieceStartingAt: $0) : nil }.dropFirst().map { end in
                end < bytes.count ? String(decoding: bytes[end..<min(end + 4, bytes.count)], as: UTF8.self) : "end"
            }
        }
        #expect(ends == ["\u{1F90C}", "[thr", "> fo", "| fi", "2024", "end"])
        let whole = try Self.parse(text, pieceSize: Int.max)
        let pieces = try Self.parse(text, pieceSize: 1)
        #expect(pieces.nodes == whole.nodes)
        #expect(pieces.links.map { "\($0.range!)" } == ["1:9-1:31", "5:1-5:27"])
    }

    /// A draft of paragraphs alone (no headings) is cut before paragraphs: the pieces read as the whole.
    @Test func paragraphsAfterBlankLinesStartPieces() throws {
        let text = (0..<50).map { "Paragraph \($0) with [a link](https://p\($0).example) and caf\u{E9}.\n" }.joined(separator: "\n")
        let whole = try Self.parse(text, pieceSize: Int.max)
        let pieces = try Self.parse(text, pieceSize: 1)
        #expect(pieces.links.count == 50)
        #expect(pieces.links.map { "\($0.range!)" } == whole.links.map { "\($0.range!)" })
        #expect(pieces.links[49].range.map { "\($0)" } == "99:19-99:48")
        #expect(pieces.nodes == whole.nodes)
        // The first piece ends where the second paragraph starts, after the blank line.
        let firstEnd = Array(text.utf8).withUnsafeBufferPointer { bytes in
            MarkdownChunks(bytes: bytes, body: 0..<bytes.count, pieceSize: 1).end(ofPieceStartingAt: 0)
        }
        #expect(firstEnd == "Paragraph 0 with [a link](https://p0.example) and caf\u{E9}.\n\n".utf8.count)
    }

    /// The room made for links is judged from the pieces read so far, but a dense start is not taken for the whole
    /// body: a first piece of 2,000 links before a megabyte without any reserves a few times those, not 64 times.
    @Test func aDenseStartDoesNotReserveRoomForTheWholeBody() throws {
        let links = (0..<2_000).map { "[l\($0)](https://d.example/\($0))" }.joined(separator: " ") + "\n\n"
        let prose = String(repeating: "Plain words without any markup at all, line after line of them.\n\n", count: 16_000)
        let document = try MarkdownDocument(parsing: SourceText(links + prose))
        #expect(document.links.count == 2_000)
        #expect(document.links.capacity < 20_000)
    }

    @Test func aHeadingAfterABlankLineStartsAPiece() throws {
        let text = "Intro [a](https://a.example)\n\n## One\n\nBody [b](https://b.example)\n\n## Two\nText\n"
        let pieces = try Self.parse(text, pieceSize: 1)
        #expect(pieces.headings.map(\.source) == ["## One", "## Two"])
        #expect(pieces.headings.map { "\($0.range)" } == ["3:1-3:7", "7:1-7:7"])
        #expect(pieces.links.map { "\($0.destination) \($0.range!)" } == ["https://a.example 1:7-1:29", "https://b.example 5:6-5:28"])
    }

    @Test func anUnclosedFenceKeepsTheRestInOneParse() throws {
        let text = "Intro\n\n```\ncode\n\n# not a heading\n\n## Nor this\n"
        let pieces = try Self.parse(text, pieceSize: 1)
        #expect(pieces.headings.isEmpty)
        #expect(pieces.links.isEmpty)
    }

    /// A code sample with blank lines in every section puts most places where a piece could end inside one; each
    /// piece is parsed again past the fence that closes it, and the body is still cut into pieces: its sections hold
    /// more markup together than one stretch may, each far less.
    @Test func codeBlocksInEverySectionLeaveTheBodyInPieces() throws {
        let code = "```\n" + String(repeating: "let a = 1\n\n", count: 200) + "```\n\n"
        let sections = (0..<300).map { "## S\($0)\n\n" + code + String(repeating: "a\n", count: 1_000) + "\n" }.joined()
        let document = try MarkdownDocument(parsing: SourceText(sections))
        #expect(document.headings.count == 300)
        #expect(document.headings.last.map { "\($0.source) \($0.range)" } == "## S299 \(1 + 299 * 1_406):1-\(1 + 299 * 1_406):8")
        #expect(document.tree.nodes.count { $0.kind == .fencedCode } == 300)
    }

    /// A fence that no line closes makes the rest of the body one code block, which holds no inline markup: it is
    /// parsed whatever its count of line breaks.
    @Test func anUnclosedFenceMakesTheRestOneBlockWhateverItsLength() throws {
        let text = "## Code\n\n```\n" + String(repeating: "x\n\n", count: 300_000)
        let document = try MarkdownDocument(parsing: SourceText(text))
        #expect(document.headings.map(\.source) == ["## Code"])
        #expect(document.tree.nodes.map { "\($0.kind)" } == ["document", "heading", "text", "fencedCode"])
        #expect(document.tree.nodes.last?.range == 9..<text.utf8.count - 1)
    }

    /// Where a block left open at a piece's end is closed is read off the text, for each kind of block a line closes:
    /// `closing` is the index in `rest` of the line that closes it, `nil` when none does and the block runs to the end.
    @Test(arguments: [
        ("```", ["```"], 0),
        ("````", ["```", "````"], 1),
        ("~~~", ["```", "~~~~  "], 1),
        ("```", ["    ```", "   ```"], 1),
        ("<!--", ["a --> b"], 0),
        ("<?php", ["echo 1;", "?>"], 1),
        ("<!DOCTYPE html", [">"], 0),
        ("<![CDATA[", ["x", "]]>"], 1),
        ("<SCRIPT>", ["</Pre>"], 0),
        ("```", ["no close", "at all"], nil),
    ] as [(String, [String], Int?)])
    func theLineClosingABlockLeftOpenIsFoundInTheText(opening: String, rest: [String], closing: Int?) throws {
        let piece = opening + "\nx\n\n"
        let text = piece + rest.map { $0 + "\n" }.joined() + "\nafter\n"
        let expected = closing.map { piece.utf8.count + rest[...$0].map { $0.utf8.count + 1 }.reduce(0, +) } ?? text.utf8.count
        let found = Array(text.utf8).withUnsafeBufferPointer { bytes in
            let chunks = MarkdownChunks(bytes: bytes, body: 0..<bytes.count, pieceSize: 1)
            return CmarkParser.withDocument(UnsafeBufferPointer(rebasing: bytes[..<piece.utf8.count])) { document in
                MarkdownChunks.isSafeEnd(of: document) ? nil : chunks.endOfBlockLeftOpen(by: document, pieceStart: 0)
            }
        }
        #expect(found == expected)
    }

    @Test func aReferenceDefinitionAnywhereMeansOneParse() throws {
        let text = "## One\n\nSee [the docs][docs].\n\n## Two\n\n[docs]: https://docs.example\n"
        let pieces = try Self.parse(text, pieceSize: 1)
        #expect(pieces.links.map { "\($0.kind) \($0.destination) \($0.range!)" } == ["reference https://docs.example 3:5-3:21"])
    }

    @Test func aHeadingRightAfterATableEndsTheTableInEitherParse() throws {
        let text = String(repeating: "Filler paragraph.\n\n", count: 4) + "| a |\n|---|\n| b |\n# After\n\n## Real\n"
        #expect(try Self.parse(text, pieceSize: 1).headings.map(\.source) == ["# After", "## Real"])
        #expect(try Self.parse(text, pieceSize: Int.max).headings.map(\.source) == ["# After", "## Real"])
    }
}
