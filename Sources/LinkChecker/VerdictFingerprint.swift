/// The settings a cached success depends on, condensed into the prefix of its cache key, so that a success found
/// under one configuration is never taken for one under another that could judge the URL differently: other
/// accepted statuses, another request method, fewer redirects allowed, a stricter address policy, other headers
/// or user agents, other exclude patterns (which redirect hops pass through).
///
/// Settings that cannot turn a success into a failure (timeouts, retries, concurrency, bot-wall hosts) are left
/// out, so changing them keeps the cache.
struct VerdictFingerprint: Equatable {
    /// 16 hexadecimal digits.
    let text: String

    init(_ configuration: LinkCheckConfiguration) {
        var fields = [
            configuration.requestMethod.rawValue,
            configuration.acceptedStatusCodes.map { "\($0.lowerBound)-\($0.upperBound)" }.sorted().joined(separator: ","),
            String(configuration.maxRedirects),
            configuration.userAgent,
            Self.describe(configuration.headers),
            configuration.excludePatterns.joined(separator: "\u{1E}"),
            String(configuration.excludeReservedDomains),
            String(configuration.allowPrivateAddresses),
            String(configuration.allowLoopbackAddresses),
            String(configuration.allowLinkLocalAddresses),
        ]
        for (host, settings) in configuration.hostSettings.sorted(by: { $0.key < $1.key }) {
            fields += [host, settings.userAgent ?? "\u{1E}", Self.describe(settings.headers)]
        }
        // FNV-1a: the key must be the same in every process, which Swift's seeded Hasher is not.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in fields.joined(separator: "\u{1F}").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let digits = String(hash, radix: 16)
        text = String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The cache key of `url` under these settings.
    func key(for url: String) -> String {
        "\(text) \(url)"
    }

    private static func describe(_ headers: [String: String]) -> String {
        headers.map { "\($0.key.lowercased()):\($0.value)" }.sorted().joined(separator: "\u{1E}")
    }
}
