import NewsletterCore
import NewsletterKit
import NewsletterKitTesting
import Testing

/// The round-trip verifier a third-party adapter is tested with finds what a lossy adapter loses.
@Suite struct RoundTripVerifierTests {
    /// Lines: title, subtitle, then one link destination per line; writes back the title and the links only, and
    /// places each link one byte too far.
    struct LossyAdapter: FormatAdapter {
        let identifier = "lossy"
        let name = "Lossy"
        let fileExtensions = ["lossy"]

        func sniff(_ source: SourceText) -> FormatConfidence { .none }

        func decode(_ source: SourceText) throws(NewsletterError) -> NewsletterCore.Issue {
            let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var links: [Link] = []
            var offset = lines.prefix(2).reduce(0) { $0 + $1.utf8.count + 1 }
            for line in lines.dropFirst(2) where !line.isEmpty {
                let range = source.range(utf8Offsets: (offset + 1)..<(offset + 1 + line.utf8.count))
                links.append(Link(text: line, destination: line, kind: .bareURL, range: range, destinationRange: range))
                offset += line.utf8.count + 1
            }
            return NewsletterCore.Issue(title: lines.first, subtitle: lines.count > 1 && !lines[1].isEmpty ? lines[1] : nil, links: links)
        }

        func encode(_ issue: NewsletterCore.Issue) throws(NewsletterError) -> EncodedIssue {
            let warnings = issue.subtitle.map { _ in [ConversionWarning(field: "subtitle", message: "not written")] } ?? []
            return EncodedIssue(text: (issue.title ?? "") + "\n\n" + issue.links.map { $0.destination + "\n" }.joined(), warnings: warnings)
        }
    }

    @Test func whatALossyAdapterLosesIsNamed() {
        let failures = RoundTripVerifier(adapter: LossyAdapter()).failures(decoding: "Notes\nWeekly\nhttps://a.example\n", expectingSameText: true)
        #expect(failures == [
            RoundTripFailure(.decoding, "links[0].destination: the text at its range is \"ttps://a.example\\n\", not \"https://a.example\""),
            RoundTripFailure(.encoding, "warning on 'subtitle': not written"),
            RoundTripFailure(.encoding, "encoding the decoded issue gave \"Notes\\n\\nhttps://a.example\\n\", not the text decoded"),
            RoundTripFailure(.redecoding, "links[0].destination: the text at its range is \"ttps://a.example\\n\", not \"https://a.example\""),
            RoundTripFailure(.redecoding, "reading the encoded text back changed subtitle"),
        ])
    }

    @Test func anAdapterThatKeepsEverythingHasNoFailures() throws {
        let text = "# Notes\n\nSee [the docs](https://docs.example/).\n\n## Picks\n\n- [A tool](https://tool.example/)\n"
        for adapter in FormatRegistry.standard.adapters {
            let issue = try FormatRegistry.standard.decode(SourceText(text), format: "beehiiv").issue
            #expect(RoundTripVerifier(adapter: adapter).failures(encoding: issue) == [], "\(adapter.identifier)")
        }
        #expect(RoundTripVerifier(adapter: FormatRegistry.standard.adapters[0]).failures(decoding: text, expectingSameText: true) == [])
    }
}
