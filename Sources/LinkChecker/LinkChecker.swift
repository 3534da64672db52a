import Foundation
import NewsletterCore
import Synchronization

/// Checks the links of a document over the network: concurrent and polite per host, cached, safe against
/// drafts that point at the local network, and honest about what it could not verify.
///
/// ```swift
/// let checker = try LinkChecker()
/// let report = await checker.check(issue)
/// for result in report.results where result.severity != nil { print(result.range, result.message) }
/// ```
public struct LinkChecker: Sendable {
    /// The settings of every run.
    public let configuration: LinkCheckConfiguration
    private let resolver: any HostResolver
    private let excludes: ExcludeMatcher

    /// Creates a checker; throws when a setting is unusable (an invalid exclude pattern, a limit below 1).
    /// `resolver` turns host names into addresses; tests give a fake one.
    public init(
        configuration: LinkCheckConfiguration = LinkCheckConfiguration(),
        resolver: any HostResolver = SystemHostResolver()
    ) throws(LinkCheckConfigurationError) {
        let limits = [
            ("max_concurrency", configuration.maxConcurrency, 1),
            ("per_host_concurrency", configuration.perHostConcurrency, 1),
            ("max_retries", configuration.maxRetries, 0),
            ("max_redirects", configuration.maxRedirects, 0),
        ] + configuration.hostSettings.compactMap { host, settings in
            settings.concurrency.map { ("host_settings.\(host).concurrency", $0, 1) }
        }
        if let (name, value, _) = limits.first(where: { $0.1 < $0.2 }) { throw .invalidLimit(name: name, value: value) }
        self.configuration = configuration
        self.resolver = resolver
        self.excludes = try ExcludeMatcher(patterns: configuration.excludePatterns)
    }

    /// Checks every link of `issue`; `#fragment` links against its headings.
    public func check(_ issue: Issue) async -> LinkCheckReport {
        await check(issue.links, anchors: DocumentAnchors(issue: issue))
    }

    /// Checks `links`, one result per link in the same order; `#fragment` links are looked up in `anchors`.
    public func check(_ links: [Link], anchors: DocumentAnchors = DocumentAnchors(headings: [])) async -> LinkCheckReport {
        await LinkCheckRun(checker: self, links: links, anchors: anchors, emit: nil).perform()
    }

    /// Checks every link of `issue`, reporting progress; the last event is ``LinkCheckEvent/completed(_:)``.
    public func progress(_ issue: Issue) -> AsyncStream<LinkCheckEvent> {
        progress(issue.links, anchors: DocumentAnchors(issue: issue))
    }

