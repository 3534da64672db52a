import Foundation
import NewsletterCore
import Synchronization

extension Mojibake {
    /// The size of the pieces ``repair(utf8:path:includeGuesses:codePages:parallelism:writing:)`` hands over:
    /// small enough that the repaired pieces waiting to be written stay a small part of the input, large enough
    /// that writing each costs one system call among thousands of lines.
    static let streamingPieceSize = 1 << 20

    /// Repairs UTF-8 text held in memory (a mapped file, a buffer read from a pipe) without making it a `String`,
    /// handing the result over piece by piece, in order, as it is produced: the way to repair a large file as a
    /// filter, writing each piece as it comes.
    ///
    /// The bytes are cut at line feeds into pieces of about a megabyte and checked to be UTF-8 first (ASCII sixteen
    /// bytes at a time), in the same pass that finds each piece's first line that may hold mojibake; nothing is
    /// handed over for input that is not UTF-8. The pieces are then scanned from that line (and the pieces with
    /// mojibake repaired) on up to `parallelism`'s threads: a piece of correct text is read once. A piece without
    /// mojibake is handed over as the input's own bytes, with no copy; a repaired piece as its repaired text.
    /// Together the pieces are exactly ``repair(_:includeGuesses:codePages:parallelism:)``'s text, and their edits
    /// its edits.
    ///
    /// ```swift
    /// try Array("The cafÃ© reopens.\n".utf8).withUnsafeBytes { bytes in
    ///     try Mojibake.repair(utf8: bytes) { repaired, edits in
    ///         String(decoding: repaired, as: UTF8.self)   // "The café reopens.\n"
    ///         edits.map(\.utf8Range)                       // [7..<11]
    ///     }
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - bytes: the text, read and never changed; `write` may be given parts of it.
    ///   - path: the name of the file in the error for invalid input.
    ///   - includeGuesses: also apply ``MojibakeSpan/Confidence/guess`` spans, taking the first candidate.
    ///   - codePages: the misreadings to consider.
    ///   - parallelism: how many threads may check and repair the pieces; by default none but the calling one.
    ///   - write: receives each piece's repaired bytes, valid only during the call, and the edits made in it, with
    ///     ranges in `bytes`. Called in order and one call at a time, on whichever thread has the next piece ready.
    /// - Throws: ``NewsletterError`` of kind ``NewsletterError/Kind/invalidEncoding`` naming the line and column
    ///   of the first byte that is not UTF-8, as `SourceText(data:path:maximumSize:)` throws it.
    public static func repair(
        utf8 bytes: UnsafeRawBufferPointer, path: String? = nil, includeGuesses: Bool = false,
        codePages: [CodePage] = defaultCodePages, parallelism: Parallelism = .sequential,
        writing write: (_ repaired: UnsafeRawBufferPointer, _ edits: [MojibakeSpan]) -> Void
    ) throws(NewsletterError) {
        let bytes = bytes.assumingMemoryBound(to: UInt8.self)
        let pieces = MojibakeScanner.pieces(of: bytes, count: bytes.count / streamingPieceSize + 1)
        let threads = parallelism.threads
        let scanner = scanner(for: codePages)
        let starts = try closeLookStarts(in: bytes, pieces: pieces, scanner: scanner, threads: threads, path: path)
        repair(bytes, pieces: pieces, starts: starts, scanner: scanner, includeGuesses: includeGuesses, codePages: codePages, threads: threads, writing: write)
    }

