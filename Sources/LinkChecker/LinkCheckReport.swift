import NewsletterCore

/// Everything one run found: a result per link, in document order, and notices about the run itself.
public struct LinkCheckReport: Sendable, Equatable {
    /// One result per input link, in the order the links were given.
    public var results: [LinkCheckResult]
    /// Findings about the run as a whole (no network, a corrupt cache file), each worth one diagnostic.
    public var notices: [LinkCheckNotice]
    /// Counts over ``results``.
    public var totals: LinkCheckTotals

    /// Creates a report; the totals are counted from `results`.
    public init(results: [LinkCheckResult], notices: [LinkCheckNotice]) {
        self.results = results
        self.notices = notices
        self.totals = LinkCheckTotals(results: results)
    }

    /// Whether the network was found unavailable; the links that needed it are then unverified, and
    /// ``notices`` holds the single notice that says so.
    public var networkUnavailable: Bool {
        notices.contains { if case .networkUnavailable = $0 { true } else { false } }
    }
}

/// A finding about a run rather than about one link.
public enum LinkCheckNotice: Sendable, Equatable {
    /// No host name resolved at all: the network (or DNS) is unavailable. `firstLink` is the first link that
    /// needed it (where a diagnostic can point); `affectedLinks` how many links went unverified.
    case networkUnavailable(firstLink: Link, affectedLinks: Int)
    /// The cache file could not be read (corrupt, wrong shape); it was ignored and is rebuilt.
    case cacheIgnored(path: String, reason: String)
    /// The cache file could not be written; results of this run are not cached.
    case cacheNotWritten(path: String, reason: String)
    /// Requests to `host` (name and port) kept failing for different URLs, so it was slowed down and its links
    /// were not retried; `affectedLinks` links to it failed, each with status ``LinkStatus/hostUnhealthy(host:failure:)``.
    /// `firstLink` is the first of them, `example` the message of its own failure.
    case hostUnhealthy(host: String, firstLink: Link, affectedLinks: Int, example: String)

    /// The suggested severity of the diagnostic.
    public var severity: LinkCheckSeverity {
        switch self {
        case .networkUnavailable, .hostUnhealthy: .error
        case .cacheIgnored, .cacheNotWritten: .warning
        }
    }

    /// Where a diagnostic should point, when anywhere.
    public var range: SourceRange? {
        switch self {
        case .networkUnavailable(let link, _), .hostUnhealthy(_, let link, _, _): link.range
        case .cacheIgnored, .cacheNotWritten: nil
        }
    }

    /// A one-line message for people.
    public var message: String {
        switch self {
        case .networkUnavailable(_, let count):
            return "The network is unavailable: no host name resolved, so \(count) link\(count == 1 ? "" : "s") could not be checked."
        case .cacheIgnored(let path, let reason):
            return "The link cache \(path) was ignored and will be rebuilt: \(reason)."
        case .cacheNotWritten(let path, let reason):
            return "The link cache \(path) could not be written: \(reason)."
        case .hostUnhealthy(let host, _, let count, let example):
            let links = count == 1 ? "1 link" : "\(count) links"
            return "\(host) is unhealthy: requests to it kept failing, so it was slowed down and \(links) to it failed without retries; the first: \(example)"
        }
    }
}

/// Counts of a run, for a summary line or the end of a progress bar.
public struct LinkCheckTotals: Sendable, Equatable {
    /// Links given.
    public var links: Int
    /// Links that work (ok or redirected to a working page).
    public var working: Int
    /// Links whose suggested severity is error.
    public var failed: Int
    /// Links whose suggested severity is warning (unverifiable, timeouts).
    public var warnings: Int
    /// Links deliberately not requested, or with a scheme that is not checked.
    public var skipped: Int
    /// Links answered from the cache.
    public var cached: Int

    /// Creates totals.
    public init(links: Int, working: Int, failed: Int, warnings: Int, skipped: Int, cached: Int) {
        self.links = links
        self.working = working
        self.failed = failed
        self.warnings = warnings
        self.skipped = skipped
        self.cached = cached
    }

    /// Counts `results`; links left unverified by an unavailable network count as warnings, links to an unhealthy
    /// host as failed.
    public init(results: [LinkCheckResult]) {
        var totals = LinkCheckTotals(links: results.count, working: 0, failed: 0, warnings: 0, skipped: 0, cached: 0)
        for result in results {
            if result.fromCache { totals.cached += 1 }
            if result.status.isSuccess {
                totals.working += 1
                continue
            }
            switch result.status {
            case .excluded, .unchecked: totals.skipped += 1
            case .networkUnavailable: totals.warnings += 1
            // Reported once for the host, by a notice, but each of them failed.
            case .hostUnhealthy: totals.failed += 1
            default:
                switch result.severity {
                case .error: totals.failed += 1
                case .warning: totals.warnings += 1
                case .info, nil: totals.skipped += 1
                }
            }
        }
        self = totals
    }
}

/// A step of a run, for drawing progress.
public enum LinkCheckEvent: Sendable, Equatable {
    /// The run starts: `links` links in all, `uniqueURLs` of them to request (after de-duplication and the cache).
    case planned(links: Int, uniqueURLs: Int)
    /// A request for `url` starts.
    case started(url: String)
    /// A link's result is known (links sharing a URL finish together).
    case finished(LinkCheckResult)
    /// The run is over; the last event.
    case completed(LinkCheckReport)
}
