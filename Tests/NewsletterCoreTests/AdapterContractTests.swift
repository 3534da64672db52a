import NewsletterCore
import Testing

typealias Issue = NewsletterCore.Issue

/// A third-party adapter whose every part is set by the test: what it sniffs, what it throws, what it returns.
struct ScriptedAdapter: FormatAdapter {
    var identifier = "scripted"
    let name = "Scripted"
    var fileExtensions = ["scripted"]
    var confidence = FormatConfidence.certain
    var error: NewsletterError?
    var draft: @Sendable (SourceText) -> DecodedDraft = { _ in DecodedDraft(issue: Issue()) }
    /// What `encode` throws, and the warnings it gives with the preamble it writes.
    var encodeError: NewsletterError?
    var encodeWarnings: [ConversionWarning] = []

    func sniff(_ source: SourceText) -> FormatConfidence { confidence }
    func decode(_ source: SourceText) throws(NewsletterError) -> Issue { try decodeDraft(source).issue }
    func decodeDraft(_ source: SourceText) throws(NewsletterError) -> DecodedDraft {
        if let error { throw error }
        return draft(source)
    }
    func encode(_ issue: Issue) throws(NewsletterError) -> EncodedIssue {
        if let encodeError { throw encodeError }
        return EncodedIssue(text: issue.preamble, warnings: encodeWarnings)
    }
}

/// An adapter written before text kinds existed: no `textKind`, no `decodeDraft`.
struct LegacyAdapter: FormatAdapter {
    let identifier = "legacy"
    let name = "Legacy"
    let fileExtensions = ["legacy"]
    func sniff(_ source: SourceText) -> FormatConfidence { .possible }
    func decode(_ source: SourceText) throws(NewsletterError) -> Issue { Issue(preamble: source.text) }
    func encode(_ issue: Issue) throws(NewsletterError) -> EncodedIssue { EncodedIssue(text: issue.preamble) }
}

@Suite struct AdapterContractTests {
    /// Twelve bytes on two lines: "line one\nab\n".
    static let source = SourceText("line one\nab\n", path: "feed.scripted")

    static func registry(_ adapter: ScriptedAdapter) throws -> FormatRegistry {
        try FormatRegistry([adapter])
    }

    static func link(range: SourceRange?, destinationRange: SourceRange? = nil) -> Link {
        Link(text: "", destination: "https://a.example", kind: .dataField, range: range, destinationRange: destinationRange)
    }

    /// A range that ends before it starts: its initialiser refuses one, but its fields can be set (or decoded) so.
    static var reversedRange: SourceRange {
        var range = SourceRange(start: SourceLocation(offset: 4, line: 1, column: 5), end: SourceLocation(offset: 4, line: 1, column: 5))
        range.start = SourceLocation(offset: 10, line: 2, column: 2)
        return range
    }

    @Test func adapterWithoutTextKindDeclaresPlainTextAndItsDraftSaysSo() throws {
        let draft = try LegacyAdapter().decodeDraft(SourceText("Hello\n"))
        #expect(LegacyAdapter().textKind == .plainText)
        #expect(draft.textKind == .plainText)
        #expect(draft.proseRanges == [])
        #expect(draft.issue.preamble == "Hello\n")
    }

    @Test func draftKindAndProseRangesDefaultFromTheTree() {
        let tree = MarkdownTree(emptyDocumentAt: 0..<5)
        #expect(DecodedDraft(issue: Issue(), markdown: tree).textKind == .markdown)
        #expect(DecodedDraft(issue: Issue()).textKind == .plainText)
        #expect(DecodedDraft(issue: Issue(), textKind: .html, proseRanges: [3..<9]).proseRanges == [3..<9])
        #expect(DecodedDraft(issue: Issue(), markdown: tree).proseRanges == [])
    }

