import Foundation
@testable import MojibakeRepair
import TestSupport
import Testing

/// A line whose runs reach past the scanner's segment size is resolved a segment at a time, so that a line of any
/// length takes a bounded close look in memory; the segments' spans must still follow one another in order and
/// never overlap, and mojibake that needs no support from the rest of the line is found the same way.
@Suite struct MojibakeSegmentTests {
    /// Mangled text found with certainty on a line of its own, each one span, with what it stands for.
    static let certainTokens: [(mangled: String, correct: String)] = [
        ("ü§å", "🤌"), ("Ã©", "é"), ("â€™", "’"), ("â€œquotedâ€\u{9D}", "“quoted”"), ("ðŸ‘‹", "👋"),
    ]

    /// The spans of `text` from a scanner of the default pages that resolves `segmentSize` bytes of runs together.
    static func spans(of text: String, segmentSize: Int) -> [MojibakeSpan] {
        MojibakeScanner(pages: Mojibake.defaultCodePages, primaryPageCount: 3, segmentSize: segmentSize).spans(of: text)
    }

    @Test func theDefaultSegmentIs64KiB() {
        #expect(MojibakeScanner.defaultSegmentSize == 65_536)
        #expect(Mojibake.scanner(for: Mojibake.defaultCodePages).segmentSize == 65_536)
    }

    /// 30,000 certain tokens on one line of about 300 KB: about five segments of the default size.
    @Test func aLongLineOfCertainTokensIsRepairedTokenByToken() {
        var generator = SeededGenerator(seed: 15)
        var line = ""
        var expected: [(range: Range<Int>, replacement: String)] = []
        for _ in 0..<30_000 {
            let token = Self.certainTokens.randomElement(using: &generator)!
            let start = line.utf8.count
            line += token.mangled
            expected.append((start..<line.utf8.count, token.correct))
            line += ["  ", " and ", " — ", ", "].randomElement(using: &generator)!
        }
        #expect(line.utf8.count > 4 * MojibakeScanner.defaultSegmentSize)
        let spans = Mojibake.scan(line)
        #expect(spans.count == expected.count)
        #expect(spans.map(\.replacement) == expected.map(\.replacement))
        #expect(Mojibake.repair(line).text == Self.certainTokens.reduce(line) { text, token in
            text.replacingOccurrences(of: token.mangled, with: token.correct)
        })
        for (span, token) in zip(spans, expected) where span.utf8Range != token.range {
            Issue.record("span at \(span.utf8Range), expected at \(token.range)")
            break
        }
    }

    /// Every run its own segment: spans of a segment's findings that reach past its run (`Ã ` for `à`) are
    /// never overlapped by the next segment's.
    @Test(arguments: [1, 7, 64])
    func spansOfTinySegmentsStayInOrderAndApart(segmentSize: Int) {
        var generator = SeededGenerator(seed: UInt64(segmentSize))
        let pieces = MojibakeCorpus.positiveSamples.map(\.mangled) + MojibakeCorpus.lostByteSamples().map(\.mangled)
            + ["voilÃ le", "Ã  demain", "Ã s", "Ã quele", "GÃ\u{A0}idhlig", "tur\u{92}stico", "\u{84}Handwerk\u{93}", "Ã", "Ã©"]
        var found = 0
        for _ in 0..<300 {
            let line = (0..<Int.random(in: 2...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined(separator: ["", " ", "  ", "\u{A0}"].randomElement(using: &generator)!)
            let spans = Self.spans(of: line, segmentSize: segmentSize)
            found += spans.count
            for (before, after) in zip(spans, spans.dropFirst()) where before.utf8Range.upperBound > after.utf8Range.lowerBound {
                Issue.record("\(before.utf8Range) and \(after.utf8Range) overlap in \(line.debugDescription)")
            }
            #expect(spans.allSatisfy { $0.utf8Range.upperBound <= line.utf8.count && !$0.utf8Range.isEmpty })
        }
        #expect(found > 600)
    }

    /// Lines of certain tokens read the same whatever the segment size.
    @Test(arguments: [1, 10, 100, 65_536])
    func certainTokensReadAlikeInAnySegments(segmentSize: Int) {
        let line = Self.certainTokens.map(\.mangled).joined(separator: " and ")
        let spans = Self.spans(of: line, segmentSize: segmentSize)
        #expect(spans == Mojibake.scan(line))
        #expect(spans.map(\.replacement) == Self.certainTokens.map(\.correct))
    }
}
