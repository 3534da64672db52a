import Foundation

/// Every setting of a link check, with defaults in the spirit of lychee's (the reference checker).
///
/// Property names map one to one onto snake-case keys of `.newsletterlint.yml`
/// (`maxConcurrency` is `max_concurrency`, `perHostInterval` is `per_host_interval`, ...).
public struct LinkCheckConfiguration: Sendable, Equatable {
    /// How HTTP links are requested.
    public enum RequestMethod: String, Sendable, Equatable, CaseIterable {
        /// `HEAD` first, then `GET` when the server refuses `HEAD` (405, 501, and 4xx answers that some servers give
        /// to `HEAD` only). The body of a `GET` is never read.
        case headThenGet = "head_then_get"
        /// `GET` only (the body is never read).
        case get
    }

    /// How links are requested. Default: ``RequestMethod/headThenGet``.
    public var requestMethod: RequestMethod = .headThenGet
    /// Requests in flight at once over all hosts. Default: 64.
    public var maxConcurrency: Int = 64
    /// Requests in flight at once to one host (name and port). Default: 10, as lychee.
    public var perHostConcurrency: Int = 10
    /// The least time between the starts of two requests to one host. Default: 50 ms, as lychee.
    public var perHostInterval: Duration = .milliseconds(50)
    /// Time allowed to open a connection (TCP and TLS). Default: 10 s.
    public var connectTimeout: Duration = .seconds(10)
    /// Time allowed for one request, from its start to the response head. Default: 20 s, as lychee.
    public var requestTimeout: Duration = .seconds(20)
    /// Retries after a failure worth retrying (5xx, 408, 429, timeouts, connection resets); refused connections
    /// and DNS failures are never retried. Default: 3.
    public var maxRetries: Int = 3
    /// The wait before the first retry, doubled for each further one, with random jitter of up to half of it.
    /// Default: 1 s.
    public var retryBaseDelay: Duration = .seconds(1)
    /// The longest pause a `Retry-After` header (429, 503) may impose on a host; a longer demand ends the check of
    /// that URL as rate limited instead of waiting. Default: 60 s.
    public var maxRetryAfter: Duration = .seconds(60)
    /// Redirects followed before giving up. Default: 10.
    public var maxRedirects: Int = 10
    /// Status codes that count as working. Default: 100-103 and 200-299.
    public var acceptedStatusCodes: [ClosedRange<Int>] = [100...103, 200...299]
    /// The `User-Agent` sent with every request unless a ``HostSettings`` overrides it.
    public var userAgent: String = "Mozilla/5.0 (compatible; NewsletterKit-LinkChecker/1.0)"
    /// Extra headers sent with every request.
    public var headers: [String: String] = [:]
    /// Settings for particular hosts, keyed by host name; a key also matches its subdomains
    /// (`github.com` matches `api.github.com`), the longest matching key winning.
    public var hostSettings: [String: HostSettings] = [:]
    /// Regular expressions (unanchored) matched against the whole URL; a match is not checked. They are matched in time
    /// linear in the URL, in the subset of ICU's syntax that EditorialChecks' article "The pattern language" documents
    /// (no backreferences or lookaround); a pattern outside it makes ``LinkChecker`` refuse the configuration.
    public var excludePatterns: [String] = []
    /// Whether the names reserved for examples and tests (`example.com`, `example.org`, `example.net` and the
    /// `.test`, `.example`, `.invalid` domains) are skipped. Default: `true`. (`localhost` is not skipped: it is
    /// a loopback address, see ``allowLoopbackAddresses``.)
    public var excludeReservedDomains: Bool = true
    /// Whether hosts resolving to private addresses (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) and to the
    /// other special-purpose ranges (documentation, benchmarking, multicast, reserved; see ``AddressScope``) are
    /// fetched. Default: `false`, so a draft cannot make the checker probe the local network.
    public var allowPrivateAddresses: Bool = false
    /// Whether hosts resolving to loopback addresses (127/8, ::1, and the name `localhost`) are fetched.
    /// Default: `false`.
    public var allowLoopbackAddresses: Bool = false
    /// Whether hosts resolving to link-local addresses (169.254/16, fe80::/10; cloud metadata services) are fetched.
    /// Default: `false`.
    public var allowLinkLocalAddresses: Bool = false
    /// Hosts known to answer checkers with 403 or 429 whatever the link (bot walls); such answers from them are
    /// reported as unverifiable, never broken. A name also matches its subdomains. Status 999 is unverifiable from
    /// any host.
    public var botWallHosts: [String] = LinkCheckConfiguration.defaultBotWallHosts
    /// Whether `#fragment` links into the same document are checked against its headings. Default: `true`.
    public var checkFragments: Bool = true
    /// Whether the fragment of a link to a web page (`https://host/page#part`) is looked up on the page: the page
    /// is fetched once per run with `GET` (at most 2 MiB of it read) and, when it is HTML, the fragment must name an
    /// element's `id` or `name`, or a heading's GitHub-style anchor. Default: `true`.
    public var checkRemoteFragments: Bool = true
    /// Whether successful results are read from and written to ``cacheFile`` (every URL checked, so the file is
    /// readable by its owner only, in a folder only its owner may enter). Default: `true`.
    public var cacheEnabled: Bool = true
    /// The cache file. Default: ``defaultCacheFile``.
    public var cacheFile: URL = LinkCheckConfiguration.defaultCacheFile
    /// How long a cached success is trusted. Default: one day.
    public var cacheTimeToLive: Duration = .seconds(86_400)

    /// Creates the default configuration.
    public init() {}

