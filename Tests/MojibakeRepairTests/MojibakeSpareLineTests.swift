@testable import MojibakeRepair
import Testing

/// The default scanner keeps the lines of finished scans, with their buffers and span texts, for the next scans: a
/// text must get the same spans from a kept line as from a line made for it, whatever the texts scanned before.
@Suite struct MojibakeSpareLineTests {
    /// Texts of every shape the corpus has (certain, layered, partial, lost bytes) and correct text between them.
    static let texts: [String] = {
        let positives = MojibakeCorpus.positiveSamples.map(\.mangled)
        let lost = MojibakeCorpus.lostByteSamples().map(\.mangled)
        let negatives = MojibakeCorpus.negatives()
        return (0..<120).map { index in
            [positives[index * 7 % positives.count], negatives[index % negatives.count], lost[index * 3 % lost.count]]
                .joined(separator: index.isMultiple(of: 2) ? "\n" : " ")
        }
    }()

    /// What a line made for each text finds: a scanner that keeps no lines.
    static let expected = texts.map { MojibakeScanner(pages: Mojibake.defaultCodePages, primaryPageCount: 3).spans(of: $0) }

    @Test func aKeptLineFindsWhatANewLineFinds() {
        let scanner = MojibakeScanner(pages: Mojibake.defaultCodePages, primaryPageCount: 3, keepsSpareLines: true)
        #expect(Self.expected.count { !$0.isEmpty } >= 100)
        // Each text twice, in another order the second time, so that each is scanned after texts of other shapes.
        for index in Self.texts.indices + Self.texts.indices.reversed() {
            #expect(scanner.spans(of: Self.texts[index]) == Self.expected[index], "text \(index)")
        }
    }

    /// Scans on several threads at once take and leave lines concurrently; each still gets its own text's spans.
    @Test func concurrentScansShareKeptLines() async {
        let scanner = MojibakeScanner(pages: Mojibake.defaultCodePages, primaryPageCount: 3, keepsSpareLines: true)
        let mismatches = await withTaskGroup(of: [Int].self) { group in
            for task in 0..<8 {
                group.addTask {
                    Self.texts.indices.filter { ($0 + task).isMultiple(of: 2) }.filter { index in
                        scanner.spans(of: Self.texts[index]) != Self.expected[index]
                    }
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(mismatches == [])
    }

    /// `Mojibake.scan` (the default scanner, which keeps lines) agrees too.
    @Test func theDefaultScannerKeepsLinesAndAgrees() {
        for index in Self.texts.indices.reversed() {
            #expect(Mojibake.scan(Self.texts[index]) == Self.expected[index], "text \(index)")
        }
    }
}
