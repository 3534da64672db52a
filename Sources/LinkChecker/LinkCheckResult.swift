import NewsletterCore

/// The result for one link of the document, ready to become a diagnostic.
public struct LinkCheckResult: Sendable, Equatable {
    /// The link as found in the document; ``Link/range`` is where a diagnostic points.
    public var link: Link
    /// The URL that was checked: the destination without its fragment (the de-duplication key), or the
    /// destination as written when it was not checked over the network.
    public var url: String
    /// What the check found.
    public var status: LinkStatus
    /// Whether the status came from the result cache instead of the network.
    public var fromCache: Bool

    /// Creates a result.
    public init(link: Link, url: String, status: LinkStatus, fromCache: Bool = false) {
        self.link = link
        self.url = url
        self.status = status
        self.fromCache = fromCache
    }

    /// Where a diagnostic should point: the link's range in the source.
    public var range: SourceRange? { link.range }

    /// The suggested severity, or `nil` when the result is not worth a diagnostic (a working link, a deliberate
    /// exclusion, a scheme that is not checked).
    public var severity: LinkCheckSeverity? {
        switch status {
        case .ok, .syntaxValid, .fragmentFound, .unchecked, .networkUnavailable: nil
        case .redirected: suggestedReplacement == nil ? nil : .info
        case .excluded(let reason):
            switch reason {
            case .pattern, .reservedDomain: nil
            case .privateAddress, .loopbackAddress, .linkLocalAddress, .specialPurposeAddress: .info
            }
        case .failedAfterRedirects(_, .unchecked): .warning
        case .failedAfterRedirects(let chain, let failure):
            LinkCheckResult(link: link, url: chain.last?.location ?? url, status: failure).severity
        case .hostUnhealthy: nil
        case .unverifiable, .timeout, .missingPageFragment: .warning
        case .broken, .serverError, .redirectLoop, .tooManyRedirects, .dnsFailure, .connectionRefused,
             .connectionFailed, .tlsError, .invalidURL, .missingFragment:
            .error
        }
    }

    /// The URL to write instead, for a chain that starts with permanent redirects (301, 308): where the last of
    /// those leads. `nil` otherwise.
    public var suggestedReplacement: String? {
        guard case .redirected(let chain, _) = status else { return nil }
        let permanent = chain.prefix { $0.isPermanent }
        guard let last = permanent.last else { return nil }
        // Keep the fragment the writer used: it still names the same place on the new page.
        if let hash = link.destination.firstIndex(of: "#"), !last.location.contains("#") {
            return last.location + link.destination[hash...]
        }
        return last.location
    }

    /// A one-line message for people, saying what was found and, when it was not verified, why.
    public var message: String {
        switch status {
        case .ok(let code):
            return "\(url) works (\(code))."
        case .syntaxValid(let scheme):
            return "\(link.destination) is a well-formed \(scheme): link (not verified further)."
        case .networkUnavailable:
            return "\(url) was not checked: the network is unavailable."
        case .redirected(let chain, let code):
            if let replacement = suggestedReplacement {
                return "\(url) permanently redirects to \(replacement); link there directly."
            }
            return "\(url) redirects (\(chain.count) hop\(chain.count == 1 ? "" : "s")) to a working page (\(code))."
        case .broken(let code):
            return "\(url) is broken: the server answered \(code)\(Self.reasonPhrase(code).map { " \($0)" } ?? "")."
        case .serverError(let code):
            return "\(url) failed: the server answered \(code)\(Self.reasonPhrase(code).map { " \($0)" } ?? "")."
        case .redirectLoop(let chain):
            return "\(url) redirects in a loop: \(chain.map(\.url).joined(separator: " -> ")) -> \(chain.last?.location ?? url)."
        case .tooManyRedirects(let chain):
            return "\(url) redirects more than \(chain.count - 1) times; gave up at \(chain.last?.location ?? url)."
        case .timeout:
            return "\(url) did not answer in time; it may be slow or down."
        case .dnsFailure:
            return "\(url) cannot be reached: its host name does not resolve."
        case .connectionRefused:
            return "\(url) cannot be reached: the host refused the connection."
        case .connectionFailed(let reason):
            return "\(url) cannot be reached: \(reason)."
        case .tlsError(let reason):
            return "\(url) has a TLS problem: \(reason)."
        case .invalidURL(let reason):
            return "\(link.destination) is not a valid link: \(reason)."
        case .fragmentFound(let fragment):
            return "#\(fragment) names a heading of this document."
        case .missingFragment(let fragment):
            return "#\(fragment) names no heading in this document."
        case .missingPageFragment(let fragment):
            return "\(url) works, but the page has no anchor #\(fragment) (no element with that id or name, no heading with that anchor)."
        case .excluded(let reason):
            switch reason {
            case .pattern(let pattern): return "\(url) was not checked: it matches the exclude pattern \(pattern)."
            case .reservedDomain(let host): return "\(url) was not checked: \(host) is reserved for examples."
            case .privateAddress(let host, let address):
                return "\(url) was not checked: \(host) resolves to the private address \(address)."
            case .loopbackAddress(let host, let address):
                return "\(url) was not checked: \(host) resolves to the loopback address \(address)."
            case .linkLocalAddress(let host, let address):
                return "\(url) was not checked: \(host) resolves to the link-local address \(address)."
            case .specialPurposeAddress(let host, let address):
                return "\(url) was not checked: \(host) resolves to the special-purpose address \(address), where no public page lives."
            }
        case .failedAfterRedirects(let chain, let failure):
            let last = chain.last?.location ?? url
            let hops = chain.map { "\($0.url) (\($0.statusCode))" }.joined(separator: " -> ")
            if case .unchecked(let scheme) = failure {
                return "\(url) redirects: \(hops) -> \(last); \(scheme): links are not checked, so where it leads is not verified."
            }
            let lastHop = LinkCheckResult(link: Link(text: link.text, destination: last, kind: link.kind), url: last, status: failure)
            return "\(url) redirects: \(hops) -> \(last); the last hop failed: \(lastHop.message)"
        case .hostUnhealthy(let host, let failure):
            return "\(host) is unhealthy, so \(url) was not verified on its own: \(LinkCheckResult(link: link, url: url, status: failure).message)"
        case .unverifiable(let reason):
            return "\(url) could not be verified: \(reason)."
        case .unchecked(let scheme):
            return scheme.isEmpty
                ? "\(link.destination) is a relative link and was not checked."
                : "\(link.destination) was not checked: \(scheme): links are not checked."
        }
    }

    private static func reasonPhrase(_ code: Int) -> String? {
        switch code {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 410: "Gone"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: nil
        }
    }
}