    @Test func anErrorWithoutPositionNamesTheAdapterAndTheFile() throws {
        let registry = try Self.registry(ScriptedAdapter(error: NewsletterError(.malformedInput, "no items")))
        #expect(throws: NewsletterError(.malformedInput, "format 'scripted': no items", path: "feed.scripted")) {
            try registry.decodeDraft(Self.source)
        }
        #expect(throws: NewsletterError(.malformedInput, "format 'scripted': no items", path: "feed.scripted")) {
            try registry.decode(Self.source)
        }
    }

    @Test func anErrorWithoutMessageSaysTheAdapterFailed() throws {
        let registry = try Self.registry(ScriptedAdapter(error: NewsletterError(.malformedInput, "")))
        #expect(throws: NewsletterError(.malformedInput, "format 'scripted' failed without saying why", path: "feed.scripted")) {
            try registry.decodeDraft(Self.source)
        }
    }

    @Test func anErrorAtAPositionIsAboutTheInputAndPassesUnchanged() throws {
        let located = NewsletterError(.malformedInput, "expected ':'", at: Self.source.location(atUTF8Offset: 10), in: Self.source)
        let registry = try Self.registry(ScriptedAdapter(error: located))
        #expect(throws: located) { try registry.decodeDraft(Self.source) }
    }

    @Test(arguments: [
        (
            Issue(links: [AdapterContractTests.link(range: SourceRange(
                start: SourceLocation(offset: 9, line: 2, column: 1), end: SourceLocation(offset: 40, line: 2, column: 32)
            ))]),
            "links[0].range (offsets 9..<40) is outside the text, which has 12 bytes"
        ),
        (
            Issue(links: [AdapterContractTests.link(range: AdapterContractTests.reversedRange)]),
            "links[0].range ends (offset 4) before it starts (offset 10)"
        ),
        (
            Issue(sections: [Section(heading: "ab", title: "ab", level: 2, links: [
                AdapterContractTests.link(range: nil, destinationRange: SourceRange(
                    start: SourceLocation(offset: 9, line: 1, column: 10), end: SourceLocation(offset: 11, line: 2, column: 3)
                )),
            ])]),
            "sections[0].links[0].destinationRange.start is at line 1, column 10, which does not hold offset 9"
        ),
        (
            // The section's links are a part of a longer list (as a Markdown adapter's are): named from the part's start.
            Issue(sections: [Section(
                headingText: "ab", title: "ab", emoji: nil, level: 2, bodyText: "",
                linkList: [AdapterContractTests.link(range: nil), AdapterContractTests.link(range: nil, destinationRange: SourceRange(
                    start: SourceLocation(offset: 2, line: 1, column: 3), end: SourceLocation(offset: 30, line: 1, column: 31)
                ))][1...], range: nil, headingRange: nil
            )]),
            "sections[0].links[0].destinationRange (offsets 2..<30) is outside the text, which has 12 bytes"
        ),
        (
            Issue(sections: [Section(heading: "ab", title: "ab", level: 2, headingRange: SourceRange(
                start: SourceLocation(offset: 9, line: 7, column: 1), end: SourceLocation(offset: 11, line: 7, column: 3)
            ))]),
            "sections[0].headingRange.start is at line 7, column 1, which does not hold offset 9"
        ),
        (
            Issue(escapedTexts: [EscapedText(text: "ü", sourceStart: 2, escapes: [EscapedText.Escape(decoded: 0..<2, source: 2..<20)])]),
            "escapedTexts[0].escapes[0].source (offsets 2..<20) is outside the text, which has 12 bytes"
        ),
    ])
    func positionsThatDoNotFitAreRefusedNamingTheAdapterAndThePart(issue: Issue, problem: String) throws {
        let registry = try Self.registry(ScriptedAdapter(draft: { _ in DecodedDraft(issue: issue) }))
        let expected = NewsletterError(.invalidAdapterResult, "format adapter 'scripted' returned a draft whose \(problem)", path: "feed.scripted")
        #expect(throws: expected) { try registry.decodeDraft(Self.source) }
        #expect(throws: expected) { try registry.decodeDraft(Self.source, using: registry.adapters[0]) }
    }

    @Test func proseRangesOutOfOrderOrOutsideAreRefused() throws {
        let unordered = try Self.registry(ScriptedAdapter(draft: { _ in DecodedDraft(issue: Issue(), proseRanges: [5..<8, 2..<6]) }))
        #expect(throws: NewsletterError(
            .invalidAdapterResult,
            "format adapter 'scripted' returned a draft whose proseRanges[1] (2..<6) starts before the previous range ends; prose ranges must be sorted and must not overlap",
            path: "feed.scripted"
        )) { try unordered.decodeDraft(Self.source) }
        let outside = try Self.registry(ScriptedAdapter(draft: { _ in DecodedDraft(issue: Issue(), metadataInsertionOffset: 13) }))
        #expect(throws: NewsletterError(
            .invalidAdapterResult,
            "format adapter 'scripted' returned a draft whose metadataInsertionOffset (offsets 13..<13) is outside the text, which has 12 bytes",
            path: "feed.scripted"
        )) { try outside.decodeDraft(Self.source) }
    }

    @Test func positionsThatFitPassIncludingTheEndOfTheText() throws {
        let end = SourceLocation(offset: 12, line: 3, column: 1)
        let issue = Issue(links: [Self.link(range: SourceRange(start: SourceLocation(offset: 9, line: 2, column: 1), end: end))])
        let registry = try Self.registry(ScriptedAdapter(draft: { _ in DecodedDraft(issue: issue, textKind: .html, proseRanges: [0..<8, 9..<11]) }))
        let (draft, format) = try registry.decodeDraft(Self.source)
        #expect(format == "scripted")
        #expect(draft.issue == issue)
        #expect(draft.textKind == .html)
        #expect(draft.proseRanges == [0..<8, 9..<11])
    }

    @Test func twoAdaptersCertainOfOneFileAreAnErrorNamingBoth() throws {
        let registry = try FormatRegistry([
            ScriptedAdapter(identifier: "feed-a", fileExtensions: ["json"]),
            ScriptedAdapter(identifier: "feed-b", fileExtensions: ["json"]),
        ])
        #expect(throws: NewsletterError(
            .ambiguousFormat, "issue.json is claimed with certainty by more than one format: feed-a, feed-b; name the format explicitly", path: "issue.json"
        )) { try registry.decodeDraft(SourceText("{}", path: "issue.json")) }
        #expect(try registry.decodeDraft(SourceText("{}", path: "issue.json"), format: "feed-b").format == "feed-b")
    }

    @Test func anAdapterCertainOfEverythingIsNotAskedAboutOtherExtensions() throws {
        let registry = try FormatRegistry([
            ScriptedAdapter(identifier: "greedy", fileExtensions: ["greedy"]),
            ScriptedAdapter(identifier: "notes", fileExtensions: ["txt"], confidence: .possible),
        ])
        #expect(try registry.decodeDraft(SourceText("Hello", path: "notes.txt")).format == "notes")
    }

    @Test func aSecondAdapterWithTheSameIdentifierIsRefusedNamingBothTypes() throws {
        var registry = try FormatRegistry([ScriptedAdapter(identifier: "feed")])
        #expect(throws: NewsletterError(
            .configuration,
            "a format with identifier 'feed' is already registered (NewsletterCoreTests.ScriptedAdapter); NewsletterCoreTests.ScriptedAdapter cannot be registered under the same identifier"
        )) {
            try registry.register(ScriptedAdapter(identifier: "feed"))
        }
        #expect(registry.identifiers == ["feed"])
    }

    @Test(arguments: ["", "json feed"])
    func anIdentifierThatCannotBeTypedIsRefused(identifier: String) throws {
        var registry = FormatRegistry()
        #expect(throws: NewsletterError(
            .configuration,
            "format adapter NewsletterCoreTests.ScriptedAdapter has the identifier '\(identifier)'; an identifier is a non-empty word without spaces"
        )) { try registry.register(ScriptedAdapter(identifier: identifier)) }
        #expect(registry.identifiers == [])
    }
}

