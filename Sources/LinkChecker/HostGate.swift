/// Paces the requests to one host: at most `limit` in flight, starts at least `interval` apart, and no start
/// before a pause (from `Retry-After`) ends.
actor HostGate {
    private let limit: Int
    private let interval: Duration
    private var inFlight = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var nextStart = ContinuousClock.now
    private var pausedUntil = ContinuousClock.now

    init(limit: Int, interval: Duration) {
        self.limit = max(1, limit)
        self.interval = max(.zero, interval)
    }

    /// Waits for a slot and for the host's next allowed start; pair every call with ``release()``.
    func acquire() async {
        if inFlight < limit {
            inFlight += 1
        } else {
            // `release()` hands its slot over directly, so `inFlight` stays counted.
            await withCheckedContinuation { waiters.append($0) }
        }
        while !Task.isCancelled {
            let now = ContinuousClock.now
            if pausedUntil > now {
                try? await Task.sleep(until: pausedUntil, clock: .continuous)
                continue
            }
            let start = max(now, nextStart)
            nextStart = start + interval
            guard start > now else { return }
            try? await Task.sleep(until: start, clock: .continuous)
            // A pause set while this request slept applies to it too.
            if pausedUntil <= ContinuousClock.now { return }
        }
    }

    /// Gives the slot back (to the longest waiting request, if any).
    func release() {
        if waiters.isEmpty {
            inFlight -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }

    /// Holds back every start to this host until `instant` (never shortening a longer pause).
    func pause(until instant: ContinuousClock.Instant) {
        pausedUntil = max(pausedUntil, instant)
    }
}
