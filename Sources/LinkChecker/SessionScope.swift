import Foundation
import Synchronization

/// What the runs of a ``LinkCheckSession`` that share one configuration share: the host directory (DNS answers,
/// connection pools, host gates), the dispatcher (workers and the status of every URL requested), and the cache
/// (read once, written once when the session finishes).
final class SessionScope: Sendable {
    let configuration: LinkCheckConfiguration
    let excludes: ExcludeMatcher
    let directory: HostDirectory
    let dispatcher: URLDispatcher
    let requests = RequestCounter()
    /// Keys name the settings that decide a verdict, so that a stricter run does not trust a laxer one's successes.
    private let fingerprint: VerdictFingerprint
    private let cache: LinkResultCache?
    private let cacheState = CacheState()

    /// The cache's side of the scope, shared with the dispatcher's check, which records successes as they come.
    private final class CacheState: Sendable {
        struct Contents {
            /// The file's unexpired entries, read on first use.
            var entries: [String: LinkResultCache.Entry]?
            /// Successes found by this session, written when it finishes.
            var found: [String: LinkResultCache.Entry] = [:]
        }

        let contents = Mutex(Contents())
    }

    init(configuration: LinkCheckConfiguration, excludes: ExcludeMatcher, resolver: any HostResolver) {
        self.configuration = configuration
        self.excludes = excludes
        let directory = HostDirectory(configuration: configuration, resolver: resolver)
        self.directory = directory
        let fingerprint = VerdictFingerprint(configuration)
        self.fingerprint = fingerprint
        let cache = configuration.cacheEnabled
            ? LinkResultCache(file: configuration.cacheFile, timeToLive: configuration.cacheTimeToLive.timeInterval)
            : nil
        self.cache = cache
        let check = URLCheck(configuration: configuration, directory: directory, excludes: excludes, requests: requests)
        let cacheState = self.cacheState
        dispatcher = URLDispatcher(maxWorkers: configuration.maxConcurrency) { request in
            let finding = await check.run(request.url, wantsAnchors: request.wantsAnchors)
            let url = request.url
            let entry: LinkResultCache.Entry? = switch finding.status {
            case .ok(let code): .init(checkedAt: Date().timeIntervalSince1970, statusCode: code, redirects: [])
            case .redirected(let chain, let code): .init(checkedAt: Date().timeIntervalSince1970, statusCode: code, redirects: chain)
            default: nil
            }
            if cache != nil, let entry {
                cacheState.contents.withLock { $0.found[fingerprint.key(for: url.string)] = entry }
            }
            return finding
        }
    }

    /// The cached statuses of `urls`, and, for the first run that asks, the notice about an unreadable cache file.
    func cachedStatuses(of urls: [WebURL]) -> (statuses: [WebURL: LinkStatus], notice: LinkCheckNotice?) {
        guard let cache else { return ([:], nil) }
        return cacheState.contents.withLock { state in
            var notice: LinkCheckNotice?
            if state.entries == nil {
                let loaded = cache.load(now: Date())
                state.entries = loaded.entries
                notice = loaded.notice
            }
            var statuses: [WebURL: LinkStatus] = [:]
            for url in urls {
                if let entry = state.entries?[fingerprint.key(for: url.string)] { statuses[url] = entry.status }
            }
            return (statuses, notice)
        }
    }

    /// Cancels the checks in progress.
    func cancel() {
        dispatcher.cancel()
    }

    /// Waits for the checks still running, closes every connection and writes the successes found to the cache;
    /// returns a notice when the cache could not be written.
    func finish() async -> LinkCheckNotice? {
        await dispatcher.drain()
        // Closing the connections takes a few milliseconds; the cache is written meanwhile.
        async let closed: Void = directory.shutdown()
        let found = cacheState.contents.withLock { state in
            defer { state.found = [:] }
            return state.found
        }
        let notice = cache?.store(found, now: Date())
        await closed
        return notice
    }
}
