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

    @Test func aLinkIsNinetySixBytes() {
        #expect(MemoryLayout<Link>.size == 96)
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
