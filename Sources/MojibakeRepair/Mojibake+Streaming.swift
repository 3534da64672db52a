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
    /// The bytes are checked to be UTF-8 first (ASCII eight bytes at a time); nothing is handed over for input
    /// that is not. They are then cut at line feeds into pieces of about a megabyte, scanned (and the pieces with
    /// mojibake repaired) on up to `parallelism`'s threads. A piece without mojibake is handed over as the input's
    /// own bytes, with no copy; a repaired piece as its repaired text. Together the pieces are exactly
    /// ``repair(_:includeGuesses:codePages:parallelism:)``'s text, and their edits its edits.
    ///
    /// ```swift
    /// try Array("The cafÃ© reopens.\n".utf8).withUnsafeBytes { bytes in
    ///     try Mojibake.repair(utf8: bytes) { repaired, edits in
    ///         String(decoding: repaired, as: UTF8.self)   // "The café reopens.\n"
    ///         edits.map(\.utf8Range)                       // [8..<12]
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
        if let bad = firstInvalidOffset(in: bytes, pieces: pieces, threads: threads) {
            throw SourceText.invalidEncoding(in: bytes, at: bad, path: path)
        }
        // Only read, by every worker.
        nonisolated(unsafe) let text = bytes
        scanner(for: codePages).scan(bytes, pieces: pieces, includingGuesses: includeGuesses, threads: threads) { range, spans in
            StreamedPiece(
                range: range,
                repaired: spans.isEmpty ? nil : repairing(text, in: range, spans: spans, includeGuesses: includeGuesses, codePages: codePages)
            )
        } consuming: { piece in
            guard var repaired = piece.repaired else {
                write(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: text[piece.range])), [])
                return
            }
            repaired.text.withUTF8 { write(UnsafeRawBufferPointer($0), repaired.edits) }
        }
    }

    /// A piece of the input and, if it held mojibake, its repair (edits with ranges in the whole input).
    private struct StreamedPiece: Sendable {
        var range: Range<Int>
        var repaired: RepairedText?
    }

    /// The piece of `bytes` at `range` with `spans`, its first pass's spans, applied and repaired to its fixed point
    /// as ``repair(_:includeGuesses:codePages:parallelism:)`` does; the edits' ranges are in `bytes`.
    private static func repairing(
        _ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, spans: [MojibakeSpan], includeGuesses: Bool, codePages: [CodePage]
    ) -> RepairedText {
        let original = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        let edits = spans.map { span in span.shifted(by: -range.lowerBound) }
        let once = RepairedText(text: applying(edits[...], to: original, in: 0..<range.count), edits: edits)
        // The piece is already one worker's share: its later passes stay on this thread.
        var repaired = repairToFixedPoint(from: original, once: once, includeGuesses: includeGuesses, codePages: codePages, parallelism: .sequential)
        repaired.edits = repaired.edits.map { edit in edit.shifted(by: range.lowerBound) }
        return repaired
    }

    /// The offset of the first byte of `bytes` that does not start a character, checking `pieces` (cut at line
    /// feeds, which no character spans, so each can be checked on its own) on up to `threads` threads.
    private static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>, pieces: [Range<Int>], threads: Int) -> Int? {
        guard threads > 1, pieces.count > 1 else { return UTF8Validation.firstInvalidOffset(in: bytes) }
        let nextPiece = Atomic(0)
        // The earliest invalid offset found so far; pieces after it need no check.
        let firstInvalid = Atomic(Int.max)
        nonisolated(unsafe) let bytes = bytes
        DispatchQueue.concurrentPerform(iterations: min(threads, pieces.count)) { _ in
            while case let index = nextPiece.add(1, ordering: .relaxed).oldValue, index < pieces.count {
                let range = pieces[index]
                guard range.lowerBound < firstInvalid.load(ordering: .relaxed) else { return }
                if let bad = UTF8Validation.firstInvalidOffset(in: UnsafeBufferPointer(rebasing: bytes[range])) {
                    _ = firstInvalid.min(range.lowerBound + bad, ordering: .relaxed)
                }
            }
        }
        let found = firstInvalid.load(ordering: .relaxed)
        return found == .max ? nil : found
    }
}

extension MojibakeSpan {
    /// The span with its range moved by `offset` bytes.
    fileprivate func shifted(by offset: Int) -> MojibakeSpan {
        var span = self
        span.utf8Range = span.utf8Range.lowerBound + offset..<span.utf8Range.upperBound + offset
        return span
    }
}
