import Foundation
import NewsletterCore

/// The check of one document within a session: classification, de-duplication, the cache, the session's
/// dispatcher for what is left, the network verdict, and a result for every link.
struct LinkCheckRun: Sendable {
    let scope: SessionScope
    let links: [Link]
    let anchors: DocumentAnchors
    let emit: (@Sendable (LinkCheckEvent) -> Void)?

    func perform() async -> LinkCheckReport {
        let configuration = scope.configuration
        var statuses = [LinkStatus?](repeating: nil, count: links.count)
        var checkedURLs = links.map(\.destination)
        var fromCache = [Bool](repeating: false, count: links.count)
        var linksByURL: [WebURL: [Int]] = [:]
        var uniqueURLs: [WebURL] = []
        for (index, link) in links.enumerated() {
            switch LinkTarget.classify(link.destination, configuration: configuration, excludes: scope.excludes) {
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

        // Pages whose anchors a link's fragment names are fetched with their body, never answered from the cache.
        var wantsAnchors: Set<WebURL> = []
        if configuration.checkRemoteFragments {
            for (url, indices) in linksByURL where indices.contains(where: { Self.fragment(of: links[$0]) != nil }) {
                wantsAnchors.insert(url)
            }
        }
        var notices: [LinkCheckNotice] = []
        let (cached, cacheNotice) = scope.cachedStatuses(of: uniqueURLs.filter { !wantsAnchors.contains($0) })
        if let cacheNotice { notices.append(cacheNotice) }
        var pending: [WebURL] = []
        for url in uniqueURLs {
            guard let status = cached[url] else {
                pending.append(url)
                continue
            }
            for index in linksByURL[url]! {
                statuses[index] = status
                fromCache[index] = true
            }
        }

        emit?(.planned(links: links.count, uniqueURLs: pending.count))
        for index in links.indices {
            if let status = statuses[index] {
                emit?(.finished(LinkCheckResult(link: links[index], url: checkedURLs[index], status: status, fromCache: fromCache[index])))
            }
        }

        let requests = pending.map { URLDispatcher.Request(url: $0, wantsAnchors: wantsAnchors.contains($0)) }
        for (url, finding) in await findings(of: requests, linksByURL: linksByURL) {
            for index in linksByURL[url]! { statuses[index] = status(of: links[index], from: finding) }
        }
        // Only a temporary failure says something about the network; a name that does not exist does not.
        let resolvedHosts = await scope.directory.resolvedHosts
        let temporaryFailures = await scope.directory.temporaryFailures
        if resolvedHosts == 0 && temporaryFailures > 0 {
            let offlineLinks = links.indices.filter { statuses[$0] == .dnsFailure }
            for index in offlineLinks { statuses[index] = .networkUnavailable }
            if let first = offlineLinks.first {
                notices.append(.networkUnavailable(firstLink: links[first], affectedLinks: offlineLinks.count))
            }
        }

        notices += groupUnhealthyHosts(&statuses, checkedURLs: checkedURLs, linksByURL: linksByURL)

        let results = links.indices.map { index in
            // A link without a status is one whose check was cancelled before it ended.
            LinkCheckResult(
                link: links[index],
                url: checkedURLs[index],
                status: statuses[index] ?? .unverifiable(reason: "the check was cancelled"),
                fromCache: fromCache[index]
            )
        }
        // DNS failures were held back until the network verdict; they finish now, as decided.
        for index in links.indices where statuses[index] == .dnsFailure || statuses[index] == .networkUnavailable {
            emit?(.finished(results[index]))
        }
        return LinkCheckReport(results: results, notices: notices)
    }

    /// Marks the failures of links to hosts that were unhealthy as such, and returns one notice per host with
    /// more than one of them, instead of a failure per link.
    private func groupUnhealthyHosts(
        _ statuses: inout [LinkStatus?], checkedURLs: [String], linksByURL: [WebURL: [Int]]
    ) -> [LinkCheckNotice] {
        var failedByHost: [String: [Int]] = [:]
        for (url, indices) in linksByURL where scope.directory.wasUnhealthy(url.authority) {
            for index in indices {
                switch statuses[index] {
                case .serverError, .timeout, .connectionRefused, .connectionFailed: failedByHost[url.authority, default: []].append(index)
                default: break
                }
            }
        }
        var notices: [(first: Int, notice: LinkCheckNotice)] = []
        for (host, indices) in failedByHost where indices.count > 1 {
            let indices = indices.sorted()
            let first = indices[0]
            let example = LinkCheckResult(link: links[first], url: checkedURLs[first], status: statuses[first]!).message
            for index in indices { statuses[index] = .hostUnhealthy(host: host, failure: statuses[index]!) }
            notices.append((first, .hostUnhealthy(host: host, firstLink: links[first], affectedLinks: indices.count, example: example)))
        }
        return notices.sorted { $0.first < $1.first }.map(\.notice)
    }

    /// The status of `link` from the finding for its URL: a working HTML page must also hold the link's fragment
    /// (when the whole page was read; a page cut at the size limit cannot show that an anchor is missing).
    private func status(of link: Link, from finding: URLCheck.Finding) -> LinkStatus {
        guard finding.status.isSuccess, let anchors = finding.anchors, anchors.isComplete,
              let fragment = Self.fragment(of: link), !anchors.contains(fragment)
        else { return finding.status }
        return .missingPageFragment(fragment)
    }

    /// The fragment of a link's destination, when it has a non-empty one.
    private static func fragment(of link: Link) -> String? {
        guard let hash = link.destination.firstIndex(of: "#") else { return nil }
        let fragment = link.destination[link.destination.index(after: hash)...]
        return fragment.isEmpty ? nil : String(fragment)
    }

    /// The findings for `requests` from the session's dispatcher, finishing their links as each arrives; stops
    /// early, with what arrived, when the task is cancelled.
    private func findings(of requests: [URLDispatcher.Request], linksByURL: [WebURL: [Int]]) async -> [(WebURL, URLCheck.Finding)] {
        guard !requests.isEmpty else { return [] }
        let (stream, subscriber) = AsyncStream.makeStream(of: (WebURL, URLCheck.Finding).self)
        scope.dispatcher.request(requests, subscriber: subscriber, announce: emit)
        var received: [(WebURL, URLCheck.Finding)] = []
        received.reserveCapacity(requests.count)
        for await (url, finding) in stream {
            received.append((url, finding))
            if let emit, finding.status != .dnsFailure {
                for index in linksByURL[url]! {
                    emit(.finished(LinkCheckResult(link: links[index], url: url.string, status: status(of: links[index], from: finding))))
                }
            }
            if received.count == requests.count { break }
        }
        subscriber.finish()
        return received
    }
}
