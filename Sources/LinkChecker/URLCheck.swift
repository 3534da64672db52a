internal import AsyncHTTPClient

/// Checks one unique URL: the request (HEAD, then GET if refused or unanswered), retries, host pauses and health,
/// and the redirect chain.
struct URLCheck: Sendable {
    let configuration: LinkCheckConfiguration
    let directory: HostDirectory
    let excludes: ExcludeMatcher
    let requests: RequestCounter

    /// The most of an HTML page read to look up fragments: larger than nearly every page, small enough that
    /// many fetched at once stay modest.
    static let pageLimit = 2 * 1024 * 1024

    /// What a check found: the status, and the page's anchors when they were asked for and the page is HTML.
    struct Finding: Sendable {
        var status: LinkStatus
        var anchors: PageAnchors?
    }

    /// The status of `start`, with the anchors of its page when `wantsAnchors` (then it is fetched with `GET`
    /// and its body read, up to ``pageLimit``); a failure after redirects names the chain.
    func run(_ start: WebURL, wantsAnchors: Bool = false) async -> Finding {
        var chain: [RedirectHop] = []
        var anchors: PageAnchors?
        let status = await follow(start, chain: &chain, anchors: &anchors, wantsAnchors: wantsAnchors)
        guard !chain.isEmpty else { return Finding(status: status, anchors: anchors) }
        switch status {
        case .ok, .redirected, .syntaxValid, .fragmentFound, .excluded, .redirectLoop, .tooManyRedirects, .networkUnavailable,
             .failedAfterRedirects, .hostUnhealthy, .missingPageFragment:
            return Finding(status: status, anchors: anchors)
        case .unchecked(let scheme) where scheme == "mailto" || scheme == "tel":
            return Finding(status: .redirected(chain: chain, finalStatusCode: chain.last!.statusCode))
        default:
            return Finding(status: .failedAfterRedirects(chain: chain, failure: status))
        }
    }

    /// Follows redirects from `start`; when `wantsAnchors`, fills `anchors` from the final page if it is HTML.
    private func follow(
        _ start: WebURL, chain: inout [RedirectHop], anchors: inout PageAnchors?, wantsAnchors: Bool
    ) async -> LinkStatus {
        var current = start
        let pageLimit = wantsAnchors ? Self.pageLimit : nil
        var method = configuration.requestMethod == .get || pageLimit != nil ? "GET" : "HEAD"
        while true {
            if !chain.isEmpty, let excluded = exclusion(of: current) { return .excluded(excluded) }
            let route: HostRoute
            switch await directory.route(for: current) {
            case .excluded(let reason): return .excluded(reason)
            case .unresolved: return .dnsFailure
            case .approved(let approved): route = approved
            }
            let outcome = await attempt(method, url: current, route: route, pageLimit: pageLimit)
            switch outcome {
            case .failure(let failure):
                // Some servers never answer HEAD; GET is tried once before the link is called slow.
                if failure == .timeout, method == "HEAD" {
                    method = "GET"
                    continue
                }
                return Self.status(for: failure)
            case .response(let code, let location, let retryAfter, let page):
                if (300...399).contains(code), code != 304, let location {
                    let next: WebURL
                    switch current.resolving(location) {
                    case .success(let resolved): next = resolved
                    case .failure(.unsupportedScheme(let scheme)):
                        chain.append(RedirectHop(url: current.string, statusCode: code, location: location))
                        return .unchecked(scheme: scheme)
                    case .failure(let problem):
                        chain.append(RedirectHop(url: current.string, statusCode: code, location: location))
                        return .invalidURL(reason: "the redirect to \(location) is unusable: \(problem)")
                    }
                    chain.append(RedirectHop(url: current.string, statusCode: code, location: next.string))
                    if next == start || chain.contains(where: { $0.url == next.string }) { return .redirectLoop(chain: chain) }
                    if chain.count > configuration.maxRedirects { return .tooManyRedirects(chain: chain) }
                    current = next
                    continue
                }
                if configuration.accepts(statusCode: code) {
                    anchors = page.map { PageAnchors(html: $0.bytes, isComplete: $0.isComplete) }
                    return chain.isEmpty ? .ok(statusCode: code) : .redirected(chain: chain, finalStatusCode: code)
                }
                if method == "HEAD", Self.mayRefuseHead(code) {
                    method = "GET"
                    continue
                }
                return verdict(code, url: current, retryAfter: retryAfter)
            }
        }
    }

    /// Statuses that some servers give to `HEAD` only (405, 501, and 4xx from servers that route `HEAD` badly).
    static func mayRefuseHead(_ code: Int) -> Bool {
        code == 501 || (400...499).contains(code) && code != 408 && code != 429
    }

    private static func status(for failure: HTTPProbe.Failure) -> LinkStatus {
        switch failure {
        case .timeout: .timeout
        case .refused: .connectionRefused
        case .unreachable: .connectionFailed(reason: "the host is unreachable")
        case .reset(let reason), .other(let reason): .connectionFailed(reason: reason)
        case .tls(let reason): .tlsError(reason: reason)
        case .cancelled: .unverifiable(reason: "the check was cancelled")
        }
    }

