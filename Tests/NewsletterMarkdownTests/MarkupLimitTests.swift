import NewsletterCore
@testable import NewsletterMarkdown
import Testing

/// cmark-gfm makes a node for nearly every line break and inline marker and holds the nodes of the text it parses at
/// once; a count before it bounds the memory crafted text takes.
@Suite struct MarkupLimitTests {
    /// One-letter lines after an ordinary first section (one long paragraph, so that the heading is the first place a
    /// piece can start): the stretch from their heading holds one line break more than the limit, and the error is at
    /// the start of their paragraph, before cmark-gfm reads the stretch.
    @Test func aStretchWithMoreLineBreaksThanTheLimitIsAnErrorAtTheBlockThatPassesIt() {
        let first = "# Notes\n\n" + String(repeating: "An ordinary line of the first section's one paragraph.\n", count: 500) + "\n"
        let dense = "## Picks\n\n" + String(repeating: "a\n", count: MarkdownDocument.maximumMarkupMarkersBetweenHeadings)
        let source = SourceText(first + dense, path: "dense.md")
        #expect(throws: NewsletterError(
            .limitExceeded,
            "the text parsed together with this block (from a blank line before an unindented block to the next) holds more than 262144 line breaks and inline markers (* _ [ ] ` < & ! \\ ~), the most that is parsed at once",
            at: source.location(atUTF8Offset: first.utf8.count + "## Picks\n\n".utf8.count),
            in: source
        )) {
            try MarkdownDocument(parsing: source)
        }
    }

    /// A stretch runs at least 16 KB from where it starts, here the draft's first line: the error names the line of
    /// link openers, where the count passes the limit, not the heading above it.
    @Test func aDenseLineIsNamedRatherThanTheStartOfItsStretch() throws {
        let source = SourceText("# Notes\n\nIntro.\n\n" + String(repeating: "[a](", count: 140_000) + "\n", path: "openers.md")
        do {
            _ = try MarkdownDocument(parsing: source)
            Testing.Issue.record("a line of 280,000 markers was parsed")
        } catch {
            #expect(error.kind == .limitExceeded)
            #expect(error.location.map { "\($0.line):\($0.column)" } == "5:1")
        }
    }

    /// Sections each within the limit, together holding more markers than a draft may.
    @Test func aDraftWithMoreMarkersThanTheLimitIsAnErrorAtItsStart() {
        let section = "## Stars\n\n" + String(repeating: "a*", count: 1 << 16) + "\n\n"
        let sections = MarkdownDocument.maximumMarkupMarkers / (1 << 16) + 1
        let source = SourceText(String(repeating: section, count: sections), path: "stars.md")
        #expect(throws: NewsletterError(
            .limitExceeded,
            "the draft holds more than 8388608 line breaks and inline markers (* _ [ ] ` < & ! \\ ~), the most that is parsed",
            at: source.location(atUTF8Offset: 0),
            in: source
        )) {
            try MarkdownDocument(parsing: source)
        }
    }

    /// The limit itself is allowed; one more counted byte is not. Every counted byte counts, others do not.
    @Test(arguments: ["\n", "\\", "`", "&", "<", "!", "[", "]", "*", "_", "~"])
    func exactlyTheLimitPassesAndOneMoreDoesNot(marker: String) throws {
        func check(_ text: String) -> NewsletterError? {
            let source = SourceText(text)
            let result = Array(text.utf8).withUnsafeBufferPointer { bytes in
                Result { () throws(NewsletterError) in
                    try MarkupLimits.check(bytes, 0..<bytes.count, limit: 4, source: source, what: "it holds", atOnce: false)
                }
            }
            guard case .failure(let error) = result else { return nil }
            return error
        }
        let within = "ab" + String(repeating: marker + "xyz", count: 4)
        #expect(check(within) == nil)
        #expect(check(within + marker)?.kind == .limitExceeded)
        #expect(check(within + "xyz#-|()") == nil)
    }

    /// Real drafts come nowhere near: export-shaped text of a few hundred kilobytes parses.
    @Test func anOrdinaryLongSectionParses() throws {
        let paragraph = "Read [the guide](https://docs.acme.dev/a) and **this** `code`, with a _note_ & more!\n\n"
        let document = try MarkdownDocument(parsing: SourceText("# Notes\n\n" + String(repeating: paragraph, count: 4_000)))
        #expect(document.links.count == 4_000)
    }
}
