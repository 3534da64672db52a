import Synchronization

/// One run of link checking over many documents (every draft of an `editorial-check` run): a single set of host
/// gates, connection pools, DNS answers, result cache and de-duplication for all of them, so that each unique URL
/// is requested at most once per session and every per-host limit holds across documents checked in parallel.
///
/// Give the session to each ``LinkChecker``; results are attributed to every document and link that named a
/// URL. Checkers with different configurations share nothing but the resolver (their policies, limits and
/// cache keys differ), so a session serves each distinct configuration with its own part. Call ``finish()`` once
/// every check is over: it closes the connections and writes the cache.
///
/// ```swift
/// let session = LinkCheckSession()
/// let checker = try LinkChecker(configuration: configuration, session: session)
/// let reports = await withTaskGroup(of: LinkCheckReport.self) { group in
///     for issue in issues { group.addTask { await checker.check(issue) } }
///     return await group.reduce(into: []) { $0.append($1) }
/// }
/// let notices = await session.finish()
/// ```
public final class LinkCheckSession: Sendable {
    /// Turns host names into addresses for every checker of the session.
    public let resolver: any HostResolver
    private let state = Mutex(State())

    private struct State {
        var scopes: [SessionScope] = []
        /// Requests sent by scopes already finished.
        var finishedRequests = 0
    }

    /// Creates a session; `resolver` turns host names into addresses (tests give a fake one).
    public init(resolver: any HostResolver = SystemHostResolver()) {
        self.resolver = resolver
    }

    /// HTTP requests sent so far, over every configuration (each attempt, retry and redirect hop counts).
    public var requestsSent: Int {
        state.withLock { state in state.finishedRequests + state.scopes.reduce(0) { $0 + $1.requests.value } }
    }

    /// Waits for the checks still running, closes every connection and writes the cache; returns the notices
    /// about the run that no report could carry (a cache file that could not be written). A check started after
    /// this begins afresh, with new connections, and needs another call.
    public func finish() async -> [LinkCheckNotice] {
        let scopes = state.withLock { state in
            defer { state.scopes = [] }
            return state.scopes
        }
        var notices: [LinkCheckNotice] = []
        for scope in scopes {
            if let notice = await scope.finish() { notices.append(notice) }
        }
        let sent = scopes.reduce(0) { $0 + $1.requests.value }
        state.withLock { $0.finishedRequests += sent }
        return notices
    }

    /// Cancels every check in progress; the links whose URLs they were checking end as not verified.
    func cancel() {
        for scope in state.withLock({ $0.scopes }) { scope.cancel() }
    }

    /// The part of the session serving `configuration`, made on first use.
    func scope(for configuration: LinkCheckConfiguration, excludes: ExcludeMatcher) -> SessionScope {
        state.withLock { state in
            if let scope = state.scopes.first(where: { $0.configuration == configuration }) { return scope }
            let scope = SessionScope(configuration: configuration, excludes: excludes, resolver: resolver)
            state.scopes.append(scope)
            return scope
        }
    }
}
