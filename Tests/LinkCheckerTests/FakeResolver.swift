@testable import LinkChecker
import NewsletterCore

/// A resolver that answers from a table and never asks the network; unknown names do not exist.
struct FakeResolver: HostResolver {
    var table: [String: HostResolution] = [:]
    var fallback: HostResolution = .notFound

    func resolve(host: String) async -> HostResolution {
        table[host] ?? fallback
    }

    /// Names resolving to single addresses: `["pinned.fixture-news.net": "127.0.0.1"]`.
    static func mapping(_ names: [String: String]) -> FakeResolver {
        FakeResolver(table: names.mapValues { .addresses([IPAddress($0)!]) })
    }
}

/// A configuration for tests: loopback allowed (the fixture server is on 127.0.0.1), short retry waits, no host
/// spacing, no cache file. Timeouts stay generous so that a loaded machine does not turn into retries that
/// request counts would see; the timeout test sets its own.
func testConfiguration() -> LinkCheckConfiguration {
    var configuration = LinkCheckConfiguration()
    configuration.allowLoopbackAddresses = true
    configuration.connectTimeout = .seconds(5)
    configuration.requestTimeout = .seconds(5)
    configuration.retryBaseDelay = .milliseconds(10)
    configuration.maxRetries = 2
    configuration.maxRetryAfter = .seconds(2)
    configuration.perHostInterval = .zero
    configuration.cacheEnabled = false
    return configuration
}

/// Checks `urls` (as inline links) with `configuration` and `resolver`; returns the report.
func check(
    _ urls: [String],
    configuration: LinkCheckConfiguration = testConfiguration(),
    resolver: FakeResolver = FakeResolver()
) async throws -> LinkCheckReport {
    let checker = try LinkChecker(configuration: configuration, resolver: resolver)
    return await checker.check(urls.map { Link(text: "link", destination: $0, kind: .inline) })
}
