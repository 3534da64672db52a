internal import AsyncHTTPClient
import Synchronization

/// The way to one approved host: a client pinned to each of its addresses, in the resolver's order, and the gate
/// that paces the host.
///
/// A request goes to the address that answered last; when that one refuses the connection or is unreachable,
/// the next is tried, and the first that answers becomes the one later requests start with.
final class HostRoute: Sendable {
    /// One client per address, in the order to try them; every address has passed the address policy.
    let clients: [HTTPClient]
    /// Paces the requests to the host.
    let gate: HostGate
    private let preferred = Mutex(0)

    init(clients: [HTTPClient], gate: HostGate) {
        precondition(!clients.isEmpty, "a route has at least one address")
        self.clients = clients
        self.gate = gate
    }

    /// The clients in the order to try them now: the one that answered last first, then the rest in order.
    var clientsInOrder: [(index: Int, client: HTTPClient)] {
        let first = preferred.withLock { $0 }
        return clients.indices.map { offset in
            let index = (first + offset) % clients.count
            return (index, clients[index])
        }
    }

    /// Records that the address at `index` answered, so that later requests start with it.
    func answered(at index: Int) {
        preferred.withLock { $0 = index }
    }
}
