import Foundation
import MojibakeRepair
import NewsletterCore
import Testing

/// `Mojibake.repair(utf8:)`, the byte-level repair a filter uses: its pieces, joined, are exactly what
/// `Mojibake.repair(_:)` makes of the same text as a `String`, however the text is cut and however many threads.
@Suite struct MojibakeStreamingTests {
    /// What `repair(utf8:)` hands over: the pieces' bytes joined, their edits, and whether every piece handed over
    /// without edits was the input's own memory.
    struct Streamed {
        var bytes: [UInt8] = []
        var edits: [MojibakeSpan] = []
        var writes = 0
        var unchangedPiecesAreTheInput = true
    }

    static func stream(_ text: String, includeGuesses: Bool = false, parallelism: Mojibake.Parallelism) throws -> Streamed {
        var streamed = Streamed()
        try Array(text.utf8).withUnsafeBytes { input in
            try Mojibake.repair(utf8: input, path: "text.txt", includeGuesses: includeGuesses, parallelism: parallelism) { repaired, edits in
                streamed.bytes += repaired
                streamed.edits += edits
                streamed.writes += 1
                if edits.isEmpty, let start = repaired.baseAddress, let base = input.baseAddress {
                    streamed.unchangedPiecesAreTheInput = streamed.unchangedPiecesAreTheInput
                        && start >= base && start + repaired.count <= base + input.count
                }
            }
        }
        return streamed
    }

    /// About `byteCount` bytes of generated lines (layers mangled in part, lost characters, random runs of
    /// mojibake characters, correct text), ending in `\n`, `\r\n` or a lone `\r`; the last without a line ending.
    static func generatedText(byteCount: Int, seed: UInt64) -> String {
        let lines = MojibakeIdempotenceTests.partlyLayered(count: 400, seed: seed) + MojibakeIdempotenceTests.randomRuns(count: 200, seed: seed)
            + ["Nothing to repair — café, naïve, 🌊", "plain ASCII words only", ""]
        let endings = ["\n", "\r\n", "\n", "\r"]
        var text = ""
        var index = 0
        while text.utf8.count < byteCount {
            text += lines[index % lines.count] + endings[index % endings.count]
            index += 1
        }
        return text + "CafÃ© at the end, no line ending"
    }

    @Test(arguments: [(Mojibake.Parallelism.sequential, false), (.concurrent(threads: 2), true), (.concurrent(threads: 3), false)])
    func piecesJoinedAreTheRepairOfTheWholeText(parallelism: Mojibake.Parallelism, includeGuesses: Bool) throws {
        // Three pieces of about a megabyte, so that pieces are cut, handed over out of order and joined.
        let text = Self.generatedText(byteCount: 2_200_000, seed: 15)
        let whole = Mojibake.repair(text, includeGuesses: includeGuesses)
        #expect(whole.changed)
        let streamed = try Self.stream(text, includeGuesses: includeGuesses, parallelism: parallelism)
        #expect(streamed.bytes == Array(whole.text.utf8))
        #expect(streamed.edits == whole.edits)
        #expect(streamed.writes == 3)
    }

    @Test(arguments: [Mojibake.Parallelism.sequential, .concurrent(threads: 2)])
    func cleanTextIsHandedOverFromTheInputItself(parallelism: Mojibake.Parallelism) throws {
        let text = String(repeating: "Nothing to repair — café, naïve, Ben’s “picks” 🌊 北京\n", count: 35_000)
        let streamed = try Self.stream(text, parallelism: parallelism)
        #expect(streamed.bytes == Array(text.utf8))
        #expect(streamed.edits == [])
        #expect(streamed.writes == 3)
        #expect(streamed.unchangedPiecesAreTheInput)
    }

    /// The check that the bytes are UTF-8 also finds each piece's first line that may hold mojibake, and the piece is
    /// read again only from there: whatever shows that line (a candidate pair, a C1 control standing for Windows-1252
    /// punctuation, byte C3 before a space) and wherever it lies in its piece, after any number of correct lines, the
    /// result is the repair of the whole text.
    @Test(arguments: ["CafÃ© reopens", "\u{93}quoted words", "voilÃ le travail", "ü§å end"], [0, 600_000, 1_048_000])
    func firstLineToReadAgainIsFoundWhereverItLies(line: String, cleanBytes: Int) throws {
        let clean = "Nothing to repair — café, naïve, Ben’s “picks” 🌊 北京\n"
        let text = String(repeating: clean, count: cleanBytes / clean.utf8.count) + line + "\n" + String(repeating: clean, count: 30_000)
        let whole = Mojibake.repair(text)
        #expect(whole.edits.count == 1)
        for parallelism in [Mojibake.Parallelism.sequential, .concurrent(threads: 2)] {
            let streamed = try Self.stream(text, parallelism: parallelism)
            #expect(streamed.bytes == Array(whole.text.utf8))
            #expect(streamed.edits == whole.edits)
        }
    }

    @Test func smallTextIsOnePiece() throws {
        let streamed = try Self.stream("Todayâ€™s\r\nCafÃ©\r\nnaÃ¯ve", parallelism: .concurrent(threads: 2))
        #expect(String(decoding: streamed.bytes, as: UTF8.self) == "Today’s\r\nCafé\r\nnaïve")
        #expect(streamed.edits.map(\.utf8Range) == [5..<13, 19..<23, 27..<31])
        #expect(streamed.writes == 1)
    }

    /// A layer mangled only in part is whole only once its inner part is repaired: the piece takes more passes.
    @Test(arguments: ["Todayââ‚¬™s picks\n", "plain line\nThe ââ‚¬Å“quotesââ‚¬Â\u{9D} and cafÃƒÂ©\r\nend"])
    func layerMangledInPartIsRepairedToItsFixedPoint(text: String) throws {
        let whole = Mojibake.repair(text)
        #expect(Mojibake.repair(whole.text).edits == [])
        let streamed = try Self.stream(text, parallelism: .sequential)
        #expect(String(decoding: streamed.bytes, as: UTF8.self) == whole.text)
        #expect(streamed.edits == whole.edits)
    }

    @Test func emptyInputHandsOverNothing() throws {
        let streamed = try Self.stream("", parallelism: .concurrent(threads: 2))
        #expect(streamed.writes == 0)
        #expect(streamed.bytes == [])
    }

    /// The first invalid byte is found wherever it is, in whichever piece, and nothing is handed over.
    @Test(arguments: [0, 1_000_000, 2_199_990], [Mojibake.Parallelism.sequential, .concurrent(threads: 2)])
    func invalidInputIsRefusedBeforeAnythingIsHandedOver(position: Int, parallelism: Mojibake.Parallelism) throws {
        let line = Array("CafÃ© and café\n".utf8)
        var bytes = Array([[UInt8]](repeating: line, count: 2_200_000 / line.count + 1).joined())
        // A second invalid byte later on: the error names the first.
        bytes[position] = 0xFF
        bytes[bytes.count - 3] = 0xC3
        let expected = try #require(#expect(throws: NewsletterError.self) { try SourceText(data: Data(bytes), path: "text.txt") })
        var writes = 0
        #expect(throws: expected) {
            try bytes.withUnsafeBytes { input in
                try Mojibake.repair(utf8: input, path: "text.txt", parallelism: parallelism) { _, _ in writes += 1 }
            }
        }
        #expect(expected.location?.line == position / line.count + 1)
        #expect(writes == 0)
    }
}