/// The default `encode(_:to:)` of an adapter that writes its text whole.
@Suite struct DefaultStreamedEncodingTests {
    /// What an encoding wrote, a call at a time.
    struct RecordedOutput: EncodedTextOutput {
        var writes: [String] = []

        mutating func write(_ utf8: UnsafeRawBufferPointer) throws(NewsletterError) {
            writes.append(String(decoding: utf8, as: UTF8.self))
        }
    }

    @Test func theWholeTextIsWrittenOnceWithTheWarnings() throws {
        var output = RecordedOutput()
        let adapter = ScriptedAdapter(encodeWarnings: [ConversionWarning(field: "sections", message: "left out")])
        let warnings = try adapter.encode(Issue(preamble: "Hallo, café ü\n"), to: &output)
        #expect(output.writes == ["Hallo, café ü\n"])
        #expect(warnings == [ConversionWarning(field: "sections", message: "left out")])
    }

    @Test func anEncodingErrorWritesNothing() {
        var output = RecordedOutput()
        let adapter = ScriptedAdapter(encodeError: NewsletterError(.unrepresentable, "title: cannot be written"))
        #expect(throws: NewsletterError(.unrepresentable, "title: cannot be written")) {
            _ = try adapter.encode(Issue(title: "unwritable", preamble: "text"), to: &output)
        }
        #expect(output.writes.isEmpty)
    }
}
