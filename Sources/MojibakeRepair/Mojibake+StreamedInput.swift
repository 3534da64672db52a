import Foundation
import NewsletterCore
import Synchronization

extension Mojibake {
    /// A piece of the input as ``repair(reading:path:includeGuesses:codePages:threads:maximumLineLength:writing:)``
    /// hands it over with its repaired bytes: what was read, where it stands in the input, and the edits made in it.
    package struct ReadPiece {
        /// The piece as read: whole lines. Valid only during the call that receives it.
        package var original: UnsafeBufferPointer<UInt8>
        /// Where `original` starts in the input.
        package var offset: Int
        /// The 1-based number of its first line in the input, lines ending at `\n`, `\r\n` or a lone `\r` as
        /// `SourceText` counts them.
        package var firstLine: Int
        /// The edits made in the piece, in order, with ranges in `original` (not moved to the whole input's offsets:
        /// a piece of dense mojibake holds hundreds of thousands, and a moved copy would double their memory).
        package var edits: [MojibakeSpan]
    }

    /// How many pieces may be read and not yet written, per thread that repairs them.
    static let piecesInFlightPerThread = 2
    /// The size a read piece is cut at: small enough that, with a few per thread in flight, what was read is still in
    /// the processor's caches when it is checked and written.
    static let readPieceSize = 1 << 18

    /// Repairs text read through `read` as a filter does: in pieces of a few hundred kilobytes of whole lines, each
    /// checked to be UTF-8 and repaired on one of up to `threads` threads while the calling thread reads the next, and
    /// handed to `write` in order as soon as it and those before it are done. The memory is that of a few pieces
    /// whatever the input's size, and reading, repairing and writing overlap.
    ///
    /// The result is exactly ``repair(_:includeGuesses:codePages:parallelism:)``'s on the whole input: lines are
    /// repaired on their own. Input that is not UTF-8 ends the repair at the line that holds its first bad byte: the
    /// lines before it are written (as `iconv` and other filters do), and the error names that byte's line and column.
    ///
    /// - Parameters:
    ///   - read: reads into the space it is given and returns how many bytes it read, 0 at the end of the input.
    ///   - path: the name of the input in errors.
    ///   - includeGuesses: also apply ``MojibakeSpan/Confidence/guess`` spans, taking the first candidate.
    ///   - codePages: the misreadings to consider.
    ///   - threads: how many threads repair pieces; with 1, the calling thread reads, repairs and writes in turn.
    ///   - maximumLineLength: the longest line read; a longer one is refused.
    ///   - write: receives each piece's repaired bytes, valid only during the call, and the piece. Called in order
    ///     and one call at a time, on whichever thread has the next piece ready; what it throws ends the repair.
    /// - Throws: what `read` or `write` throws; ``NewsletterError/Kind/invalidEncoding`` naming the line and column of
    ///   the first byte that is not UTF-8, as `SourceText(data:path:maximumSize:)` names it;
    ///   ``NewsletterError/Kind/limitExceeded`` for a line longer than `maximumLineLength`.
    package static func repair(
        reading read: (UnsafeMutableRawBufferPointer) throws(NewsletterError) -> Int, path: String?, includeGuesses: Bool,
        codePages: [CodePage] = defaultCodePages, threads: Int, maximumLineLength: Int = SourceText.defaultMaximumSize,
        writing write: (_ repaired: UnsafeRawBufferPointer, _ piece: ReadPiece) throws(NewsletterError) -> Void
    ) throws(NewsletterError) {
        let workers = max(threads, 1)
        let reader = InputPieceReader(
            pieceSize: readPieceSize, maximumLineLength: maximumLineLength,
            buffers: workers * piecesInFlightPerThread + 1, path: path
        )
        let stream = RepairStream(
            scanner: scanner(for: codePages), includeGuesses: includeGuesses, codePages: codePages, path: path, reader: reader
        )
        let readFailure: NewsletterError? = withoutActuallyEscaping(write) { write in
            // Held by the stream, not captured by the threads, which outlive this block a little; let go before it ends.
            stream.write = write
            defer { stream.write = nil }
            guard workers > 1 else {
                do throws(NewsletterError) {
                    while !stream.hasEnded, let piece = try reader.next(read) { stream.consume(stream.repaired(piece)) }
                } catch {
                    return error
                }
                return nil
            }
            let work = WorkQueue()
            let workersEnded = DispatchSemaphore(value: 0)
            // Threads of their own: the pools that run tasks and `concurrentPerform` have a thread per core, and the
            // calling thread, which reads, already holds one.
            for _ in 0..<workers {
                Thread {
                    while let piece = work.take() { stream.deliver(stream.repaired(piece)) }
                    workersEnded.signal()
                }.start()
            }
            var failure: NewsletterError?
            do throws(NewsletterError) {
                while !stream.hasEnded, let piece = try reader.next(read) { work.hand(piece) }
            } catch {
                failure = error
            }
            work.end(workers: workers)
            for _ in 0..<workers { workersEnded.wait() }
            return failure
        }
        if let failure = stream.failure { throw failure }
        if let readFailure { throw readFailure }
    }

    /// How many lines end in `bytes` as `SourceText` counts them: at `\n`, `\r\n` or a lone `\r`.
    ///
    /// Line feeds, then carriage returns, are found by the C library's `memchr`, which reads a vector register at a
    /// time (a count a byte at a time cost as much as the UTF-8 check, and Swift's generic vector types were slower).
    static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let end = base + bytes.count
        var count = 0
        var cursor = base
        while cursor < end, let found = memchr(cursor, 0x0A, end - cursor) {
            count += 1
            cursor = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        cursor = base
        while cursor < end, let found = memchr(cursor, 0x0D, end - cursor) {
            cursor = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
            // A `\r` before a `\n` leaves the line's end to the `\n`, counted already.
            if cursor == end || cursor.pointee != 0x0A { count += 1 }
        }
        return count
    }
}

