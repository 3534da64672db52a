import NewsletterCore
@testable import NewsletterMarkdown
import Testing

/// The sections and headings a document reads are views of tables the draft shares: each must read exactly as a value
/// built from its parts, and become such a value, unchanged but for the part set, when changed.
@Suite struct OutlineViewTests {
    private static let draft = """
        Intro with [a](https://a.example).

        ## **🤌 Ben's Picks**
        See [b](https://b.example) and ![c](https://c.example/c.png).

        Setext Title
        ------------
        Nothing here.
        ### ü§å Mangled
        ## Last
        [d](https://d.example)
        """

    private static func outline() throws -> MarkdownOutline {
        try MarkdownDocument(parsing: SourceText(draft)).outline { _ in true }
    }

    /// A section built whole from what a view reads.
    private static func rebuilt(_ section: Section) -> Section {
        Section(
            heading: section.heading, title: section.title, emoji: section.emoji, level: section.level, body: section.body,
            links: section.links, range: section.range, headingRange: section.headingRange
        )
    }

    @Test func sectionsReadTheirParts() throws {
        let sections = try Self.outline().sections
        #expect(sections.map(\.heading) == ["## **🤌 Ben's Picks**", "Setext Title\n------------", "### ü§å Mangled", "## Last"])
        #expect(sections.map(\.title) == ["Ben's Picks", "Setext Title", "Mangled", "Last"])
        #expect(sections.map(\.emoji) == ["🤌", nil, "ü§å", nil])
        #expect(sections.map(\.level) == [2, 2, 3, 2])
        #expect(sections.map(\.body) == [
            "See [b](https://b.example) and ![c](https://c.example/c.png).\n\n", "Nothing here.\n", "", "[d](https://d.example)",
        ])
        #expect(sections.map { $0.links.map(\.destination) } == [
            ["https://b.example", "https://c.example/c.png"], [], [], ["https://d.example"],
        ])
        #expect(sections.map { $0.range.map(\.description) } == ["3:1-6:1", "6:1-9:1", "9:1-10:1", "10:1-11:23"])
        #expect(sections.map { $0.headingRange.map(\.description) } == ["3:1-3:21", "6:1-7:13", "9:1-9:16", "10:1-10:8"])
    }

    @Test func aViewEqualsTheValueBuiltFromItsParts() throws {
        let sections = try Self.outline().sections
        for (index, section) in sections.enumerated() {
            #expect(section == Self.rebuilt(section))
            #expect(Self.rebuilt(section) == section)
            #expect(section == sections[index])
            for other in sections.indices where other != index {
                #expect(section != sections[other])
            }
        }
    }

    /// Setting one part of a view keeps the others as the view read them, down to the shared slices.
    @Test(arguments: 0..<4) func changingAViewKeepsItsOtherParts(index: Int) throws {
        let original = try Self.outline().sections[index]
        var changed = original
        changed.title = "Renamed"
        #expect(changed.title == "Renamed")
        #expect(changed != original)
        var expected = Self.rebuilt(original)
        expected.title = "Renamed"
        #expect(changed == expected)
        #expect(changed.headingText == original.headingText)
        #expect(changed.bodyText.startIndex == original.bodyText.startIndex)
        #expect(changed.linkList == original.linkList)
        changed.links.append(Link(text: "e", destination: "https://e.example", kind: .inline))
        #expect(changed.links.count == original.links.count + 1)
        #expect(original.title != "Renamed")
    }

    @Test func headingsReadTheirPartsAndEqualHeadingsBuiltWhole() throws {
        let document = try MarkdownDocument(parsing: SourceText(Self.draft))
        let headings = document.headings
        #expect(headings.map(\.plainText) == ["🤌 Ben's Picks", "Setext Title", "ü§å Mangled", "Last"])
        #expect(headings.map(\.isSetext) == [false, true, false, false])
        #expect(headings.map(\.contentStartOffset) == [60, 149, 182, 190])
        for heading in headings {
            let whole = MarkdownHeading(
                level: heading.level, source: heading.source, plainText: heading.plainText, range: heading.range,
                isSetext: heading.isSetext, contentStartOffset: heading.contentStartOffset
            )
            #expect(heading == whole)
            var changed = heading
            changed.level = 6
            #expect(changed.level == 6 && changed.plainText == heading.plainText && changed.range == heading.range)
            #expect(changed != heading)
        }
    }

    /// An array of sections or headings is an array of small views: a draft with a heading every few bytes would
    /// otherwise hold several times its size in them (192 and 96 bytes each before they were views).
    @Test func viewsAreSixteenBytes() {
        #expect(MemoryLayout<Section>.stride == 16)
        #expect(MemoryLayout<MarkdownHeading>.stride == 16)
    }
}
