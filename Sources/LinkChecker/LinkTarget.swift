import Foundation
import NewsletterCore

/// What a link's destination asks the checker to do, decided without the network.
enum LinkTarget: Equatable {
    /// Request `url` (http or https, lowercase scheme and host, no fragment).
    case web(WebURL)
    /// Look `fragment` up among the document's headings.
    case fragment(String)
    /// Known without a request.
    case settled(LinkStatus)

    /// Classifies `destination` under `configuration`; `excludes` are the compiled exclude patterns.
    static func classify(
        _ destination: String,
        configuration: LinkCheckConfiguration,
        excludes: ExcludeMatcher
    ) -> LinkTarget {
        // The same test as trimming `.whitespaces` (tabs and space separators) and finding nothing left,
        // without building the trimmed copy.
        guard !destination.unicodeScalars.allSatisfy({ $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }) else {
            return .settled(.invalidURL(reason: "the destination is empty"))
        }
        if destination.hasPrefix("#") {
            return configuration.checkFragments ? .fragment(String(destination.dropFirst())) : .settled(.unchecked(scheme: ""))
        }
        guard let scheme = schemeOf(destination) else { return .settled(.unchecked(scheme: "")) }
        switch scheme {
        case "mailto": return .settled(ContactSyntax.checkMailto(destination))
        case "tel": return .settled(ContactSyntax.checkTel(destination))
        case "http", "https": break
        default: return .settled(.unchecked(scheme: scheme))
        }
        let web: WebURL
        switch WebURL.parse(destination) {
        case .success(let parsed): web = parsed
        case .failure(let reason): return .settled(.invalidURL(reason: reason.description))
        }
        if let pattern = excludes.firstMatch(destination, web.string) {
            return .settled(.excluded(.pattern(pattern)))
        }
        if configuration.excludeReservedDomains, ReservedDomains.isReserved(web.host) {
            return .settled(.excluded(.reservedDomain(web.host)))
        }
        return .web(web)
    }

    /// The scheme, lowercased, when `destination` starts with one (`scheme:`); `nil` for relative links.
    static func schemeOf(_ destination: String) -> String? {
        // Bytes, not characters: every byte of a scheme is ASCII, and a thousand links should not pay for grapheme breaking.
        let bytes = destination.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let scheme = bytes[..<colon]
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        guard let first = scheme.first, isLetter(first),
              scheme.allSatisfy({ isLetter($0) || (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E })
        else { return nil }
        return String(destination[..<colon]).lowercased()
    }
}

/// An http(s) URL in the form the checker requests and de-duplicates by.
struct WebURL: Hashable, Sendable {
    /// The URL without fragment, scheme and host lowercased.
    var string: String
    /// `http` or `https`.
    var scheme: String
    /// The host, lowercased, without brackets for IPv6.
    var host: String
    /// The port, explicit or the scheme's default.
    var port: Int

    /// `host:port`, the unit that per-host limits apply to.
    var authority: String { "\(host):\(port)" }

    /// Why a destination is not a usable URL.
    enum Problem: Error, CustomStringConvertible {
        case malformed
        case noHost
        case unsupportedScheme(String)

        var description: String {
            switch self {
            case .malformed: "it is not a well-formed URL"
            case .noHost: "it has no host"
            case .unsupportedScheme(let scheme): "\(scheme): is not a web scheme"
            }
        }
    }

    /// Parses an absolute http(s) URL.
    static func parse(_ text: String) -> Result<WebURL, Problem> {
        guard var components = URLComponents(string: text) else { return .failure(.malformed) }
        guard let scheme = components.scheme?.lowercased() else { return .failure(.malformed) }
        guard scheme == "http" || scheme == "https" else { return .failure(.unsupportedScheme(scheme)) }
        guard let encodedHost = components.percentEncodedHost, !encodedHost.isEmpty else { return .failure(.noHost) }
        var host = encodedHost.lowercased()
        // Each setter validates and re-encodes its part: only what actually changes is set.
        if components.scheme != scheme { components.scheme = scheme }
        if encodedHost != host { components.percentEncodedHost = host }
        if components.percentEncodedFragment != nil { components.fragment = nil }
        if components.percentEncodedPath.isEmpty { components.percentEncodedPath = "/" }
        guard let string = components.string, URL(string: string) != nil else { return .failure(.malformed) }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        guard (1...65_535).contains(port) else { return .failure(.malformed) }
        return .success(WebURL(string: string, scheme: scheme, host: host, port: port))
    }

    /// Resolves a `Location` header against this URL; `nil` when it does not make a usable URL.
    func resolving(_ location: String) -> Result<WebURL, Problem> {
        guard let base = URL(string: string), let target = URL(string: location, relativeTo: base) else {
            return .failure(.malformed)
        }
        return WebURL.parse(target.absoluteString)
    }
}

/// Names reserved for examples and tests (RFC 2606, RFC 6761), which no link in a sent newsletter should need.
/// `localhost` is not one of them: it names the machine itself and meets the loopback address policy instead,
/// so that a link to it is reported, never skipped in silence.
enum ReservedDomains {
    private static let names = ["example.com", "example.org", "example.net", "test", "example", "invalid"]
    private static let suffixes = names.map { "." + $0 }

    /// Whether `host` (lowercase, as ``WebURL/host`` is) is a reserved name or under one; a trailing dot is ignored.
    static func isReserved(_ host: String) -> Bool {
        let host = host.hasSuffix(".") ? String(host.dropLast()) : host
        return names.contains(host) || suffixes.contains { host.hasSuffix($0) }
    }

    /// Whether `host` is `localhost` or under it (RFC 6761), a trailing dot ignored.
    static func isLocalhost(_ host: String) -> Bool {
        let host = host.hasSuffix(".") ? String(host.dropLast()) : host
        return host == "localhost" || host.hasSuffix(".localhost")
    }
}
