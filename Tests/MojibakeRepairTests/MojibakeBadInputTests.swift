import MojibakeRepair
import NewsletterCore
import Testing

/// Pathological input: each must finish in linear time without crashing, with an exact result.
@Suite struct MojibakeBadInputTests {
    @Test func tenMegabyteLineOfCleanText() {
        let unit = "Ben’s café picks 🤌🏽 北京 — naïve “quotes” and plain words, "
        let line = String(repeating: unit, count: 10 * 1024 * 1024 / unit.utf8.count)
        #expect(line.utf8.count > 10_000_000)
        #expect(Mojibake.scan(line) == [])
    }

    @Test func tenMegabyteLineWithMojibakeThroughout() {
        let correct = "Ben’s café picks 🤌 today, "
        let mangled = CodePage.windows1252Sloppy.misread(Array(correct.utf8))
        let count = 10 * 1024 * 1024 / mangled.utf8.count
        let repaired = Mojibake.repair(String(repeating: mangled, count: count))
        #expect(repaired.edits.count == 3 * count)
        #expect(repaired.text == String(repeating: correct, count: count))
    }

    /// Mac OS Roman and Windows-1252 tokens of different strength on one line: the strongest are placed first,
    /// out of order, which must not cost a shift of every placed finding (it took 8 s for 3.7 MB).
    @Test func tenMegabyteLineOfMixedMangledTokens() {
        func macOSRoman(_ text: String) -> String { CodePage.macOSRoman.misread(Array(text.utf8)) }
        func windows1252(_ text: String) -> String { CodePage.windows1252Sloppy.misread(Array(text.utf8)) }
        let correct = "🤌 Today’s café ⭐️ and naïve “quotes” 👋, "
        let mangled = String(macOSRoman("🤌").dropFirst()) + " Today" + macOSRoman("’") + "s caf" + macOSRoman("é") + " "
            + macOSRoman("⭐️") + " and na" + windows1252("ï") + "ve " + windows1252("“quotes”") + " " + windows1252("👋") + ", "
        let unit = Mojibake.repair(mangled)
        #expect(unit.text == correct)
        #expect(unit.edits.count == 7)
        let count = 10 * 1024 * 1024 / mangled.utf8.count
        let repaired = Mojibake.repair(String(repeating: mangled, count: count))
        #expect(repaired.text == String(repeating: correct, count: count))
        #expect(repaired.edits.count == unit.edits.count * count)
    }

    @Test func oneRunOfAMillionMisreadCharactersWithoutWhiteSpace() {
        let repaired = Mojibake.repair(String(repeating: "Ã©", count: 500_000))
        #expect(repaired.edits.count == 1)
        #expect(repaired.text == String(repeating: "é", count: 500_000))
    }

    @Test func onlyCombiningMarks() {
        #expect(Mojibake.scan(String(repeating: "\u{0301}\u{0308}", count: 100_000)) == [])
    }

    /// Windows-1252 text read as Latin-1 at its worst: every control but the five Windows-1252 leaves undefined
    /// becomes the character of its byte, one span each.
    @Test func onlyC1Controls() {
        let controls = String(String.UnicodeScalarView((0..<100_000).map { Unicode.Scalar(0x80 + UInt32($0 % 32))! }))
        let repaired = Mojibake.repair(controls)
        #expect(repaired.edits.count == 100_000 / 32 * 27)
        let expected = String(String.UnicodeScalarView((0..<100_000).map { index in
            let byte = UInt8(0x80 + index % 32)
            return CodePage.windows1252.character(forByte: byte) ?? Unicode.Scalar(byte)
        }))
        #expect(repaired.text == expected)
    }

    @Test func aHundredThousandAppleLogos() {
        #expect(Mojibake.scan(String(repeating: "\u{F8FF}", count: 100_000)) == [])
        #expect(Mojibake.scan(String(repeating: "\u{F8FF} ", count: 100_000)) == [])
    }

    @Test func manyLinesOfLostBytes() {
        let line = "Great job ðŸ‘ and cafÃ© Ã\u{FFFD}\n"
        let spans = Mojibake.scan(String(repeating: line, count: 20_000))
        #expect(spans.count == 60_000)
        #expect(spans.filter { $0.confidence == .guess }.count == 40_000)
    }
}