    /// Hosts whose 403 and 429 answers are taken as bot walls by default.
    public static let defaultBotWallHosts: [String] = [
        "linkedin.com", "twitter.com", "x.com", "facebook.com", "instagram.com", "tiktok.com",
        "medium.com", "reddit.com", "quora.com", "crunchbase.com", "glassdoor.com", "indeed.com",
        "amazon.com", "nytimes.com", "wsj.com", "bloomberg.com",
    ]

    /// `$XDG_CACHE_HOME/newsletterkit/links.json`, or `$HOME/.cache/newsletterkit/links.json` when that is unset
    /// (the home folder from the user database only when `HOME` is unset too).
    public static var defaultCacheFile: URL {
        defaultCacheFile(environment: ProcessInfo.processInfo.environment)
    }

    /// ``defaultCacheFile`` for the environment variables `environment`; only absolute paths count, as the XDG
    /// base directory specification asks.
    static func defaultCacheFile(environment: [String: String]) -> URL {
        let base: URL
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg, isDirectory: true)
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache", isDirectory: true)
        } else {
            base = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache", isDirectory: true)
        }
        return base.appendingPathComponent("newsletterkit", isDirectory: true).appendingPathComponent("links.json")
    }

    /// The range every count may take, by configuration key (`hosts.<name>.concurrency` is `concurrency`).
    package static let countRanges: [String: ClosedRange<Int>] = [
        "max_concurrency": 1...1_024, "per_host_concurrency": 1...256, "concurrency": 1...256,
        "max_retries": 0...10, "max_redirects": 0...50,
    ]

    /// The range every duration may take, in seconds, by configuration key (`hosts.<name>.interval` is
    /// `interval`): wide enough for any sensible run, narrow enough that no conversion can overflow, and never
    /// zero where zero would fail every link (a timeout).
    package static let secondsRanges: [String: ClosedRange<Double>] = [
        "per_host_interval": 0...60, "interval": 0...60, "connect_timeout": 0.1...600, "timeout": 0.1...3_600,
        "retry_delay": 0...60, "max_retry_after": 0...3_600, "cache_ttl": 0...31_536_000,
    ]

    /// Throws naming the first count or duration outside its range (``countRanges``, ``secondsRanges``).
    package func validate() throws(LinkCheckConfigurationError) {
        var counts = [
            ("max_concurrency", "max_concurrency", maxConcurrency),
            ("per_host_concurrency", "per_host_concurrency", perHostConcurrency),
            ("max_retries", "max_retries", maxRetries),
            ("max_redirects", "max_redirects", maxRedirects),
        ]
        var durations = [
            ("per_host_interval", "per_host_interval", perHostInterval), ("connect_timeout", "connect_timeout", connectTimeout),
            ("timeout", "timeout", requestTimeout), ("retry_delay", "retry_delay", retryBaseDelay),
            ("max_retry_after", "max_retry_after", maxRetryAfter), ("cache_ttl", "cache_ttl", cacheTimeToLive),
        ]
        for (host, settings) in hostSettings.sorted(by: { $0.key < $1.key }) {
            if let concurrency = settings.concurrency { counts.append(("hosts.\(host).concurrency", "concurrency", concurrency)) }
            if let interval = settings.interval { durations.append(("hosts.\(host).interval", "interval", interval)) }
        }
        for (name, key, value) in counts where !Self.countRanges[key]!.contains(value) {
            throw .invalidLimit(name: name, value: value)
        }
        for (name, key, value) in durations where !Self.secondsRanges[key]!.contains(value.timeInterval) {
            throw .invalidDuration(name: name, value: value)
        }
    }

    /// Whether `statusCode` is one of ``acceptedStatusCodes``.
    public func accepts(statusCode: Int) -> Bool {
        acceptedStatusCodes.contains { $0.contains(statusCode) }
    }

    /// The settings that apply to `host`: the entry of ``hostSettings`` with the longest key matching it.
    public func settings(forHost host: String) -> HostSettings? {
        let host = host.lowercased()
        return hostSettings
            .filter { HostMatching.matches(host: host, pattern: $0.key) }
            .max { $0.key.count < $1.key.count }?
            .value
    }
}

/// Settings that apply to one host (and its subdomains) instead of the run-wide ones.
public struct HostSettings: Sendable, Equatable {
    /// Replaces ``LinkCheckConfiguration/userAgent`` for this host.
    public var userAgent: String?
    /// Added to (and overriding) ``LinkCheckConfiguration/headers`` for this host.
    public var headers: [String: String]
    /// Replaces ``LinkCheckConfiguration/perHostConcurrency`` for this host.
    public var concurrency: Int?
    /// Replaces ``LinkCheckConfiguration/perHostInterval`` for this host.
    public var interval: Duration?

    /// Creates host settings; `nil` keeps the run-wide value.
    public init(userAgent: String? = nil, headers: [String: String] = [:], concurrency: Int? = nil, interval: Duration? = nil) {
        self.userAgent = userAgent
        self.headers = headers
        self.concurrency = concurrency
        self.interval = interval
    }
}

/// Host name matching shared by host settings, bot walls and reserved names.
enum HostMatching {
    /// Whether `host` is `pattern` or one of its subdomains (both lowercased, a trailing dot ignored).
    static func matches(host: String, pattern: String) -> Bool {
        let host = host.lowercased().trimmingTrailingDot()
        let pattern = pattern.lowercased().trimmingTrailingDot()
        guard !pattern.isEmpty else { return false }
        return host == pattern || host.hasSuffix("." + pattern)
    }
}

extension String {
    fileprivate func trimmingTrailingDot() -> String {
        hasSuffix(".") ? String(dropLast()) : self
    }
}
