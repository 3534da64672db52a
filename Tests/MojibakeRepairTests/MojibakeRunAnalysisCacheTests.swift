@testable import MojibakeRepair
import Testing

/// A line keeps what it found in each run (``RunAnalysisCache``) for the same run met again. Whatever was kept, and
/// wherever the run stands, a scan must find exactly what a scanner keeping nothing finds.
@Suite struct MojibakeRunAnalysisCacheTests {
    static func scanners(pages: [CodePage], primaryPageCount: Int? = nil) -> (caching: MojibakeScanner, reference: MojibakeScanner) {
        (
            MojibakeScanner(pages: pages, primaryPageCount: primaryPageCount, keepsSpareLines: true),
            MojibakeScanner(pages: pages, primaryPageCount: primaryPageCount, cachesRunAnalyses: false)
        )
    }

    /// Every sample of the corpora (decoded, layered, lost bytes, other code pages) and correct text, each on lines
    /// of its own and again inside other text at other offsets: the runs come back in other lines and places.
    static let texts: [String] = {
        let samples = MojibakeCorpus.positiveSamples.map(\.mangled) + MojibakeCorpus.lostByteSamples().map(\.mangled)
            + MojibakeCodePageCorpus.pages.flatMap { MojibakeCodePageCorpus.positives(of: $0).map(\.mangled) }
        let negatives = MojibakeCorpus.negatives() + MojibakeCodePageCorpus.negatives()
        return (0..<6).map { round in
            samples.indices.map { index in
                let sample = samples[(index + round * 11) % samples.count]
                let other = negatives[(index + round) % negatives.count]
                switch round % 3 {
                case 0: return sample
                case 1: return "\(other) \(sample) and \(sample)"
                default: return "\(sample), \(other) — \(samples[(index * 5 + 3) % samples.count])"
                }
            }.joined(separator: "\n")
        }
    }()

    @Test(arguments: [Mojibake.defaultCodePages, CodePage.all.filter { !$0.bytesLostByStrictDecoders.isEmpty }.prefix(8).map { $0 }])
    func runsMetAgainGiveWhatAFreshAnalysisGives(pages: [CodePage]) {
        let (caching, reference) = Self.scanners(pages: pages, primaryPageCount: pages == Mojibake.defaultCodePages ? 3 : nil)
        var spanCount = 0
        // Each text twice through one caching scanner: the second time, every run is met again.
        for text in Self.texts + Self.texts {
            let expected = reference.spans(of: text)
            spanCount += expected.count
            #expect(caching.spans(of: text) == expected)
        }
        #expect(spanCount > 2_000)
    }

    /// More distinct runs than the table keeps bytes for: it starts again empty on the way (and slots are taken
    /// from one another throughout), and the spans stay those of a fresh analysis.
    @Test func aFullTableStartsAgainAndStaysRight() {
        let (caching, reference) = Self.scanners(pages: Mojibake.defaultCodePages, primaryPageCount: 3)
        let mangled = ["cafÃ©", "donâ€™t", "ü§å", "Ã°Å¸â€˜Â©", "â€œquotedâ€\u{9D}", "SÃO", "Ã s"]
        // Each run made distinct by a number glued to it: about 150 KB of runs, more than twice what the table keeps.
        let lines = (0..<12_000).map { index in
            "\(mangled[index % mangled.count])\(index) then \(mangled[(index / 7) % mangled.count])x\(index % 300)"
        }
        let text = lines.joined(separator: "\n")
        #expect(text.utf8.count > 2 * RunAnalysisCache.keyCapacity)
        let expected = reference.spans(of: text)
        #expect(expected.count >= 20_000)
        #expect(caching.spans(of: text) == expected)
        #expect(caching.spans(of: text) == expected)
    }

    /// A run of more than ``RunAnalysisCache/longestRun`` bytes is analysed each time, and found the same.
    @Test func longRunsAreAnalysedEachTime() {
        let (caching, reference) = Self.scanners(pages: Mojibake.defaultCodePages, primaryPageCount: 3)
        let long = String(repeating: "cafÃ©", count: 40)
        #expect(long.utf8.count > RunAnalysisCache.longestRun)
        let text = (0..<50).map { "\($0) \(long) end" }.joined(separator: "\n")
        let expected = reference.spans(of: text)
        #expect(expected.count == 50)
        #expect(caching.spans(of: text) == expected)
    }

    /// Runs with equal bytes but asked through other pages (a run's pages come from its characters, and the second
    /// look at a line's two-byte leads asks for one page alone) are kept apart: the hash and the slot name the pages.
    @Test func theHashNamesThePagesAndTheBytes() {
        let bytes: [UInt8] = Array("SÃO".utf8)
        bytes.withUnsafeBufferPointer { run in
            let one = RunAnalysisCache.hash(run, pages: 0b1)
            #expect(one != RunAnalysisCache.hash(run, pages: 0b11))
            #expect(one != RunAnalysisCache.hash(run, pages: 0b1 | 1 << 31))
            #expect(one == RunAnalysisCache.hash(run, pages: 0b1))
            #expect(one & 1 == 1)
        }
        let other: [UInt8] = Array("SÃA".utf8)
        other.withUnsafeBufferPointer { otherRun in
            bytes.withUnsafeBufferPointer { run in
                #expect(RunAnalysisCache.hash(run, pages: 1) != RunAnalysisCache.hash(otherRun, pages: 1))
            }
        }
    }
}
