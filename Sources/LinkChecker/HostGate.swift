import Synchronization

/// Paces the requests to one host: at most `limit` in flight, starts at least `interval` apart, and no start
/// before a pause (from `Retry-After`, or from the host's failures) ends.
///
/// It also keeps the host's health: when requests for ``unhealthyAfter`` different URLs fail in a row (5xx, 429,
/// timeouts, resets, refusals) with no success between, the host is unhealthy: it is paused once, its URLs get
/// one request each without retries, and reports name the host once instead of each of its failures. A success
/// makes it healthy again.
///
/// A lock rather than an actor: the common case (a free slot, no spacing to wait for) then costs no suspension,
/// which matters when a thousand requests each pass through it.
final class HostGate: Sendable {
    private struct State {
        var inFlight = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
        var nextStart = ContinuousClock.now
        var pausedUntil = ContinuousClock.now
        /// URLs whose requests failed since the last success, up to ``HostGate/unhealthyAfter``.
        var failingURLs: Set<String> = []
        var isUnhealthy = false
        var wasUnhealthy = false
    }

    /// Different URLs failing in a row that make a host unhealthy: more than one broken page, fewer than a storm.
    static let unhealthyAfter = 3

    /// What a request must do before it may start.
    private enum Wait {
        case none
        case paused(until: ContinuousClock.Instant)
        case spaced(until: ContinuousClock.Instant)
    }

    private let limit: Int
    private let interval: Duration
    private let state = Mutex(State())

    init(limit: Int, interval: Duration) {
        self.limit = max(1, limit)
        self.interval = max(.zero, interval)
    }

    /// Waits for a slot and for the host's next allowed start; pair every call with ``release()``.
    func acquire() async {
        let hasSlot = state.withLock { state in
            guard state.inFlight < limit else { return false }
            state.inFlight += 1
            return true
        }
        if !hasSlot {
            await withCheckedContinuation { continuation in
                // Checked again under the lock: a slot freed since the first look must not be missed.
                // Otherwise `release()` hands its slot over directly, so `inFlight` stays counted.
                let admitted = state.withLock { state in
                    guard state.inFlight < limit else {
                        state.waiters.append(continuation)
                        return false
                    }
                    state.inFlight += 1
                    return true
                }
                if admitted { continuation.resume() }
            }
        }
        while !Task.isCancelled {
            let wait = state.withLock { state -> Wait in
                let now = ContinuousClock.now
                if state.pausedUntil > now { return .paused(until: state.pausedUntil) }
                let start = max(now, state.nextStart)
                state.nextStart = start + interval
                return start > now ? .spaced(until: start) : .none
            }
            switch wait {
            case .none:
                return
            case .paused(let until):
                try? await Task.sleep(until: until, clock: .continuous)
            case .spaced(let until):
                try? await Task.sleep(until: until, clock: .continuous)
                // A pause set while this request slept applies to it too.
                if state.withLock({ $0.pausedUntil <= ContinuousClock.now }) { return }
            }
        }
    }

    /// Gives the slot back (to the longest waiting request, if any).
    func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiters.isEmpty else {
                state.inFlight -= 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }

    /// Whether the host is unhealthy now: its requests get no retries.
    var isUnhealthy: Bool { state.withLock { $0.isUnhealthy } }

    /// Whether the host was unhealthy at any time, so that reports group its failures.
    var wasUnhealthy: Bool { state.withLock { $0.wasUnhealthy } }

    /// Notes how a request for `url` went; returns `true` when this failure made the host unhealthy, which the
    /// caller answers with a pause.
    func record(url: String, failed: Bool) -> Bool {
        state.withLock { state in
            guard failed else {
                state.failingURLs = []
                state.isUnhealthy = false
                return false
            }
            guard !state.isUnhealthy else { return false }
            state.failingURLs.insert(url)
            guard state.failingURLs.count >= Self.unhealthyAfter else { return false }
            state.isUnhealthy = true
            state.wasUnhealthy = true
            return true
        }
    }

    /// Holds back every start to this host until `instant` (never shortening a longer pause).
    func pause(until instant: ContinuousClock.Instant) {
        state.withLock { $0.pausedUntil = max($0.pausedUntil, instant) }
    }
}
