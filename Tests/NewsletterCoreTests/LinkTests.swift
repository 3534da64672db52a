import Foundation
import NewsletterCore
import Testing

/// A link keeps its title and a destination written otherwise than it resolves aside (most links have neither):
/// what it reads, compares and encodes must be what was given, and changing one field must not move another.
@Suite struct LinkTests {
    private static let range = SourceRange(
        start: NewsletterCore.SourceLocation(offset: 4, line: 1, column: 5),
        end: NewsletterCore.SourceLocation(offset: 30, line: 1, column: 31)
    )

    @Test func aLinkIsOneHundredTwelveBytes() {
        #expect(MemoryLayout<Link>.size == 112)
    }

    /// An adapter's link keeps its destination as a slice of the source: it reads, compares, changes and encodes as
    /// the same link made from strings.
    @Test func aDestinationSlicedFromTheSourceIsTheSameLink() throws {
        let source = SourceText("see [a](https://a.example/long/path) now\n")
        let slice = source.slice(8..<35)
        var sliced = Link(text: "a", sourceDestination: slice, title: "T", kind: .inline, range: Self.range, destinationRange: nil)
        let built = Link(text: "a", destination: "https://a.example/long/path", title: "T", kind: .inline, range: Self.range)
        #expect(sliced.destination == "https://a.example/long/path")
        #expect(sliced.rawDestination == "https://a.example/long/path")
        #expect(sliced.destinationText == "https://a.example/long/path")
        #expect(sliced == built)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(sliced) == encoder.encode(built))
        sliced.destination = "https://b.example/"
        #expect(sliced.rawDestination == "https://a.example/long/path")
        #expect(sliced.title == "T")
        #expect(sliced.destinationText == "https://b.example/")
        #expect(source.text == "see [a](https://a.example/long/path) now\n")
    }

    @Test func rawDestinationDefaultsToTheDestinationAndStaysWhenTheDestinationChanges() {
        var link = Link(text: "a", destination: "https://a.example/?x=1&y=2", kind: .inline)
        #expect(link.rawDestination == "https://a.example/?x=1&y=2")
        #expect(link.title == nil)
        link.destination = "https://b.example/"
        #expect(link.rawDestination == "https://a.example/?x=1&y=2")
        link.title = "B"
        link.destination = "https://c.example/"
        #expect(link.rawDestination == "https://a.example/?x=1&y=2")
        #expect(link.title == "B")

        var titled = Link(text: "t", destination: "https://t.example/", title: "T", kind: .inline)
        titled.destination = "https://u.example/"
        #expect(titled.rawDestination == "https://t.example/")
        #expect(titled.title == "T")
    }

    @Test func settingOneFieldLeavesTheOthersAndCopiesApart() {
        let original = Link(text: "a", destination: "https://a.example/x&y", rawDestination: "https://a.example/x&amp;y", title: "A", kind: .inline)
        var copy = original
        copy.title = nil
        #expect(copy.rawDestination == "https://a.example/x&amp;y")
        copy.rawDestination = "https://a.example/x&y"
        #expect(copy == Link(text: "a", destination: "https://a.example/x&y", kind: .inline))
        #expect(original.title == "A")
        #expect(original.rawDestination == "https://a.example/x&amp;y")
        #expect(original != copy)
    }

    @Test(arguments: [
        Link(text: "plain", destination: "https://a.example/", kind: .bareURL),
        Link(text: "t", destination: "https://a.example/x&y", rawDestination: "https://a.example/x&amp;y", title: "Title", kind: .inline,
             range: range, destinationRange: range),
        Link(text: "", destination: "mailto:ada@mail.example", rawDestination: "ada@mail.example", kind: .autolink, range: range),
    ])
    func codableKeepsEveryFieldAndOmitsWhatIsAbsent(link: Link) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(link)
        #expect(try JSONDecoder().decode(Link.self, from: data) == link)
        let keys = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any]).keys.sorted()
        var expected = ["destination", "kind", "rawDestination", "text"]
        if link.title != nil { expected.append("title") }
        if link.range != nil { expected.append("range") }
        if link.destinationRange != nil { expected.append("destinationRange") }
        #expect(keys == expected.sorted())
    }
}
