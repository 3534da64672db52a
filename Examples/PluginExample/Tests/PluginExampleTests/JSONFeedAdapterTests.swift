import JSONFeedAdapter
import NewsletterCore
import NewsletterKitTesting
import Testing

/// The adapter gets the round-trip checks the built-in adapters get, and its positions point at the strings.
struct JSONFeedAdapterTests {
    static let feed = """
        {
          "version": "https://jsonfeed.org/version/1.1",
          "title": "Weekly Notes",
          "items": [
            {"id": "1", "title": "Picks", "content_text": "Three tools we liked.", "url": "https://blog.feedcraft.example/picks"},
            {"id": "2", "title": "Learn", "content_text": "Caf\\u00c3\\u00a9 notes.", "external_url": "https://docs.feedcraft.example/"}
          ]
        }

        """

    @Test func roundTrip() {
        verifyRoundTrip(of: JSONFeedAdapter(), decoding: Self.feed)
        verifyRoundTrip(of: JSONFeedAdapter(), encoding: Issue(title: "Notes", sections: [Section(heading: "## Picks", title: "Picks", level: 2, body: "Hi.")]))
    }

    @Test func itemsAreSectionsWithLinksFromDataFields() throws {
        let source = SourceText(Self.feed, path: "feed.json")
        let issue = try JSONFeedAdapter().decode(source)
        #expect(issue.title == "Weekly Notes")
        #expect(issue.sections.map(\.title) == ["Picks", "Learn"])
        #expect(issue.sections.map(\.heading) == ["## Picks", "## Learn"])
        #expect(issue.sections[1].body == "Café notes.".replacingOccurrences(of: "é", with: "Ã©"))
        #expect(issue.links.map(\.destination) == ["https://blog.feedcraft.example/picks", "https://docs.feedcraft.example/"])
        #expect(issue.links.allSatisfy { $0.kind == .dataField })
        let range = try #require(issue.links[0].destinationRange)
        #expect(source.slice(range.utf8Offsets) == "https://blog.feedcraft.example/picks")
        #expect(range.start.line == 5)
        #expect(issue.escapedTexts.contains { $0.text == "CafÃ© notes." })
    }

    @Test func otherJSONIsNotAFeed() {
        #expect(JSONFeedAdapter().sniff(SourceText(#"{"format": "newsletter-issue"}"#)) == .none)
        #expect(JSONFeedAdapter().sniff(SourceText(Self.feed)) == .certain)
    }
}