    /// Repairs `bytes`, cut into `pieces` already checked to be UTF-8, scanning each from its start in `starts` with
    /// `scanner` (made for `codePages`), and hands the result over as
    /// ``repair(utf8:path:includeGuesses:codePages:parallelism:writing:)`` does.
    static func repair(
        _ bytes: UnsafeBufferPointer<UInt8>, pieces: [Range<Int>], starts: [Int], scanner: MojibakeScanner, includeGuesses: Bool,
        codePages: [CodePage], threads: Int, writing write: (_ repaired: UnsafeRawBufferPointer, _ edits: [MojibakeSpan]) -> Void
    ) {
        // Only read, by every worker.
        nonisolated(unsafe) let text = bytes
        // The buffers of repaired pieces already written, for the next pieces: a new megabyte per piece costs the
        // system's zeroing of its pages, as much as the copy into it.
        let spareBuffers = Mutex<[PieceBytes]>([])
        scanner.scan(bytes, pieces: pieces, startingAt: starts, includingGuesses: includeGuesses, threads: threads) { range, scanned in
            piece(text, in: range, scanned: scanned, includeGuesses: includeGuesses, codePages: codePages, spareBuffers: spareBuffers)
        } consuming: { piece in
            piece.withBytes(of: text) { write($0, $1) }
            piece.giveBack(to: spareBuffers)
        }
    }

    /// A piece of the input as it is handed over: unchanged, repaired in one pass (its bytes built from the input
    /// and the replacements), or repaired to its fixed point by ``repair(_:includeGuesses:codePages:parallelism:)``'s
    /// own passes. Edits have ranges in the bytes the piece was scanned in.
    enum StreamedPiece: Sendable {
        case unchanged(Range<Int>)
        case repairedOnce(PieceBytes, edits: [MojibakeSpan])
        case repairedAgain(RepairedText)

