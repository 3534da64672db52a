import Synchronization

/// The requests of one session scope: every unique URL is checked once, by one of at most
/// ``LinkCheckConfiguration/maxConcurrency`` workers shared by all the runs (drafts) of the session, and its
/// finding goes to every run that asked for it, including runs that ask after it is known. A URL whose page
/// anchors are wanted (a link to it has a fragment) is fetched with its body; that fetch also answers runs that
/// only want its status, while a status alone cannot answer a run that wants anchors.
///
/// A lock, not an actor: taking the next URL and handing out a status cost a worker no hop to another executor.
final class URLDispatcher: Sendable {
    /// Where a run receives the statuses of the URLs it asked for, each once.
    typealias Subscriber = AsyncStream<(WebURL, URLCheck.Finding)>.Continuation
    /// Receives the `started` event of a URL: the progress of the run that asked for it first.
    typealias Announcer = @Sendable (LinkCheckEvent) -> Void

    /// One check: a URL, and whether its page's anchors are wanted.
    struct Request: Hashable, Sendable {
        var url: WebURL
        var wantsAnchors: Bool
    }

    private enum Progress {
        case waiting(subscribers: [Subscriber])
        case known(URLCheck.Finding)
    }

    private struct Queued {
        var request: Request
        var announce: Announcer?
    }

    private struct State {
        var progress: [Request: Progress] = [:]
        var queue = HostRotation<Queued>()
        var workers: [Int: Task<Void, Never>] = [:]
        var nextWorker = 0
    }

    private let maxWorkers: Int
    private let check: @Sendable (Request) async -> URLCheck.Finding
    private let state = Mutex(State())

    /// `check` finds the status of one URL; it runs on at most `maxWorkers` tasks at once.
    init(maxWorkers: Int, check: @escaping @Sendable (Request) async -> URLCheck.Finding) {
        self.maxWorkers = max(1, maxWorkers)
        self.check = check
    }

    /// Sends the finding of each of `requests` (of different URLs) to `subscriber` once known: at once for a URL
    /// already checked, when its check ends for one being checked, after a new check for the others.
    func request(_ requests: [Request], subscriber: Subscriber, announce: Announcer?) {
        var known: [(WebURL, URLCheck.Finding)] = []
        state.withLock { state in
            for request in requests {
                // A fetch with anchors answers a request for the status alone.
                let withAnchors = Request(url: request.url, wantsAnchors: true)
                let key = !request.wantsAnchors && state.progress[request] == nil && state.progress[withAnchors] != nil
                    ? withAnchors : request
                switch state.progress[key] {
                case .known(let finding):
                    known.append((key.url, finding))
                case .waiting(var subscribers):
                    subscribers.append(subscriber)
                    state.progress[key] = .waiting(subscribers: subscribers)
                case nil:
                    state.progress[key] = .waiting(subscribers: [subscriber])
                    state.queue.append(Queued(request: key, announce: announce), host: key.url.authority)
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
        for (url, finding) in known { subscriber.yield((url, finding)) }
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
            queued.announce?(.started(url: queued.request.url.string))
            let finding = await check(queued.request)
            let subscribers = state.withLock { state -> [Subscriber] in
                guard case .waiting(let subscribers) = state.progress[queued.request] else { return [] }
                state.progress[queued.request] = .known(finding)
                return subscribers
            }
            for subscriber in subscribers { subscriber.yield((queued.request.url, finding)) }
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
