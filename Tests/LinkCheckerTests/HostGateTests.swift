import Synchronization
import Testing
@testable import LinkChecker

@Suite("Host gate")
struct HostGateTests {
    /// Counts holders of the gate at once.
    final class Occupancy: Sendable {
        let state = Mutex((now: 0, most: 0, total: 0))
    }

    @Test("never more holders than the limit, and every waiter gets through", arguments: [1, 3, 8])
    func limit(limit: Int) async {
        let gate = HostGate(limit: limit, interval: .zero)
        let occupancy = Occupancy()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<40 {
                group.addTask {
                    await gate.acquire()
                    occupancy.state.withLock { state in
                        state.now += 1
                        state.most = max(state.most, state.now)
                        state.total += 1
                    }
                    await Task.yield()
                    occupancy.state.withLock { $0.now -= 1 }
                    await gate.release()
                }
            }
        }
        let final = occupancy.state.withLock { $0 }
        #expect(final.most <= limit)
        #expect(final.total == 40)
        #expect(final.now == 0)
    }
}
