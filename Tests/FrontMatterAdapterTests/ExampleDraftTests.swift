import FrontMatterAdapter
import Foundation
import NewsletterCore
import Testing

/// The sample draft shipped in `Examples/` stays a canonical front-matter draft.
@Suite struct ExampleDraftTests {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/Drafts/front-matter/clean-issue.md").path

    @Test func cleanIssueDecodesAndReencodesByteForByte() throws {
        let source = try SourceText(data: Data(contentsOf: URL(fileURLWithPath: Self.path)), path: Self.path)
        let adapter = FrontMatterAdapter()
        #expect(adapter.sniff(source) == .certain)
        let issue = try adapter.decode(source)
        #expect(issue.title == "Field Notes #18: Quiet tools for loud weeks")
        #expect(issue.subtitle == "PLUS: how we label a drawer of cables")
        #expect(issue.date == PublicationDate(text: "2025-04-04", date: Date(timeIntervalSince1970: 1_743_724_800)))
        #expect(issue.authors == ["Rowan Pike", "Idris Vale"])
        #expect(issue.slug == "field-notes-18")
        #expect(issue.tags == ["tools", "workshop"])
        #expect(issue.metadata == [
            "draft": .bool(false),
            "series": .string("Field Notes"),
            "cover": .mapping(["image": .string("/images/field-notes-18.png"), "alt": .string("A pegboard with twelve hooks 🔧")]),
        ])
        #expect(issue.preamble == "Hello again. Three tools, one long read and a tip about cables.\n\n")
        #expect(issue.sections.map(\.title) == ["Tools we kept", "Long read", "Until next week"])
        #expect(issue.sections.map(\.emoji) == ["🔧", "📚", "👋"])
        #expect(issue.sections[0].body.hasSuffix("\n---\n\n"))
        #expect(issue.links.map(\.destination) == [
            "https://hookline.example/?ref=fieldnotes", "https://tagwell.example/", "https://benchguide.example/chapter-2",
            "https://benchguide.example/print", "mailto:hello@fieldnotes.example",
        ])
        #expect(issue.links[0].range?.start == SourceLocation(offset: 469, line: 22, column: 56))
        #expect(try adapter.encode(issue) == EncodedIssue(text: source.text))
    }
}
