/// The pieces finished but not yet consumed, for workers that finish pieces in any order when they must be consumed
/// in order. Whoever delivers the next piece in order takes every piece ready from there and consumes them outside
/// the lock, and keeps taking until none is ready; meanwhile the others only leave theirs. So pieces are consumed in
/// order, by one thread at a time, and no thread waits for another. Pieces are numbered from 0, with no end known
/// in advance, so that a stream whose length is not known can be delivered too.
struct OrderedDelivery<Piece>: ~Copyable {
    private var waiting: [Int: Piece] = [:]
    private var next = 0
    private var consuming = false

    /// Leaves `piece`; the pieces the caller must now consume, in order (none if another thread is consuming or an
    /// earlier piece is missing).
    mutating func deliver(_ piece: Piece, at index: Int) -> [Piece] {
        waiting[index] = piece
        return consuming ? [] : takeReady()
    }

    /// For the consuming thread: the pieces ready in order from the next one; none, and the consuming ends, when
    /// the next is not ready.
    mutating func takeReady() -> [Piece] {
        var ready: [Piece] = []
        while let piece = waiting.removeValue(forKey: next) {
            ready.append(piece)
            next += 1
        }
        consuming = !ready.isEmpty
        return ready
    }
}
