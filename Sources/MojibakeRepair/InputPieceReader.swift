import Foundation
import NewsletterCore

/// Reads a stream into pieces that end just after a line feed (or at the end of the input), in a few buffers that go
/// round: a piece's buffer is filled again once the piece is written, so that a filter needs the memory of the pieces
/// in flight whatever the input's size, and reads into memory the processor's cache still holds rather than into new
/// pages the system must zero and map first.
///
/// A piece is read until it holds ``pieceSize`` bytes, then cut after its last line feed; the bytes after it start the
/// next piece. A line longer than a piece makes one piece of its own, its buffer grown as it is read, up to
/// `maximumLineLength`.
final class InputPieceReader: @unchecked Sendable {
    /// A buffer of input and the piece it holds. Handed from the reading thread to a worker and back to the reader
    /// once written, one owner at a time.
    final class Piece: @unchecked Sendable {
        private(set) var memory: UnsafeMutableRawBufferPointer
        /// The bytes of the piece, from the start of `memory`.
        fileprivate(set) var count = 0
        /// The bytes read into `memory` so far: the piece and, until it is cut, the start of the next.
        fileprivate var filled = 0
        /// Where the piece starts in the input.
        fileprivate(set) var offset = 0
        /// Its place among the pieces, from 0.
        fileprivate(set) var index = 0

        init(capacity: Int) {
            memory = .allocate(byteCount: capacity, alignment: 16)
        }

        deinit {
            memory.deallocate()
        }

        /// The piece's bytes, valid while the piece is held.
        var bytes: UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: memory.baseAddress?.assumingMemoryBound(to: UInt8.self), count: count)
        }

        /// Makes room for at least `capacity` bytes, keeping those filled.
        fileprivate func reserve(_ capacity: Int) {
            guard capacity > memory.count else { return }
            let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
            larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: memory[..<filled]))
            memory.deallocate()
            memory = larger
        }
    }

    /// The size a piece is read to before it is cut: a few system calls per piece, and small enough that the pieces in
    /// flight stay in the processor's cache.
    let pieceSize: Int
    /// The longest line read; a longer one is refused.
    let maximumLineLength: Int
    private let path: String?
    private var current: Piece?
    private var nextIndex = 0
    private var nextOffset = 0
    private var ended = false
    private let free: FreePieces

    /// - Parameter buffers: how many pieces may be in flight at once (read and not yet given back), two at least.
    init(pieceSize: Int, maximumLineLength: Int, buffers: Int, path: String?) {
        self.pieceSize = pieceSize
        self.maximumLineLength = maximumLineLength
        self.path = path
        free = FreePieces(count: max(buffers, 2), usualCapacity: pieceSize)
    }

    /// The next piece read through `read`, or nil at the end of the input; waits for a buffer when all are in flight.
    ///
    /// - Throws: what `read` throws, or ``NewsletterError/Kind/limitExceeded`` for a line longer than
    ///   `maximumLineLength`.
    func next(_ read: (UnsafeMutableRawBufferPointer) throws(NewsletterError) -> Int) throws(NewsletterError) -> Piece? {
        guard !ended else { return nil }
        let piece = current ?? free.take(capacity: pieceSize)
        current = nil
        // Where the search for the piece's last line feed starts: bytes searched before hold none.
        var searched = 0
        while true {
            if piece.filled == piece.memory.count {
                if let cut = Self.lastLineFeed(in: piece.memory, from: searched, to: piece.filled) {
                    return hand(piece, cut: cut + 1)
                }
                searched = piece.filled
                // The piece holds no line feed: its one line is as long as what it holds.
                guard piece.filled <= maximumLineLength else {
                    free.giveBack(piece)
                    throw NewsletterError(.limitExceeded, "a line is longer than the limit of \(maximumLineLength) bytes", path: path)
                }
                piece.reserve(min(piece.memory.count * 2, maximumLineLength + 1))
            }
            let space = UnsafeMutableRawBufferPointer(rebasing: piece.memory[piece.filled...])
            let received: Int
            do {
                received = try read(space)
            } catch {
                free.giveBack(piece)
                throw error
            }
            guard received > 0 else {
                ended = true
                guard piece.filled > 0 else {
                    free.giveBack(piece)
                    return nil
                }
                return hand(piece, cut: piece.filled)
            }
            piece.filled += received
        }
    }

    /// Gives a piece's buffer back once the piece is written, for a later piece.
    func giveBack(_ piece: Piece) {
        free.giveBack(piece)
    }

    /// Numbers `piece`, cut at `cut`, and moves the bytes after the cut to the start of the next piece.
    private func hand(_ piece: Piece, cut: Int) -> Piece {
        piece.count = cut
        piece.index = nextIndex
        piece.offset = nextOffset
        nextIndex += 1
        nextOffset += cut
        if cut < piece.filled {
            // Taken before `piece` is handed over: once a worker has it, it may be written and filled again.
            let following = free.take(capacity: max(pieceSize, (piece.filled - cut) * 2))
            following.memory.copyMemory(from: UnsafeRawBufferPointer(rebasing: piece.memory[cut..<piece.filled]))
            following.filled = piece.filled - cut
            current = following
        }
        piece.filled = cut
        return piece
    }

    /// The offset of the last line feed in `memory[start..<end]`, searched from the end.
    private static func lastLineFeed(in memory: UnsafeMutableRawBufferPointer, from start: Int, to end: Int) -> Int? {
        let bytes = memory.assumingMemoryBound(to: UInt8.self)
        var index = end
        while index > start {
            index -= 1
            if bytes[index] == 0x0A { return index }
        }
        return nil
    }
}

extension InputPieceReader {
    /// The buffers not in flight, and how many more may be taken. A condition rather than a semaphore: a reader that
    /// ends early still holds a buffer, and a semaphore let go below its starting count stops the process.
    private final class FreePieces: @unchecked Sendable {
        private let condition = NSCondition()
        private var spare: [Piece] = []
        private var available: Int
        private let usualCapacity: Int

        init(count: Int, usualCapacity: Int) {
            available = count
            self.usualCapacity = usualCapacity
        }

        /// A buffer of `capacity` bytes at least, empty; waits while all are in flight.
        func take(capacity: Int) -> Piece {
            condition.lock()
            while available == 0 { condition.wait() }
            available -= 1
            let spare = spare.popLast()
            condition.unlock()
            let piece = spare ?? Piece(capacity: capacity)
            piece.filled = 0
            piece.count = 0
            piece.reserve(capacity)
            return piece
        }

        /// Takes back a buffer; one grown for a long line is let go, so that one long line does not keep its
        /// memory for the rest of the input.
        func giveBack(_ piece: Piece) {
            condition.lock()
            if piece.memory.count <= 2 * usualCapacity { spare.append(piece) }
            available += 1
            condition.signal()
            condition.unlock()
        }
    }
}