extension Mojibake {
    /// The pieces a stream has read and its workers repair, and what is written of them: the state
    /// ``repair(reading:path:includeGuesses:codePages:threads:maximumLineLength:writing:)`` shares among its threads.
    private final class RepairStream: @unchecked Sendable {
        /// A piece repaired, with what the writing needs to know of it.
        struct Repaired {
            let piece: InputPieceReader.Piece
            let output: StreamedPiece
            let lineBreaks: Int
            /// The offset in the piece of its first byte that is not UTF-8: `output` holds the lines before it only.
            let invalidAt: Int?
        }

        let scanner: MojibakeScanner
        let includeGuesses: Bool
        let codePages: [CodePage]
        let path: String?
        let reader: InputPieceReader
        private let spareBuffers = Mutex<[PieceBytes]>([])
        private let delivery = Mutex(OrderedDelivery<Repaired>())
        /// Where the pieces go, in order, one at a time (see ``OrderedDelivery``); set for the time of the repair.
        var write: ((UnsafeRawBufferPointer, ReadPiece) throws(NewsletterError) -> Void)?
        /// The line the next piece written starts at; only the consuming thread touches it.
        private var nextLine = 1
        private let ended = Atomic(false)
        /// Set once, by the consuming thread, before `ended`.
        private(set) var failure: NewsletterError?

        init(scanner: MojibakeScanner, includeGuesses: Bool, codePages: [CodePage], path: String?, reader: InputPieceReader) {
            self.scanner = scanner
            self.includeGuesses = includeGuesses
            self.codePages = codePages
            self.path = path
            self.reader = reader
        }

        /// Whether writing has stopped (the input was not UTF-8, or writing failed): reading stops too.
        var hasEnded: Bool { ended.load(ordering: .acquiring) }

        /// `piece` checked and repaired: the whole piece, or the lines before its first byte that is not UTF-8.
        func repaired(_ piece: InputPieceReader.Piece) -> Repaired {
            let bytes = piece.bytes
            var range = 0..<bytes.count
            var invalidAt: Int?
            var check = scanner.firstCloseLook(in: bytes, range)
            if case .invalid(let offset) = check {
                invalidAt = offset
                range = 0..<(bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)
                check = scanner.firstCloseLook(in: bytes, range)
            }
            guard case .valid(let start) = check else { preconditionFailure("the lines before the first bad byte are UTF-8") }
            let scanned = scanner.scan(bytes, in: start..<range.upperBound, includingGuesses: includeGuesses)
            let output = Mojibake.piece(
                bytes, in: range, scanned: scanned, includeGuesses: includeGuesses, codePages: codePages, spareBuffers: spareBuffers
            )
            // A piece with a bad byte is the last written: the lines after it are not counted.
            let lineBreaks = invalidAt == nil ? Mojibake.lineBreaks(in: bytes) : 0
            return Repaired(piece: piece, output: output, lineBreaks: lineBreaks, invalidAt: invalidAt)
        }

        /// Leaves a repaired piece, and writes it and those after it that are ready if it is the next in order and
        /// no other thread is writing; see ``OrderedDelivery``.
        func deliver(_ repaired: Repaired) {
            var ready = delivery.withLock { $0.deliver(repaired, at: repaired.piece.index) }
            while !ready.isEmpty {
                for piece in ready { consume(piece) }
                ready = delivery.withLock { $0.takeReady() }
            }
        }

        /// Writes a repaired piece, the next in order, unless writing has stopped; gives its buffers back.
        func consume(_ repaired: Repaired) {
            let piece = repaired.piece
            defer {
                repaired.output.giveBack(to: spareBuffers)
                reader.giveBack(piece)
            }
            guard failure == nil else { return }
            do throws(NewsletterError) {
                try repaired.output.withBytes(of: piece.bytes) { bytes, edits throws(NewsletterError) in
                    try write?(bytes, ReadPiece(
                        original: piece.bytes, offset: piece.offset, firstLine: nextLine, edits: edits
                    ))
                }
                if let bad = repaired.invalidAt {
                    throw SourceText.invalidEncoding(in: piece.bytes, at: bad, path: path, start: (piece.offset, nextLine))
                }
            } catch {
                failure = error
                ended.store(true, ordering: .releasing)
                return
            }
            nextLine += repaired.lineBreaks
        }
    }

    /// The pieces read and not yet taken by a worker, in order (a few at most: the reader has as many buffers).
    private final class WorkQueue: @unchecked Sendable {
        private let lock = NSLock()
        private var waiting: [InputPieceReader.Piece] = []
        /// A signal per piece handed over, then one per worker when reading ends.
        private let signal = DispatchSemaphore(value: 0)

        func hand(_ piece: InputPieceReader.Piece) {
            lock.withLock { waiting.append(piece) }
            signal.signal()
        }

        /// The next piece, waiting for one; nil once the reading has ended and none is left.
        func take() -> InputPieceReader.Piece? {
            signal.wait()
            return lock.withLock { waiting.isEmpty ? nil : waiting.removeFirst() }
        }

        /// No more pieces: each of `workers` ends once the pieces are taken.
        func end(workers: Int) {
            for _ in 0..<workers { signal.signal() }
        }
    }
}
