import Synchronization

/// Paces the requests to one host: at most `limit` in flight, starts at least `interval` apart, and no start
/// before a pause (from `Retry-After`) ends.
///
/// A lock rather than an actor: the common case (a free slot, no spacing to wait for) then costs no suspension,
/// which matters when a thousand requests each pass through it.
final class HostGate: Sendable {
    private struct State {
        var inFlight = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
        var nextStart = ContinuousClock.now
        var pausedUntil = ContinuousClock.now
    }

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

    /// Holds back every start to this host until `instant` (never shortening a longer pause).
    func pause(until instant: ContinuousClock.Instant) {
        state.withLock { $0.pausedUntil = max($0.pausedUntil, instant) }
    }
}
