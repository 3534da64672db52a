/// What checking one link found out, stated honestly: a link is only ``broken(statusCode:)`` when a server said so.
public enum LinkStatus: Sendable, Equatable, Hashable {
    /// The server answered with an accepted status without redirecting.
    case ok(statusCode: Int)
    /// A `mailto:` or `tel:` link whose syntax is valid; nothing was sent to verify it further.
    case syntaxValid(scheme: String)
    /// The server redirected, and the end of the chain answered with an accepted status.
    case redirected(chain: [RedirectHop], finalStatusCode: Int)
    /// Not checked because the network is unavailable; the report's single
    /// ``LinkCheckNotice/networkUnavailable(firstLink:affectedLinks:)`` notice says so, once for all such links.
    case networkUnavailable
    /// The server answered with a client error such as 404 or 410 (or another status that is not accepted).
    case broken(statusCode: Int)
    /// The server answered with a 5xx status after the retries.
    case serverError(statusCode: Int)
    /// A redirect led back to a URL already in the chain.
    case redirectLoop(chain: [RedirectHop])
    /// More redirects than ``LinkCheckConfiguration/maxRedirects``.
    case tooManyRedirects(chain: [RedirectHop])
    /// No answer within the connect or request timeout, after the retries.
    case timeout
    /// The host name does not resolve.
    case dnsFailure
    /// The host refused the connection.
    case connectionRefused
    /// The connection broke (reset, closed early) after the retries.
    case connectionFailed(reason: String)
    /// The TLS handshake failed (bad certificate, protocol mismatch).
    case tlsError(reason: String)
    /// The destination is not a well-formed URL, or a `mailto:`/`tel:` link with bad syntax.
    case invalidURL(reason: String)
    /// A `#fragment` link into the document names one of its headings.
    case fragmentFound(String)
    /// A `#fragment` link into the document names no heading of it.
    case missingFragment(String)
    /// The HTML page of a link works, but none of its elements has the `id` or `name` the link's fragment names,
    /// nor does any heading have it as its GitHub-style anchor.
    case missingPageFragment(String)
    /// Deliberately not requested.
    case excluded(ExclusionReason)
    /// Could not be verified: a bot wall (999, or 403/429 from a known blocking host), rate limiting, or no network.
    case unverifiable(reason: String)
    /// A scheme that is not checked (`ftp:`, `sms:`, ...), or a relative link; `scheme` is empty for relative links.
    case unchecked(scheme: String)
    /// The link redirected, and the last hop of `chain` (its ``RedirectHop/location``) failed with `failure`, or
    /// leads to a scheme that is not checked.
    indirect case failedAfterRedirects(chain: [RedirectHop], failure: LinkStatus)
    /// The host failed request after request (5xx, timeouts, refusals) for several of its URLs, so this link's own
    /// `failure` is reported once for the whole host, by the report's
    /// ``LinkCheckNotice/hostUnhealthy(host:firstLink:affectedLinks:example:)`` notice.
    indirect case hostUnhealthy(host: String, failure: LinkStatus)

    /// Whether the link works as far as the checker can tell (a success that may be cached).
    public var isSuccess: Bool {
        switch self {
        case .ok, .redirected, .syntaxValid, .fragmentFound: true
        default: false
        }
    }
}

/// One step of a redirect chain: the URL requested and the redirect status it answered with.
public struct RedirectHop: Sendable, Equatable, Hashable, Codable {
    /// The URL that answered with a redirect.
    public var url: String
    /// The redirect status (301, 302, 303, 307 or 308).
    public var statusCode: Int
    /// Where it pointed (the `Location` header resolved against ``url``).
    public var location: String

    /// Creates a hop.
    public init(url: String, statusCode: Int, location: String) {
        self.url = url
        self.statusCode = statusCode
        self.location = location
    }

    /// Whether the redirect is permanent (301 or 308).
    public var isPermanent: Bool { statusCode == 301 || statusCode == 308 }
}

/// Why a link was not requested.
public enum ExclusionReason: Sendable, Equatable, Hashable {
    /// It matched one of ``LinkCheckConfiguration/excludePatterns``.
    case pattern(String)
    /// A name reserved for examples and tests (`example.com`, `.test`, ...).
    case reservedDomain(String)
    /// The host (or a redirect's host) resolves to a private address; `address` is the one that decided.
    case privateAddress(host: String, address: String)
    /// The host resolves to a loopback address.
    case loopbackAddress(host: String, address: String)
    /// The host resolves to a link-local address (such as a cloud metadata service).
    case linkLocalAddress(host: String, address: String)
    /// The host resolves to a special-purpose address (documentation, benchmarking, protocol assignments and the
    /// other ranges of the IANA special-purpose registries) that no public page lives at.
    case specialPurposeAddress(host: String, address: String)
}

/// How serious a result is, as a suggestion for the diagnostic that reports it.
public enum LinkCheckSeverity: String, Sendable, Equatable, Hashable, CaseIterable, Comparable {
    /// Worth knowing, nothing is wrong (a permanent redirect, a link excluded for safety).
    case info
    /// Could not be verified or may be transient; a person should look.
    case warning
    /// The link does not work.
    case error

    /// Orders info < warning < error.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
