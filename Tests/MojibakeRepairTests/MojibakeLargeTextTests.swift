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

    /// The corpus lines repeated to about 1.2 MB, and the spans of each line scanned on its own.
    static func largeText(withGuesses: Bool) -> (text: String, spans: [MojibakeSpan], repaired: String) {
        let alone = lines.map { (spans: Mojibake.scan($0), repaired: Mojibake.repair($0, includeGuesses: withGuesses).text) }
        var text = ""
        var spans: [MojibakeSpan] = []
        var repaired = ""
        var index = 0
        while text.utf8.count < 1_200_000 {
            let line = lines[index % lines.count]
            let offset = text.utf8.count
            for var span in alone[index % lines.count].spans where withGuesses || span.confidence != .guess {
                span.utf8Range = span.utf8Range.lowerBound + offset..<span.utf8Range.upperBound + offset
                spans.append(span)
            }
            text += line + "\n"
            repaired += alone[index % lines.count].repaired + "\n"
            index += 1
        }
        return (text, spans, repaired)
    }

    @Test(arguments: [false, true], [Mojibake.Parallelism.sequential, .concurrent(threads: 2), .concurrent(threads: 5)])
    func aLargeTextIsRepairedAsItsLinesAreOneByOne(includeGuesses: Bool, parallelism: Mojibake.Parallelism) {
        let expected = Self.largeText(withGuesses: includeGuesses)
        #expect(expected.spans.count > 5_000)
        let repaired = Mojibake.repair(expected.text, includeGuesses: includeGuesses, parallelism: parallelism)
        #expect(repaired.edits == expected.spans)
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
