import Foundation
import NewsletterCore
import Synchronization

extension Mojibake {
    /// Input read by ``readChecking(into:path:codePages:threads:read:)``: how much, whether to its end, and its
    /// pieces already checked to be UTF-8, with where each first needs a close look.
    package struct CheckedInput: Sendable {
        /// The bytes read, from the start of the buffer.
        package var count: Int
        /// Whether the input ended before the buffer was full. When it did not, only a part was read and checked,
        /// and the pieces are not the whole text.
        package var reachedEnd: Bool
        var pieces: [Range<Int>]
        var starts: [Int]
    }

    /// The most bytes asked of `read` at once: a few calls per piece, so that pieces are checked while the rest is
    /// still being read (a single call for the whole input would leave nothing to overlap).
    static let readAheadSize = 1 << 20

    /// Reads input into `buffer` and, while it is read, checks each piece that has arrived whole to be UTF-8 and
    /// finds its first line that may hold mojibake, on up to `threads` threads beside the reading one. A filter then waits
    /// for its input only, not for its input and then the check: on 50 MB of correct text the check and the reading
    /// (copying from the system's cache) cost about the same.
    ///
    /// - Parameters:
    ///   - buffer: where the input goes, from its start; one byte larger than the input is expected to be, so that
    ///     its end is met before the buffer is full.
    ///   - read: reads into the space it is given and returns how many bytes it read, 0 at the end of the input.
    /// - Throws: what `read` throws, or ``NewsletterError/Kind/invalidEncoding`` for the first byte that is not UTF-8
    ///   (reading stops once one is found).
    package static func readChecking(
        into buffer: UnsafeMutableRawBufferPointer, path: String?, codePages: [CodePage] = defaultCodePages, threads: Int,
        read: (UnsafeMutableRawBufferPointer) throws(NewsletterError) -> Int
    ) throws(NewsletterError) -> CheckedInput {
        let scanner = scanner(for: codePages)
        let state = Mutex(ReadAheadState())
        // A signal per piece handed over, then one per worker when reading ends.
        let signal = DispatchSemaphore(value: 0)
        let workersEnded = DispatchSemaphore(value: 0)
        // The workers read only pieces the reading has finished with, and write only through `state`.
        nonisolated(unsafe) let text = UnsafeBufferPointer(start: buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: buffer.count)
        // No more workers than the buffer holds pieces: a small file is one piece, and a thread costs its start.
        let workerCount = max(min(threads, buffer.count / streamingPieceSize), 1)
        // Threads of their own: the pools that run tasks and `concurrentPerform` have a thread per core, and the
        // calling thread, which reads, already holds one, so the check would be left a single core.
        for _ in 0..<workerCount {
            Thread {
                while true {
                    signal.wait()
                    guard let (index, range) = state.withLock({ $0.take() }) else { break }
                    let check = scanner.firstCloseLook(in: text, range)
                    state.withLock { $0.record(check, at: index) }
                }
                workersEnded.signal()
            }.start()
        }

        var count = 0
        var cut = 0
        var reachedEnd = false
        var failure: NewsletterError?
        while count < buffer.count, state.withLock({ $0.earliestInvalid == .max }) {
            let space = UnsafeMutableRawBufferPointer(rebasing: buffer[count..<min(count + readAheadSize, buffer.count)])
            let received: Int
            do {
                received = try read(space)
            } catch {
                failure = error
                break
            }
            guard received > 0 else {
                reachedEnd = true
                break
            }
            count += received
            while let end = Self.pieceEnd(in: text, from: cut, to: count) {
                state.withLock { $0.hand(cut..<end) }
                signal.signal()
                cut = end
            }
        }
        if reachedEnd, cut < count {
            state.withLock { $0.hand(cut..<count) }
            signal.signal()
        }
        for _ in 0..<workerCount { signal.signal() }
        for _ in 0..<workerCount { workersEnded.wait() }

        if let failure { throw failure }
        let (pieces, starts, earliestInvalid) = state.withLock { ($0.pieces, $0.starts, $0.earliestInvalid) }
        if earliestInvalid != .max {
            throw SourceText.invalidEncoding(in: UnsafeBufferPointer(rebasing: text[..<count]), at: earliestInvalid, path: path)
        }
        return CheckedInput(count: count, reachedEnd: reachedEnd, pieces: pieces, starts: starts)
    }

    /// Where a piece starting at `start` ends in the bytes read so far: just after the first line feed a piece's size
    /// or more past its start, as ``MojibakeScanner/pieces(of:count:)`` cuts; nil until that line feed has arrived.
    private static func pieceEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to count: Int) -> Int? {
        let searchFrom = start + streamingPieceSize - 1
        guard searchFrom < count, let base = bytes.baseAddress,
              let lineFeed = memchr(base + searchFrom, 0x0A, count - searchFrom) else { return nil }
        return UnsafeRawPointer(lineFeed) - UnsafeRawPointer(base) + 1
    }

    /// Repairs input that ``readChecking(into:path:codePages:threads:read:)`` read to its end, as
    /// ``repair(utf8:path:includeGuesses:codePages:parallelism:writing:)`` repairs it.
    package static func repair(
        _ input: CheckedInput, in bytes: UnsafeRawBufferPointer, includeGuesses: Bool, codePages: [CodePage] = defaultCodePages,
        threads: Int, writing write: (_ repaired: UnsafeRawBufferPointer, _ edits: [MojibakeSpan]) -> Void
    ) {
        precondition(input.reachedEnd, "only input read to its end is repaired")
        let bytes = UnsafeBufferPointer(rebasing: bytes.assumingMemoryBound(to: UInt8.self)[..<input.count])
        repair(
            bytes, pieces: input.pieces, starts: input.starts, scanner: scanner(for: codePages), includeGuesses: includeGuesses,
            codePages: codePages, threads: threads, writing: write
        )
    }
}

/// The pieces handed to the workers of ``Mojibake/readChecking(into:path:codePages:threads:read:)`` and what they found.
private struct ReadAheadState: ~Copyable {
    var pieces: [Range<Int>] = []
    var starts: [Int] = []
    var next = 0
    var earliestInvalid = Int.max

    mutating func hand(_ piece: Range<Int>) {
        pieces.append(piece)
        starts.append(piece.upperBound)
    }

    /// The next piece to check; nil when none is waiting (reading has ended: see the signals). A piece after an
    /// invalid byte is passed over: the error names the first.
    mutating func take() -> (Int, Range<Int>)? {
        while next < pieces.count {
            defer { next += 1 }
            if pieces[next].lowerBound < earliestInvalid { return (next, pieces[next]) }
        }
        return nil
    }

    mutating func record(_ check: MojibakeScanner.PieceCheck, at index: Int) {
        switch check {
        case .valid(let start): starts[index] = start
        case .invalid(let offset): earliestInvalid = min(earliestInvalid, offset)
        }
    }
}
