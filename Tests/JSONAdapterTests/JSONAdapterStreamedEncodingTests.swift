import JSONAdapter
import NewsletterCore
import Testing

/// `encode(_:to:)`: the JSON form written in parts as it is produced, never held whole.
@Suite struct JSONAdapterStreamedEncodingTests {
    private let adapter = JSONAdapter()

    /// What an encoding wrote, a call at a time; fails the write numbered `failingWrite` (from 0).
    struct RecordedOutput: EncodedTextOutput {
        var writes: [[UInt8]] = []
        var failingWrite: Int?

        mutating func write(_ utf8: UnsafeRawBufferPointer) throws(NewsletterError) {
            if writes.count == failingWrite { throw NewsletterError(.io, "cannot write: the disk is full", path: "out.json") }
            writes.append(Array(utf8))
        }

        var text: String { String(decoding: writes.joined(), as: UTF8.self) }
    }

    /// Sections of a heading, a sentence and a link each, with positions: about 700 bytes of JSON apiece.
    static func issue(sections count: Int) -> Issue {
        var offset = 0
        let sections = (0..<count).map { index in
            let heading = "## Part \(index)"
            let link = Link(
                text: "more", destination: "https://example.com/\(index)", kind: .inline,
                range: SourceRange(
                    start: SourceLocation(offset: offset + 20, line: 3 * index + 2, column: 1),
                    end: SourceLocation(offset: offset + 50, line: 3 * index + 2, column: 31)
                )
            )
            defer { offset += 60 }
            return Section(heading: heading, title: "Part \(index)", level: 2, body: "\nSee [more](https://example.com/\(index)).\n", links: [link])
        }
        return Issue(title: "Notes", sections: sections, links: sections.flatMap(\.links))
    }

    @Test(arguments: [0, 1, 100, 2_000])
    func theTextWrittenInPartsIsTheWholeEncoding(sections: Int) throws {
        let issue = Self.issue(sections: sections)
        var output = RecordedOutput()
        let warnings = try adapter.encode(issue, to: &output)
        let whole = try adapter.encode(issue)
        #expect(output.text == whole.text)
        #expect(warnings == whole.warnings)
        #expect(output.writes.allSatisfy { !$0.isEmpty })
        // Handed over whenever 64 KiB are gathered: every part but the last is at least that, and none much more
        // (a section or link is written whole after the size is reached).
        #expect(output.writes.dropLast().allSatisfy { (65_536..<70_000).contains($0.count) })
        if whole.text.utf8.count < 65_536 { #expect(output.writes.count == 1) }
    }

    @Test func aLargeIssueIsWrittenInManyPartsNoneHoldingMuchOfIt() throws {
        var output = RecordedOutput()
        _ = try adapter.encode(Self.issue(sections: 2_000), to: &output)
        let total = output.writes.reduce(0) { $0 + $1.count }
        #expect(total == 1_661_800)
        // Every part but the last holds 64 KiB and at most one more section or link.
        #expect(output.writes.count == 26)
        #expect(output.writes.map(\.count).max()! < 70_000)
    }

    @Test func aLevelTheFormCannotHoldIsRefusedBeforeAnythingIsWritten() {
        let sections = Self.issue(sections: 3_000).sections + [Section(heading: "B", title: "B", level: 9)]
        var output = RecordedOutput()
        #expect(throws: NewsletterError(.unrepresentable, "sections[3000].level: 9 is not a heading level (1 to 6)")) {
            _ = try adapter.encode(Issue(sections: sections), to: &output)
        }
        #expect(output.writes.isEmpty)
    }

    @Test func anOutputThatFailsEndsTheEncodingThere() {
        var output = RecordedOutput(failingWrite: 2)
        #expect(throws: NewsletterError(.io, "cannot write: the disk is full", path: "out.json")) {
            _ = try adapter.encode(Self.issue(sections: 2_000), to: &output)
        }
        #expect(output.writes.count == 2)
    }
}
