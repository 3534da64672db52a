import Foundation
import MojibakeRepair
import NewsletterCore
import Testing

/// `Mojibake.readChecking`, which checks pieces of the input while the rest is still being read, then the repair of
/// what it read: the same text, edits and errors as `repair(utf8:)` on the whole input, however the reads arrive.
@Suite struct MojibakeReadAheadTests {
    /// Hands `bytes` over in reads of the sizes `sizes` gives in turn (never more than asked for), then the end.
    final class Reads {
        let bytes: [UInt8]
        let sizes: [Int]
        var offset = 0
        var calls = 0
        var failure: NewsletterError?

        init(_ bytes: [UInt8], sizes: [Int]) {
            self.bytes = bytes
            self.sizes = sizes
        }

        func read(into space: UnsafeMutableRawBufferPointer) throws(NewsletterError) -> Int {
            if let failure, offset > bytes.count / 2 { throw failure }
            let size = min(sizes[calls % sizes.count], space.count, bytes.count - offset)
            calls += 1
            bytes[offset..<offset + size].withUnsafeBytes { space.copyMemory(from: $0) }
            offset += size
            return size
        }
    }

    /// Reads `text` through `readChecking` into a buffer of `capacity` bytes (by default one more than the text),
    /// then repairs it; the repaired bytes and edits, or nil when the buffer filled first.
    static func readAndRepair(
        _ text: [UInt8], sizes: [Int], threads: Int, capacity: Int? = nil, failure: NewsletterError? = nil
    ) throws(NewsletterError) -> (bytes: [UInt8], edits: [MojibakeSpan], input: Mojibake.CheckedInput) {
        let reads = Reads(text, sizes: sizes)
        reads.failure = failure
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity ?? text.count + 1, alignment: 1)
        defer { buffer.deallocate() }
        let input = try Mojibake.readChecking(into: buffer, path: "draft.txt", threads: threads, read: reads.read(into:))
        var repaired: [UInt8] = []
        var edits: [MojibakeSpan] = []
        if input.reachedEnd {
            Mojibake.repair(input, in: UnsafeRawBufferPointer(buffer), includeGuesses: false, threads: threads) { bytes, pieceEdits in
                repaired += bytes
                edits += pieceEdits
            }
        }
        return (repaired, edits, input)
    }

    /// Three pieces of about a megabyte.
    static let text = Array(MojibakeStreamingTests.generatedText(byteCount: 2_300_000, seed: 21).utf8)
    static let whole = Mojibake.repair(String(decoding: text, as: UTF8.self))

    /// Reads of a single byte and of odd sizes that cut characters and lines anywhere, of a piece's size, and of more.
    @Test(arguments: zip([[1, 4_093, 65_536, 7], [1 << 20], [1_300_001, 2]], [1, 2, 3]))
    func repairsWhatItReadAsTheWholeInputIsRepaired(sizes: [Int], threads: Int) throws {
        #expect(Self.whole.changed)
        let result = try Self.readAndRepair(Self.text, sizes: sizes, threads: threads)
        #expect(result.input.count == Self.text.count)
        #expect(result.input.reachedEnd)
        #expect(result.bytes == Array(Self.whole.text.utf8))
        #expect(result.edits == Self.whole.edits)
    }

    @Test func emptyInputIsReadToItsEndAndRepairedToNothing() throws {
        let result = try Self.readAndRepair([], sizes: [10], threads: 2)
        #expect(result.input.count == 0)
        #expect(result.input.reachedEnd)
        #expect(result.bytes == [])
    }

    /// Input longer than the buffer: reading stops with the buffer full and the end not reached, for the caller to
    /// read the rest another way.
    @Test func aBufferFilledBeforeTheEndIsSaidToBe() throws {
        let result = try Self.readAndRepair(Self.text, sizes: [70_000], threads: 2, capacity: 1_500_000)
        #expect(result.input.count == 1_500_000)
        #expect(!result.input.reachedEnd)
    }

    /// An invalid byte deep in the input, after several pieces: the error `repair(utf8:)` gives for the whole input,
    /// naming its line and column, whichever piece a thread checks first.
    @Test(arguments: [1, 2])
    func theFirstInvalidByteIsNamedAsTheWholeInputNamesIt(threads: Int) throws {
        var text = Self.text
        text[2_200_000] = 0xFF
        text[1_700_000] = 0xC3
        text[1_700_001] = 0x41
        let expected = #expect(throws: NewsletterError.self) {
            try text.withUnsafeBytes { bytes in try Mojibake.repair(utf8: bytes, path: "draft.txt") { _, _ in } }
        }
        let found = #expect(throws: NewsletterError.self) { try Self.readAndRepair(text, sizes: [99_999], threads: threads) }
        #expect(found?.kind == .invalidEncoding)
        #expect(found == expected)
        #expect(found?.location?.offset == 1_700_000)
    }

    @Test func aFailedReadIsThrownOnceTheWorkersHaveStopped() {
        let failure = NewsletterError(.io, "cannot read the file: input/output error", path: "draft.txt")
        let found = #expect(throws: NewsletterError.self) {
            try Self.readAndRepair(Self.text, sizes: [200_000], threads: 2, failure: failure)
        }
        #expect(found == failure)
    }
}
