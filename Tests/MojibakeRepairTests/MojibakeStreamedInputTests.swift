import Foundation
@testable import MojibakeRepair
import NewsletterCore
import Testing

/// `Mojibake.repair(reading:...)`, the filter's repair: input read in pieces into buffers that go round, repaired on
/// worker threads and written in order. The same text, edits and errors as `repair` on the whole input, however the
/// reads arrive and whatever the threads.
@Suite struct MojibakeStreamedInputTests {
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

    /// What a streamed repair wrote: the bytes, the edits, each piece's offset and first line, and what it threw.
    struct Written {
        var bytes: [UInt8] = []
        var edits: [MojibakeSpan] = []
        var pieces: [(offset: Int, firstLine: Int, count: Int)] = []
        var error: NewsletterError?
    }

    static func stream(
        _ text: [UInt8], sizes: [Int], threads: Int, maximumLineLength: Int = SourceText.defaultMaximumSize,
        readFailure: NewsletterError? = nil, writeFailureAfter: Int? = nil
    ) -> Written {
        let reads = Reads(text, sizes: sizes)
        reads.failure = readFailure
        var written = Written()
        do throws(NewsletterError) {
            try Mojibake.repair(
                reading: reads.read(into:), path: "draft.txt", includeGuesses: false, threads: threads, maximumLineLength: maximumLineLength
            ) { bytes, piece throws(NewsletterError) in
                if let writeFailureAfter, written.pieces.count == writeFailureAfter {
                    throw NewsletterError(.io, "cannot write: broken pipe")
                }
                written.bytes += bytes
                written.edits += piece.edits.map { $0.shifted(by: piece.offset) }
                written.pieces.append((piece.offset, piece.firstLine, piece.original.count))
            }
        } catch {
            written.error = error
        }
        return written
    }

    /// Nine pieces or so, with every line ending (`\n`, `\r\n`, a lone `\r`).
    static let text = Array(MojibakeStreamingTests.generatedText(byteCount: 2_300_000, seed: 21).utf8)
    static let whole = Mojibake.repair(String(decoding: text, as: UTF8.self))

    /// Reads of a single byte and of odd sizes that cut characters and lines anywhere, of a piece's size, and of more.
    @Test(arguments: zip([[1, 4_093, 65_536, 7], [Mojibake.readPieceSize], [1_300_001, 2]], [1, 2, 3]))
    func writesWhatRepairingTheWholeInputGives(sizes: [Int], threads: Int) throws {
        #expect(Self.whole.changed)
        let written = Self.stream(Self.text, sizes: sizes, threads: threads)
        #expect(written.error == nil)
        #expect(written.bytes == Array(Self.whole.text.utf8))
        #expect(written.edits == Self.whole.edits)
        #expect(written.pieces.count > 4)
    }

    /// Each piece is whole lines, follows the one before, and starts at the line `SourceText` gives its offset.
    @Test func piecesAreWholeLinesNumberedAsTheWholeTextNumbersThem() throws {
        let written = Self.stream(Self.text, sizes: [100_000], threads: 2)
        let source = SourceText(String(decoding: Self.text, as: UTF8.self))
        var next = 0
        for piece in written.pieces {
            #expect(piece.offset == next)
            #expect(piece.firstLine == source.location(atUTF8Offset: piece.offset).line)
            #expect(piece.offset == 0 || Self.text[piece.offset - 1] == 0x0A)
            next += piece.count
        }
        #expect(next == Self.text.count)
    }

    @Test(arguments: [1, 2])
    func emptyInputWritesNothing(threads: Int) {
        let written = Self.stream([], sizes: [10], threads: threads)
        #expect(written.error == nil)
        #expect(written.bytes == [])
        #expect(written.pieces.isEmpty)
    }

    /// A line several pieces long, without a line feed, between ordinary lines: one piece of its own.
    @Test(arguments: [1, 2])
    func aLineLongerThanAPieceIsOnePiece(threads: Int) {
        let long = String(repeating: "CafÃ© ", count: 300_000)
        let text = Array("before\n\(long)\nafter CafÃ©\n".utf8)
        let written = Self.stream(text, sizes: [70_000], threads: threads)
        let whole = Mojibake.repair(String(decoding: text, as: UTF8.self))
        #expect(written.error == nil)
        #expect(written.bytes == Array(whole.text.utf8))
        #expect(written.bytes.starts(with: Array("before\nCafé Café ".utf8)))
        #expect(written.edits == whole.edits)
        #expect(written.pieces.count == 2)
    }

    @Test func aLineLongerThanTheLimitIsRefused() {
        let text = Array((String(repeating: "x", count: 5_000) + "\n" + String(repeating: "y", count: 600_000) + "\n").utf8)
        let written = Self.stream(text, sizes: [65_536], threads: 2, maximumLineLength: 500_000)
        #expect(written.error == NewsletterError(.limitExceeded, "a line is longer than the limit of 500000 bytes", path: "draft.txt"))
    }

    /// An invalid byte deep in the input, after several pieces: the lines before its line are written, and the error
    /// is the one `repair(utf8:)` gives for the whole input, naming its line and column.
    @Test(arguments: [1, 2, 3])
    func theLinesBeforeTheFirstInvalidByteAreWritten(threads: Int) throws {
        var text = Self.text
        text[2_200_000] = 0xFF
        text[1_700_000] = 0xC3
        text[1_700_001] = 0x41
        let expected = #expect(throws: NewsletterError.self) {
            try text.withUnsafeBytes { bytes in try Mojibake.repair(utf8: bytes, path: "draft.txt") { _, _ in } }
        }
        let written = Self.stream(text, sizes: [99_999], threads: threads)
        #expect(written.error?.kind == .invalidEncoding)
        #expect(written.error == expected)
        #expect(written.error?.location?.offset == 1_700_000)
        let lineStart = text[..<1_700_000].lastIndex(of: 0x0A)! + 1
        let before = Mojibake.repair(String(decoding: text[..<lineStart], as: UTF8.self))
        #expect(written.bytes == Array(before.text.utf8))
    }

    @Test func aFailedReadIsThrownOnceThePiecesBeforeItAreWritten() {
        let failure = NewsletterError(.io, "cannot read the file: input/output error", path: "draft.txt")
        let written = Self.stream(Self.text, sizes: [200_000], threads: 2, readFailure: failure)
        #expect(written.error == failure)
        let count = written.pieces.map(\.count).reduce(0, +)
        #expect(count > 0)
        #expect(written.bytes == Array(Mojibake.repair(String(decoding: Self.text[..<count], as: UTF8.self)).text.utf8))
    }

    /// A failed write (a closed pipe) ends the repair: nothing more is written, and its error is thrown.
    @Test(arguments: [1, 2])
    func aFailedWriteEndsTheRepair(threads: Int) {
        let written = Self.stream(Self.text, sizes: [65_536], threads: threads, writeFailureAfter: 2)
        #expect(written.error == NewsletterError(.io, "cannot write: broken pipe"))
        #expect(written.pieces.count == 2)
    }

    /// Lines end at `\n`, `\r\n` and a lone `\r`, as `SourceText` counts them.
    @Test(arguments: [
        ("", 0), ("no ending", 0), ("a\n", 1), ("a\r\nb\r\n", 2), ("a\rb\r", 2), ("\r\r\n\n", 3), ("a\r", 1), ("é\r\n\r", 2),
    ])
    func lineBreaksAreCountedAsSourceTextCountsThem(text: String, count: Int) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { Mojibake.lineBreaks(in: $0) } == count)
        #expect(SourceText(text).lineCount - 1 == count)
    }
}