    /// The status for a final answer that is not accepted.
    private func verdict(_ code: Int, url: WebURL, retryAfter: String?) -> LinkStatus {
        if code == 999 {
            return .unverifiable(reason: "the server answered 999, which some sites (LinkedIn) use to turn automated checkers away")
        }
        if code == 403 || code == 429, isBotWall(url.host) {
            return .unverifiable(reason: "\(url.host) blocks automated checkers (it answered \(code))")
        }
        if code == 429 {
            let wait = retryAfter.map { " (Retry-After: \($0))" } ?? ""
            return .unverifiable(reason: "the server rate limited the checker (429)\(wait)")
        }
        if (500...599).contains(code) { return .serverError(statusCode: code) }
        return .broken(statusCode: code)
    }

    /// One request with retries: exponential backoff on 5xx, 408, 429, timeouts and resets; a `Retry-After`
    /// on 429 or 503 pauses the whole host instead, when it asks for no more than the configured bound.
    /// A `HEAD` that times out is not retried (``follow(_:chain:)`` tries `GET`), nor is a request to an
    /// unhealthy host.
    private func attempt(_ method: String, url: WebURL, route: HostRoute, pageLimit: Int?) async -> HTTPProbe.Outcome {
        let headers = requestHeaders(for: url.host)
        let gate = route.gate
        var attempt = 0
        while true {
            await gate.acquire()
            let outcome = await send(method, url: url, headers: headers, route: route, pageLimit: pageLimit)
            // The pause is set before the slot is given back, so that no request waiting for it slips through.
            var pause = hostPause(after: outcome, host: url.host)
            if gate.record(url: url.string, failed: isHostFailure(outcome, host: url.host)) {
                pause = max(pause ?? .zero, configuration.retryBaseDelay)
            }
            if let pause { gate.pause(until: .now + pause) }
            gate.release()
            guard attempt < configuration.maxRetries, !Task.isCancelled, !gate.isUnhealthy else { return outcome }
            attempt += 1
            switch outcome {
            case .failure(let failure):
                guard failure.isRetryable, !(failure == .timeout && method == "HEAD") else { return outcome }
            case .response(let code, _, let retryAfter, _):
                if (code == 403 || code == 429), isBotWall(url.host) { return outcome }
                guard code == 408 || code == 429 || (500...599).contains(code) else { return outcome }
                // The host pause is the wait; a demand beyond the bound ends the check instead.
                if pause != nil { continue }
                if (code == 429 || code == 503), retryAfter.flatMap({ RetryTiming.retryAfter($0) }) != nil { return outcome }
            }
            try? await Task.sleep(for: RetryTiming.backoff(attempt: attempt, base: configuration.retryBaseDelay))
        }
    }

    /// Whether `outcome` speaks of the host's health rather than of one page: a 5xx, a 429 (not from a bot
    /// wall), or no answer at all.
    private func isHostFailure(_ outcome: HTTPProbe.Outcome, host: String) -> Bool {
        switch outcome {
        case .failure(let failure): failure != .cancelled
        case .response(let code, _, _, _): (500...599).contains(code) || (code == 429 && !isBotWall(host))
        }
    }

    /// How long the host asked to be left alone: a readable `Retry-After` on 429 (not from a bot wall) or 503,
    /// within ``LinkCheckConfiguration/maxRetryAfter``.
    private func hostPause(after outcome: HTTPProbe.Outcome, host: String) -> Duration? {
        guard case .response(let code, _, let retryAfter?, _) = outcome, code == 503 || (code == 429 && !isBotWall(host)),
              let wait = RetryTiming.retryAfter(retryAfter), wait <= configuration.maxRetryAfter
        else { return nil }
        return wait
    }

    /// One request, to the host's addresses in turn until one takes the connection; the last failure when none does.
    private func send(
        _ method: String, url: WebURL, headers: [(String, String)], route: HostRoute, pageLimit: Int?
    ) async -> HTTPProbe.Outcome {
        var outcome = HTTPProbe.Outcome.failure(.unreachable)
        for (index, client) in route.clientsInOrder {
            requests.add()
            outcome = await HTTPProbe.send(
                method, url: url.string, headers: headers, client: client, timeout: configuration.requestTimeout, readingHTMLUpTo: pageLimit)
            if case .failure(let failure) = outcome, failure.triesNextAddress { continue }
            route.answered(at: index)
            return outcome
        }
        return outcome
    }

    private func requestHeaders(for host: String) -> [(String, String)] {
        let settings = configuration.settings(forHost: host)
        var merged = configuration.headers
        for (name, value) in settings?.headers ?? [:] {
            merged = merged.filter { $0.key.lowercased() != name.lowercased() }
            merged[name] = value
        }
        var headers = [("User-Agent", settings?.userAgent ?? configuration.userAgent)]
        headers.removeAll { header in merged.keys.contains { $0.lowercased() == "user-agent" } && header.0 == "User-Agent" }
        headers += merged.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return headers
    }

    private func isBotWall(_ host: String) -> Bool {
        configuration.botWallHosts.contains { HostMatching.matches(host: host, pattern: $0) }
    }

    private func exclusion(of url: WebURL) -> ExclusionReason? {
        if let pattern = excludes.firstMatch(url.string) { return .pattern(pattern) }
        if configuration.excludeReservedDomains, ReservedDomains.isReserved(url.host) { return .reservedDomain(url.host) }
        return nil
    }
}
