import BeehiivAdapter
import Foundation
import NewsletterCore
import NewsletterKitTesting
import Testing

/// The sample draft shipped in `Examples/` stays a canonical beehiiv export.
@Suite struct ExampleDraftTests {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/Drafts/beehiiv/clean-issue.md").path

    @Test func cleanIssueDecodesAndReencodesByteForByte() throws {
        let source = try SourceText(data: Data(contentsOf: URL(fileURLWithPath: Self.path)), path: Self.path)
        let adapter = BeehiivAdapter()
        #expect(adapter.sniff(source) == .certain)
        let issue = try adapter.decode(source)
        #expect(issue.title == "The Tinkerer's Weekly: Small tools for big afternoons")
        #expect(issue.authors == ["Morgan Lathe"])
        #expect(issue.date?.iso8601 == "2025-03-14")
        #expect(issue.sections.map(\.title) == ["Cool Tools", "Good Read", "Quick Tip", "See ya"])
        #expect(issue.sections.map(\.level) == [3, 2, 3, 2])
        #expect(issue.links.map(\.kind) == [.image, .inline, .inline, .inline, .inline, .inline, .bareURL, .inline])
        #expect(issue.links[2].destination == "https://flight.beehiiv.net/v2/clicks/pinpoint-token?utm_source=tinkerersweekly&utm_medium=newsletter")
        #expect(issue.links[6].destination == "https://tinylathe.example/manual/chapter-3")
        #expect(try adapter.encode(issue).text == source.text)
        verifyRoundTrip(of: adapter, decoding: source.text, expectingSameText: true)
    }
}
