import Synchronization

/// Counts the HTTP requests a session sent, for its statistics and the benchmarks.
final class RequestCounter: Sendable {
    private let count = Atomic<Int>(0)

    /// Counts one request.
    func add() {
        count.add(1, ordering: .relaxed)
    }

    /// The requests counted so far.
    var value: Int { count.load(ordering: .relaxed) }
}
