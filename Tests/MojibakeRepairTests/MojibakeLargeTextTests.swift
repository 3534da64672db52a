import MojibakeRepair
import NewsletterCore
import Testing

/// Asked to, texts from 512 KiB up are cut at line feeds and scanned in pieces on several threads; lines are
/// judged on their own, so the spans and the repaired text must be exactly those of the lines scanned one by one,
/// and of one sequential pass.
@Suite struct MojibakeLargeTextTests {
    /// Every generated line, positive, negative and lost-byte, so that pieces hold every kind of finding.
    static let lines: [String] = MojibakeCorpus.positiveSamples.map(\.mangled)
        + MojibakeCorpus.negatives()
        + MojibakeCorpus.lostByteSamples().map(\.mangled)

    /// The corpus lines repeated to about 1.2 MB, with the spans of each line scanned on its own and the edits
    /// and text of each line repaired on its own.
    static func largeText(withGuesses: Bool) -> (text: String, spans: [MojibakeSpan], edits: [MojibakeSpan], repaired: String) {
        let alone = lines.map { (spans: Mojibake.scan($0), repaired: Mojibake.repair($0, includeGuesses: withGuesses)) }
        var text = ""
        var spans: [MojibakeSpan] = []
        var edits: [MojibakeSpan] = []
        var repaired = ""
        var index = 0
        func shifted(_ span: MojibakeSpan, by offset: Int) -> MojibakeSpan {
            var span = span
            span.utf8Range = span.utf8Range.lowerBound + offset..<span.utf8Range.upperBound + offset
            return span
        }
        while text.utf8.count < 1_200_000 {
            let line = alone[index % lines.count]
            let offset = text.utf8.count
            spans += line.spans.map { shifted($0, by: offset) }
            edits += line.repaired.edits.map { shifted($0, by: offset) }
            text += lines[index % lines.count] + "\n"
            repaired += line.repaired.text + "\n"
            index += 1
        }
        return (text, spans, edits, repaired)
    }

    @Test(arguments: [false, true], [Mojibake.Parallelism.sequential, .concurrent(threads: 2), .concurrent(threads: 5)])
    func aLargeTextIsRepairedAsItsLinesAreOneByOne(includeGuesses: Bool, parallelism: Mojibake.Parallelism) {
        let expected = Self.largeText(withGuesses: includeGuesses)
        #expect(expected.edits.count > 5_000)
        let repaired = Mojibake.repair(expected.text, includeGuesses: includeGuesses, parallelism: parallelism)
        #expect(repaired.edits == expected.edits)
        #expect(repaired.text == expected.repaired)
    }

    @Test(arguments: [Mojibake.Parallelism.sequential, .concurrent(threads: 3)])
    func aLargeTextIsScannedAsItsLinesAreOneByOne(parallelism: Mojibake.Parallelism) {
        let expected = Self.largeText(withGuesses: true)
        #expect(Mojibake.scan(expected.text, parallelism: parallelism) == expected.spans)
    }

    @Test func aLargeCleanTextIsReturnedUnchanged() {
        let text = String(repeating: MojibakeCorpus.negatives().joined(separator: "\n") + "\n", count: 40)
        #expect(text.utf8.count > 1_000_000)
        let repaired = Mojibake.repair(text, parallelism: .concurrent(threads: 4))
        #expect(repaired.edits == [])
        #expect(repaired.text == text)
    }

    @Test func aLargeTextWithoutLineFeedsIsOnePiece() {
        let line = String(repeating: "cafÃ© ", count: 200_000)
        let repaired = Mojibake.repair(line, parallelism: .concurrent(threads: 4))
        #expect(repaired.edits.count == 200_000)
        #expect(repaired.text == String(repeating: "café ", count: 200_000))
    }
}