    /// Checks `links`, reporting progress as it goes; the last event is ``LinkCheckEvent/completed(_:)`` with the
    /// same report ``check(_:anchors:)`` returns. Ending the iteration early cancels the run.
    public func progress(_ links: [Link], anchors: DocumentAnchors = DocumentAnchors(headings: [])) -> AsyncStream<LinkCheckEvent> {
        AsyncStream { continuation in
            let run = LinkCheckRun(checker: self, links: links, anchors: anchors) { continuation.yield($0) }
            let task = Task {
                let report = await run.perform()
                continuation.yield(.completed(report))
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// One run: classification, de-duplication, the cache, the workers, the network verdict, the cache update.
    private struct LinkCheckRun: Sendable {
        let checker: LinkChecker
        let links: [Link]
        let anchors: DocumentAnchors
        let emit: (@Sendable (LinkCheckEvent) -> Void)?

        func perform() async -> LinkCheckReport {
            let configuration = checker.configuration
            var statuses = [LinkStatus?](repeating: nil, count: links.count)
            var checkedURLs = links.map(\.destination)
            var fromCache = [Bool](repeating: false, count: links.count)
            var linksByURL: [WebURL: [Int]] = [:]
            var uniqueURLs: [WebURL] = []
            for (index, link) in links.enumerated() {
                switch LinkTarget.classify(link.destination, configuration: configuration, excludes: checker.excludes) {
                case .settled(let status):
                    statuses[index] = status
                case .fragment(let fragment):
                    statuses[index] = anchors.contains(fragment) ? .fragmentFound(fragment) : .missingFragment(fragment)
                case .web(let url):
                    checkedURLs[index] = url.string
                    if linksByURL[url] == nil { uniqueURLs.append(url) }
                    linksByURL[url, default: []].append(index)
                }
            }

            var notices: [LinkCheckNotice] = []
            let cache = configuration.cacheEnabled
                ? LinkResultCache(file: configuration.cacheFile, timeToLive: configuration.cacheTimeToLive.timeInterval)
                : nil
            // Keys name the settings that decide a verdict, so that a stricter run does not trust a laxer one's successes.
            let fingerprint = VerdictFingerprint(configuration)
            var pending: [WebURL] = []
            if let cache {
                let (entries, notice) = cache.load(now: Date())
                if let notice { notices.append(notice) }
                for url in uniqueURLs {
                    guard let entry = entries[fingerprint.key(for: url.string)] else {
                        pending.append(url)
                        continue
                    }
                    for index in linksByURL[url]! {
                        statuses[index] = entry.status
                        fromCache[index] = true
                    }
                }
            } else {
                pending = uniqueURLs
            }

            emit?(.planned(links: links.count, uniqueURLs: pending.count))
            for index in links.indices {
                if let status = statuses[index] {
                    emit?(.finished(LinkCheckResult(link: links[index], url: checkedURLs[index], status: status, fromCache: fromCache[index])))
                }
            }

            let directory = HostDirectory(configuration: configuration, resolver: checker.resolver)
            let fresh = await checkAll(pending, linksByURL: linksByURL, directory: directory)
            // Only a temporary failure says something about the network; a name that does not exist does not.
            let resolvedHosts = await directory.resolvedHosts
            let temporaryFailures = await directory.temporaryFailures
            let offline = resolvedHosts == 0 && temporaryFailures > 0
            // Closing the connections takes a few milliseconds; the results are put together meanwhile.
            async let closed: Void = directory.shutdown()

            var newEntries: [String: LinkResultCache.Entry] = [:]
            let now = Date()
            var offlineLinks: [Int] = []
            for (url, status) in fresh {
                var status = status
                if status == .dnsFailure && offline {
                    status = .networkUnavailable
                    offlineLinks += linksByURL[url]!
                }
                for index in linksByURL[url]! { statuses[index] = status }
                switch status {
                case .ok(let code):
                    newEntries[fingerprint.key(for: url.string)] = .init(checkedAt: now.timeIntervalSince1970, statusCode: code, redirects: [])
                case .redirected(let chain, let code):
                    newEntries[fingerprint.key(for: url.string)] = .init(checkedAt: now.timeIntervalSince1970, statusCode: code, redirects: chain)
                default:
                    break
                }
            }
            if let first = offlineLinks.min() {
                notices.append(.networkUnavailable(firstLink: links[first], affectedLinks: offlineLinks.count))
            }
            if let cache, let notice = cache.store(newEntries, now: now) { notices.append(notice) }

            let results = links.indices.map { index in
                LinkCheckResult(link: links[index], url: checkedURLs[index], status: statuses[index]!, fromCache: fromCache[index])
            }
            // DNS failures were held back until the network verdict; they finish now, as decided.
            for index in links.indices where statuses[index] == .dnsFailure || statuses[index] == .networkUnavailable {
                emit?(.finished(results[index]))
            }
            await closed
            return LinkCheckReport(results: results, notices: notices)
        }

        /// Runs at most `maxConcurrency` workers over `urls`, interleaved by host so that workers spread over hosts.
        private func checkAll(_ urls: [WebURL], linksByURL: [WebURL: [Int]], directory: HostDirectory) async -> [(WebURL, LinkStatus)] {
            let queue = WorkQueue(RoundRobin.interleave(urls, by: \.authority))
            let check = URLCheck(configuration: checker.configuration, directory: directory, excludes: checker.excludes)
            let links = self.links
            let emit = self.emit
            let executors = EventLoopTaskExecutor.shared
            return await withTaskGroup(of: [(WebURL, LinkStatus)].self) { group in
                for worker in 0..<min(checker.configuration.maxConcurrency, urls.count) {
                    // Spread over the event loops, each worker continues where its answers arrive.
                    group.addTask(executorPreference: executors[worker % executors.count]) {
                        var done: [(WebURL, LinkStatus)] = []
                        while let url = queue.next() {
                            emit?(.started(url: url.string))
                            let status = await check.run(url)
                            done.append((url, status))
                            guard status != .dnsFailure, let emit else { continue }
                            for index in linksByURL[url]! {
                                emit(.finished(LinkCheckResult(link: links[index], url: url.string, status: status)))
                            }
                        }
                        return done
                    }
                }
                var all: [(WebURL, LinkStatus)] = []
                for await done in group { all += done }
                return all
            }
        }
    }
}

/// Hands out the URLs of a run one at a time to the workers; a lock, not an actor, so that taking the next URL
/// costs a worker no hop to another executor.
private final class WorkQueue: Sendable {
    private let urls: [WebURL]
    private let position = Mutex(0)

    init(_ urls: [WebURL]) { self.urls = urls }

    func next() -> WebURL? {
        let index = position.withLock { position in
            defer { position += 1 }
            return position
        }
        return index < urls.count ? urls[index] : nil
    }
}

/// Orders items so that consecutive ones belong to different groups where possible.
enum RoundRobin {
    /// `a1 a2 b1 c1 b2` becomes `a1 b1 c1 a2 b2`: one of each group in turn, groups in order of first appearance.
    static func interleave<Item, Key: Hashable>(_ items: [Item], by key: (Item) -> Key) -> [Item] {
        var groups: [[Item]] = []
        var groupIndex: [Key: Int] = [:]
        for item in items {
            let itemKey = key(item)
            if let index = groupIndex[itemKey] {
                groups[index].append(item)
            } else {
                groupIndex[itemKey] = groups.count
                groups.append([item])
            }
        }
        var result: [Item] = []
        result.reserveCapacity(items.count)
        var active = Array(groups.indices)
        var round = 0
        while !active.isEmpty {
            for index in active { result.append(groups[index][round]) }
            round += 1
            // Dropping exhausted groups keeps this linear however uneven the groups are.
            active.removeAll { groups[$0].count <= round }
        }
        return result
    }
}

extension Duration {
    /// The span in seconds, for Foundation's `TimeInterval`.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
