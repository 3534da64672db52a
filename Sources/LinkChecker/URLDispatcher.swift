import Synchronization

/// The requests of one session scope: every unique URL is checked once, by one of at most
/// ``LinkCheckConfiguration/maxConcurrency`` workers shared by all the runs (drafts) of the session, and its
/// status goes to every run that asked for it, including runs that ask after it is known.
///
/// A lock, not an actor: taking the next URL and handing out a status cost a worker no hop to another executor.
final class URLDispatcher: Sendable {
    /// Where a run receives the statuses of the URLs it asked for, each once.
    typealias Subscriber = AsyncStream<(WebURL, LinkStatus)>.Continuation
    /// Receives the `started` event of a URL: the progress of the run that asked for it first.
    typealias Announcer = @Sendable (LinkCheckEvent) -> Void

    private enum Progress {
        case waiting(subscribers: [Subscriber])
        case known(LinkStatus)
    }

    private struct Queued {
        var url: WebURL
        var announce: Announcer?
    }

    private struct State {
        var progress: [WebURL: Progress] = [:]
        var queue = HostRotation<Queued>()
        var workers: [Int: Task<Void, Never>] = [:]
        var nextWorker = 0
    }

    private let maxWorkers: Int
    private let check: @Sendable (WebURL) async -> LinkStatus
    private let state = Mutex(State())

    /// `check` finds the status of one URL; it runs on at most `maxWorkers` tasks at once.
    init(maxWorkers: Int, check: @escaping @Sendable (WebURL) async -> LinkStatus) {
        self.maxWorkers = max(1, maxWorkers)
        self.check = check
    }

    /// Sends the status of each of `urls` (unique) to `subscriber` once known: at once for a URL already checked,
    /// when its check ends for one being checked, after a new check for the others. Returns how many of `urls`
    /// were new to the session, so that a run can say how many requests it caused.
    func request(_ urls: [WebURL], subscriber: Subscriber, announce: Announcer?) -> Int {
        var known: [(WebURL, LinkStatus)] = []
        var fresh = 0
        state.withLock { state in
            for url in urls {
                switch state.progress[url] {
                case .known(let status):
                    known.append((url, status))
                case .waiting(var subscribers):
                    subscribers.append(subscriber)
                    state.progress[url] = .waiting(subscribers: subscribers)
                case nil:
                    state.progress[url] = .waiting(subscribers: [subscriber])
                    state.queue.append(Queued(url: url, announce: announce), host: url.authority)
                    fresh += 1
                }
            }
            let executors = EventLoopTaskExecutor.shared
            // Every worker is busy with a URL of its own, so each queued URL may have a new one, up to the limit.
            let wanted = min(maxWorkers, state.workers.count + state.queue.count)
            while state.workers.count < wanted {
                let id = state.nextWorker
                state.nextWorker += 1
                // Spread over the event loops, each worker continues where its answers arrive. The task cannot
                // take the lock before this insertion is done, so it always finds itself to remove.
                state.workers[id] = Task(executorPreference: executors[id % executors.count]) { [self] in
                    await work(as: id)
                }
            }
        }
        for (url, status) in known { subscriber.yield((url, status)) }
        return fresh
    }

    /// Cancels the checks in progress; their URLs end as cancelled.
    func cancel() {
        for worker in state.withLock({ Array($0.workers.values) }) { worker.cancel() }
    }

    /// Waits until no worker is left.
    func drain() async {
        while let worker = state.withLock({ $0.workers.values.first }) {
            await worker.value
        }
    }

    private func work(as id: Int) async {
        while let queued = take(leavingAs: id) {
            queued.announce?(.started(url: queued.url.string))
            let status = await check(queued.url)
            let subscribers = state.withLock { state -> [Subscriber] in
                guard case .waiting(let subscribers) = state.progress[queued.url] else { return [] }
                state.progress[queued.url] = .known(status)
                return subscribers
            }
            for subscriber in subscribers { subscriber.yield((queued.url, status)) }
        }
    }

    /// The next URL, or `nil` after the worker has left: under the same lock, so that a URL queued meanwhile
    /// either finds this worker still counted (and is taken by it) or starts another.
    private func take(leavingAs id: Int) -> Queued? {
        state.withLock { state in
            if let next = state.queue.next() { return next }
            state.workers[id] = nil
            return nil
        }
    }
}
