import BeehiivAdapter
import FrontMatterAdapter
import JSONAdapter
import NewsletterCore
import Testing

/// Parts of an issue that a Markdown draft can only hold as text: when the text does not give them back, the
/// writers report them instead of dropping them.
@Suite struct SilentLossTests {
    static let markdownFormats = ["beehiiv", "front-matter"]

    /// A JSON issue that says more than its text: a link in `links` that no body writes, a section whose title its
    /// heading does not give, and a body holding a heading of its own (which Markdown reads as one more section).
    static let inconsistentJSON = #"""
        {
          "title": "Loose ends",
          "preamble": "Hi!\n",
          "sections": [
            {"title": "Tools", "heading": "## Gadgets", "level": 2, "body": "\nNothing yet.\n"}
          ],
          "links": [{"text": "shop", "url": "https://shop.example/", "kind": "inline"}]
        }
        """#

    /// Links given as data (no `kind`): one that a body writes, in its own words, and one that no body writes.
    static let dataFieldJSON = #"""
        {
          "preamble": "Read [the shop's page](https://shop.example/).\n",
          "links": [{"url": "https://shop.example/"}, {"text": "feed", "url": "https://feed.example/"}]
        }
        """#

    @Test(arguments: markdownFormats)
    func aDataFieldLinkIsHeldByAnyLinkToItsDestination(format: String) throws {
        let issue = try JSONAdapter().decode(SourceText(Self.dataFieldJSON, path: "data.json"))
        #expect(issue.links.map(\.kind) == [.dataField, .dataField])
        let encoded = try ConversionMatrixTests.registry.adapter(identifier: format).encode(issue)
        #expect(encoded.warnings == [
            ConversionWarning(
                field: "links[1]",
                message: "the dataField link 'feed' to https://feed.example/ is not written as such in the text, so the draft does not hold it"
            ),
        ])
    }

    /// Each link is held by the first link read back, in order and not yet taken, that matches it: a data-field link
    /// by any to its destination, another by one of the same text, destination, kind and title.
    @Test(arguments: markdownFormats)
    func eachLinkReadBackHoldsOneLinkInOrder(format: String) throws {
        let issue = Issue(
            preamble: "[a](https://x.example/) [a](https://x.example/) [b](https://x.example/) [c](https://y.example/ \"T\")\n",
            links: [
                Link(text: "a", destination: "https://x.example/", kind: .inline),
                Link(text: "", destination: "https://x.example/", kind: .dataField),
                Link(text: "", destination: "https://x.example/", kind: .dataField),
                Link(text: "b", destination: "https://x.example/", kind: .inline),
                Link(text: "a", destination: "https://x.example/", kind: .inline),
                Link(text: "c", destination: "https://y.example/", kind: .inline),
                Link(text: "c", destination: "https://y.example/", title: "T", kind: .inline),
            ]
        )
        let encoded = try ConversionMatrixTests.registry.adapter(identifier: format).encode(issue)
        #expect(encoded.warnings.map(\.field) == ["links[3]", "links[4]", "links[5]"])
    }

    /// Twenty thousand links, each written once: all are held but the two the text does not write, whatever the
    /// number (matching them was quadratic, minutes for a large draft).
    @Test(arguments: markdownFormats)
    func manyLinksAreMatchedOneToOne(format: String) throws {
        let written = (0..<20_000).map { Link(text: "l\($0 % 7)", destination: "https://x.example/\($0 % 100)", kind: .inline) }
        let preamble = written.map { "[\($0.text)](\($0.destination))\n" }.joined()
        var links = written.reversed() as [Link]
        links.insert(Link(text: "l7", destination: "https://x.example/1", kind: .inline), at: 5_000)
        links.append(Link(text: "", destination: "https://x.example/100", kind: .dataField))
        let encoded = try ConversionMatrixTests.registry.adapter(identifier: format).encode(Issue(preamble: preamble, links: links))
        #expect(encoded.warnings.map(\.field) == ["links[5000]", "links[20001]"])
    }

    @Test(arguments: markdownFormats)
    func aLinkNoBodyWritesAndATitleItsHeadingDoesNotGiveAreReported(format: String) throws {
        let issue = try JSONAdapter().decode(SourceText(Self.inconsistentJSON, path: "loose.json"))
        let encoded = try ConversionMatrixTests.registry.adapter(identifier: format).encode(issue)
        #expect(encoded.warnings == [
            ConversionWarning(
                field: "sections[0]",
                message: "the heading '## Gadgets' reads back as title 'Gadgets', emoji nothing, level 2, not 'Tools', nothing, 2"
            ),
            ConversionWarning(
                field: "links[0]",
                message: "the inline link 'shop' to https://shop.example/ is not written as such in the text, so the draft does not hold it"
            ),
        ])
    }

    @Test(arguments: markdownFormats)
    func aHeadingInsideABodyIsReportedAsAChangeInSections(format: String) throws {
        let issue = Issue(title: "T", sections: [Section(heading: "## A", title: "A", level: 2, body: "\n## Inner\n")])
        let encoded = try ConversionMatrixTests.registry.adapter(identifier: format).encode(issue)
        #expect(encoded.warnings == [ConversionWarning(
            field: "sections",
            message: "1 sections are written but the text reads back as 2: a heading inside a body starts a section, a heading that is not one joins the body before it"
        )])
    }

    /// beehiiv takes the line after the author as the date only when the author is a link (or the line parses as a
    /// date), so that a greeting ending in a hard break is not mistaken for an author.
    @Test func aBeehiivDateThatDoesNotParseNeedsAnAuthorLinkToReadBack() throws {
        let adapter = BeehiivAdapter()
        let alone = try adapter.encode(Issue(title: "T", date: PublicationDate(text: "next Tuesday")))
        #expect(alone.warnings == [ConversionWarning(field: "date", message: "written as 'next Tuesday' but reads back as nothing")])
        let withName = try adapter.encode(Issue(title: "T", authors: ["Ada"], date: PublicationDate(text: "next Tuesday")))
        #expect(withName.warnings == [
            ConversionWarning(field: "date", message: "written as 'next Tuesday' but reads back as nothing"),
            ConversionWarning(field: "authors[0]", message: "written as 'Ada' but does not read back"),
        ])
        let withAuthor = try adapter.encode(Issue(
            title: "T", authors: ["Ada"], date: PublicationDate(text: "next Tuesday"),
            metadata: [BeehiivAdapter.authorURLKey: .string("https://ada.example/")]
        ))
        #expect(withAuthor.warnings.isEmpty)
        #expect(try adapter.decode(SourceText(withAuthor.text)).date == PublicationDate(text: "next Tuesday"))
    }

    @Test(arguments: ConversionFixtures.all)
    func eachFixtureWrittenInItsOwnFormatReportsNothing(fixture: ConversionFixture) throws {
        let adapter = try ConversionMatrixTests.registry.adapter(identifier: fixture.format)
        let encoded = try adapter.encode(adapter.decode(fixture.source))
        #expect(encoded.warnings.isEmpty)
    }
}
