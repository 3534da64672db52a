/// URLs waiting to be requested, handed out one host at a time in turn, so that the workers of a session spread
/// over hosts instead of queueing up behind one host's limit; URLs added later join their host's line.
///
/// A plain value, used under the dispatcher's lock.
struct HostRotation<Item> {
    /// One host's waiting items; `head` is the next one, so that taking it moves nothing.
    private struct Line {
        var items: [Item]
        var head = 0
    }

    private var lines: [String: Line] = [:]
    /// Hosts with waiting items, in the order of their turns.
    private var hosts: [String] = []
    private var turn = 0
    /// Items waiting, over every host.
    private(set) var count = 0

    /// Adds `item` at the end of the line of `host`.
    mutating func append(_ item: Item, host: String) {
        if lines[host] == nil {
            lines[host] = Line(items: [])
            hosts.append(host)
        }
        lines[host]!.items.append(item)
        count += 1
    }

    /// The next item of the host whose turn it is; `nil` when nothing waits.
    mutating func next() -> Item? {
        guard !hosts.isEmpty else { return nil }
        if turn >= hosts.count { turn = 0 }
        let host = hosts[turn]
        var line = lines.removeValue(forKey: host)!
        let item = line.items[line.head]
        line.head += 1
        count -= 1
        if line.head == line.items.count {
            // The host's turn passes to the one that followed it, now at the same index.
            hosts.remove(at: turn)
        } else {
            lines[host] = line
            turn += 1
        }
        return item
    }
}
