import MojibakeRepair
import NewsletterCore
import Testing

/// The generated sets: every kind of mangling repaired exactly, correct text never touched, lost bytes
/// always reported and never silently wrong.
@Suite struct MojibakeCorpusTests {
    @Test(arguments: MojibakeCorpus.Kind.allCases)
    func everyPositiveOfAKindIsRepairedExactly(kind: MojibakeCorpus.Kind) {
        let samples = MojibakeCorpus.positiveSamples.filter { $0.kind == kind }
        #expect(samples.count >= 20)
        for sample in samples {
            #expect(sample.mangled != sample.correct)
            let repaired = Mojibake.repair(sample.mangled)
            #expect(repaired.text == sample.correct, "\(kind): \(sample.mangled)")
            #expect(repaired.edits.allSatisfy { $0.confidence != .guess })
        }
    }

    @Test(arguments: MojibakeCorpus.Kind.allCases)
    func spansNameTheMisreadingsOfTheirKind(kind: MojibakeCorpus.Kind) {
        for sample in MojibakeCorpus.positiveSamples.filter({ $0.kind == kind }) {
            let spans = Mojibake.scan(sample.mangled)
            #expect(!spans.isEmpty)
            for span in spans {
                // Latin-1 and sloppy Windows-1252 agree on most characters; either explains those spans.
                let expected = kind.misreadings.map { $0 == .latin1 ? CodePage.windows1252Sloppy : $0 }
                let found = span.misreadings.map { $0 == .latin1 ? CodePage.windows1252Sloppy : $0 }
                #expect(found == expected, "\(kind): \(span.original)")
            }
        }
    }

    @Test func repairIsIdempotentOnEveryPositive() {
        for sample in MojibakeCorpus.positiveSamples {
            let once = Mojibake.repair(sample.mangled).text
            #expect(Mojibake.repair(once).text == once)
            #expect(Mojibake.scan(once).isEmpty, "\(sample)")
        }
    }

    @Test func bytesOutsideTheSpansAreUnchanged() {
        for sample in MojibakeCorpus.positiveSamples {
            let bytes = Array(sample.mangled.utf8)
            var rebuilt: [UInt8] = []
            var copied = 0
            let repaired = Mojibake.repair(sample.mangled)
            for edit in repaired.edits {
                rebuilt += bytes[copied..<edit.utf8Range.lowerBound]
                #expect(Array(bytes[edit.utf8Range]) == Array(edit.original.utf8))
                rebuilt += edit.replacement.utf8
                copied = edit.utf8Range.upperBound
            }
            rebuilt += bytes[copied...]
            #expect(String(decoding: rebuilt, as: UTF8.self) == repaired.text)
        }
    }

    @Test func negativeCorpusHasOverAThousandLinesAndNoneIsReported() {
        let lines = MojibakeCorpus.negatives()
        #expect(lines.count >= 1_000)
        for line in lines {
            #expect(Mojibake.scan(line) == [], "\(line)")
            #expect(Mojibake.repair(line, includeGuesses: true).text == line)
        }
    }

    @Test(arguments: MojibakeCorpus.hardNegatives)
    func hardNegativeIsLeftAlone(line: String) {
        #expect(Mojibake.scan(line) == [])
    }

    @Test func everyLostByteIsReportedAndNoneIsRepairedWrongly() {
        let samples = MojibakeCorpus.lostByteSamples()
        #expect(samples.count == 100)
        for sample in samples {
            let spans = Mojibake.scan(sample.mangled)
            let lost = spans.filter { $0.damage == .droppedByte || $0.damage == .replacedByte }
            #expect(lost.count == 1, "\(sample)")
            guard let span = lost.first else { continue }
            #expect(span.candidates.contains(sample.lostCharacter), "\(sample): \(span.candidates)")
            if span.confidence != .guess {
                #expect(span.candidates == [sample.lostCharacter])
            }
            let repaired = Mojibake.repair(sample.mangled)
            if span.confidence != .guess {
                #expect(repaired.text == sample.correct, "\(sample)")
            } else if span.damage == .replacedByte {
                // Without guesses, the lost character's mangled bytes collapse into the U+FFFD it already holds.
                #expect(repaired.text == sample.correct.replacingOccurrences(of: sample.lostCharacter, with: "\u{FFFD}"), "\(sample)")
            } else {
                #expect(repaired.text.contains(span.original), "\(sample)")
            }
            #expect(!repaired.edits.contains { $0.confidence == .guess })
        }
    }
}