        /// Calls `body` with the piece's bytes (taken from `input`, the bytes it was scanned in, when unchanged) and
        /// its edits.
        func withBytes<Failure: Error>(
            of input: UnsafeBufferPointer<UInt8>, _ body: (UnsafeRawBufferPointer, [MojibakeSpan]) throws(Failure) -> Void
        ) throws(Failure) {
            // The standard library's `withUnsafeBytes` and `withUTF8` rethrow untyped errors: the error is carried out.
            var failure: Failure?
            switch self {
            case .unchanged(let range):
                try body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: input[range])), [])
            case .repairedOnce(let repaired, let edits):
                repaired.bytes.withUnsafeBytes { bytes in
                    do throws(Failure) { try body(bytes, edits) } catch { failure = error }
                }
            case .repairedAgain(var repaired):
                let edits = repaired.edits
                repaired.text.withUTF8 { bytes in
                    do throws(Failure) { try body(UnsafeRawBufferPointer(bytes), edits) } catch { failure = error }
                }
            }
            if let failure { throw failure }
        }

        /// Once the piece is written: its buffer, emptied, for the next pieces.
        func giveBack(to spareBuffers: borrowing Mutex<[PieceBytes]>) {
            guard case .repairedOnce(let repaired, _) = self else { return }
            repaired.bytes.removeAll(keepingCapacity: true)
            spareBuffers.withLock { $0.append(repaired) }
        }
    }

    /// The bytes of a repaired piece, in a reference so that, once written, their memory goes to the next piece:
    /// an array the delivered piece still held would be copied, not emptied in place. Only the worker that fills it
    /// and then the one that writes it touch it, one after the other.
    final class PieceBytes: @unchecked Sendable {
        var bytes: [UInt8] = []
    }

    /// The piece of `bytes` at `range` as its scan found it: unchanged without spans, else repaired (into one of
    /// `spareBuffers` when there is one).
    static func piece(
        _ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, scanned: MojibakeScanner.ScannedLines, includeGuesses: Bool,
        codePages: [CodePage], spareBuffers: borrowing Mutex<[PieceBytes]>
    ) -> StreamedPiece {
        scanned.spans.isEmpty
            ? .unchanged(range)
            : repairing(
                bytes, in: range, scanned: scanned, includeGuesses: includeGuesses, codePages: codePages,
                into: spareBuffers.withLock { $0.popLast() } ?? PieceBytes()
            )
    }

    /// The piece of `bytes` at `range` with its first pass's spans applied, and repaired to its fixed point as
    /// ``repair(_:includeGuesses:codePages:parallelism:)`` repairs it.
    ///
    /// Another pass can find something only on a line the first pass says may change again
    /// (``MojibakeScanner/ScannedLines/linesToScanAgain``). A piece without such a line, nearly every one, is built
    /// as bytes, into `buffer` (empty, its memory reused): no `String` is made, so its bytes are not validated again.
    private static func repairing(
        _ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, scanned: MojibakeScanner.ScannedLines, includeGuesses: Bool,
        codePages: [CodePage], into buffer: PieceBytes
    ) -> StreamedPiece {
        let spans = scanned.spans
        guard !scanned.linesToScanAgain.isEmpty else {
            // Repairs mostly shorten text; a little room is left for the few that lengthen it.
            buffer.bytes.reserveCapacity(range.count + range.count / 64)
            var copied = range.lowerBound
            for span in spans {
                buffer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<span.utf8Range.lowerBound]))
                var replacement = span.replacement
                replacement.withUTF8 { buffer.bytes.append(contentsOf: $0) }
                copied = span.utf8Range.upperBound
            }
            buffer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<range.upperBound]))
            return .repairedOnce(buffer, edits: spans)
        }
        let original = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        let edits = spans.map { span in span.shifted(by: -range.lowerBound) }
        let once = RepairedText(text: applying(edits[...], to: original, in: 0..<range.count), edits: edits)
        // The piece is already one worker's share: its later passes stay on this thread.
        var again = repairToFixedPoint(
            from: original, once: once, linesToScanAgain: scanned.linesToScanAgain.map { $0 - range.lowerBound },
            includeGuesses: includeGuesses, codePages: codePages, parallelism: .sequential
        )
        again.edits = again.edits.map { edit in edit.shifted(by: range.lowerBound) }
        return .repairedAgain(again)
    }

    /// Per piece of `bytes`, where its first line that may hold mojibake starts (its end when none does), found by
    /// ``MojibakeScanner/firstCloseLook(in:_:)`` on up to `threads` threads in the same pass that checks that the
    /// bytes are UTF-8 (pieces are cut at line feeds, which no character spans, so each can be checked on its own).
    ///
    /// - Throws: the error for the first byte of `bytes` that does not start a character.
    private static func closeLookStarts(
        in bytes: UnsafeBufferPointer<UInt8>, pieces: [Range<Int>], scanner: MojibakeScanner, threads: Int, path: String?
    ) throws(NewsletterError) -> [Int] {
        var starts = [Int](repeating: 0, count: pieces.count)
        var firstInvalid = Int.max
        if threads > 1, pieces.count > 1 {
            let nextPiece = Atomic(0)
            // The earliest invalid offset found so far; pieces after it need no check.
            let earliestInvalid = Atomic(Int.max)
            nonisolated(unsafe) let bytes = bytes
            starts.withUnsafeMutableBufferPointer { starts in
                // Each piece's start is written by the one thread that takes the piece.
                nonisolated(unsafe) let starts = starts
                DispatchQueue.concurrentPerform(iterations: min(threads, pieces.count)) { _ in
                    while case let index = nextPiece.add(1, ordering: .relaxed).oldValue, index < pieces.count {
                        let range = pieces[index]
                        guard range.lowerBound < earliestInvalid.load(ordering: .relaxed) else { return }
                        switch scanner.firstCloseLook(in: bytes, range) {
                        case .valid(let start): starts[index] = start
                        case .invalid(let offset): _ = earliestInvalid.min(offset, ordering: .relaxed)
                        }
                    }
                }
            }
            firstInvalid = earliestInvalid.load(ordering: .relaxed)
        } else {
            for (index, range) in pieces.enumerated() {
                switch scanner.firstCloseLook(in: bytes, range) {
                case .valid(let start): starts[index] = start
                case .invalid(let offset): firstInvalid = offset
                }
                if firstInvalid != .max { break }
            }
        }
        if firstInvalid != .max { throw SourceText.invalidEncoding(in: bytes, at: firstInvalid, path: path) }
        return starts
    }
}

extension MojibakeSpan {
    /// The span with its range moved by `offset` bytes.
    func shifted(by offset: Int) -> MojibakeSpan {
        var span = self
        span.utf8Range = span.utf8Range.lowerBound + offset..<span.utf8Range.upperBound + offset
        return span
    }
}
