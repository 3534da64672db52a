import FixtureHTTPServer
import Foundation
import LinkCheckRules
import NewsletterCore
import NewsletterYAML
import Testing
@testable import LinkChecker

/// The faults a hostile test found (issue 16), each against the loopback fixture servers or without the network.
@Suite("Faults found by the hostile test")
struct HostileFindingsTests {
    // MARK: localhost

    @Test("localhost is a loopback address: refused by default with a diagnostic, never skipped in silence",
          arguments: ["localhost", "app.localhost", "LOCALHOST."])
    func localhostRefusedByDefault(host: String) async throws {
        let server = try await FixtureServer.start()
        var configuration = testConfiguration()
        configuration.allowLoopbackAddresses = false
        let report = try await check(["http://\(host):\(server.port)/signup"], configuration: configuration)
        await server.stop()
        #expect(report.results.map(\.status) == [.excluded(.loopbackAddress(host: host.lowercased(), address: "127.0.0.1"))])
        #expect(report.results[0].severity == .info)
        #expect(server.seen.requests.isEmpty)
    }

    @Test("localhost is checked like any loopback address when loopback is allowed, also behind a redirect")
    func localhostCheckedWhenAllowed() async throws {
        let server = try await FixtureServer.start()
        let direct = "http://localhost:\(server.port)/ok"
        let report = try await check([direct, server.url("/redirect?to=http://localhost:\(server.port)/missing")])
        await server.stop()
        #expect(report.results[0].status == .ok(statusCode: 200))
        guard case .failedAfterRedirects(let chain, let failure) = report.results[1].status else {
            Issue.record("expected a failure after a redirect, got \(report.results[1].status)")
            return
        }
        #expect(chain.map(\.location) == ["http://localhost:\(server.port)/missing"])
        #expect(failure == .broken(statusCode: 404))
        #expect(report.results[1].severity == .error)
    }

    // MARK: configuration values

    private static func linkCheck(_ yaml: String) throws -> NewsletterError? {
        let source = SourceText("link_check:\n" + yaml, path: "conf.yml")
        let root = try YAMLParser().parse(source)
        let section = root?.pairs?.first { $0.key.string == "link_check" }?.value
        do {
            _ = try LinkCheckConfiguration(yaml: section, in: source)
            return nil
        } catch {
            return error
        }
    }

    @Test("durations and counts out of range are errors at their line and column, never crashes", arguments: [
        ("  timeout: 1e20\n", 2, 12, "timeout must be a number of seconds from 0.1 to 3600"),
        ("  timeout: 0\n", 2, 12, "timeout must be a number of seconds from 0.1 to 3600"),
        ("  timeout: -1\n", 2, 12, "timeout must be a number of seconds from 0.1 to 3600"),
        ("  timeout: .nan\n", 2, 12, "timeout must be a number of seconds from 0.1 to 3600"),
        ("  timeout: .inf\n", 2, 12, "timeout must be a number of seconds from 0.1 to 3600"),
        ("  connect_timeout: 0\n", 2, 20, "connect_timeout must be a number of seconds from 0.1 to 600"),
        ("  cache_ttl: 1e20\n", 2, 14, "cache_ttl must be a number of seconds from 0 to 31536000"),
        ("  per_host_interval: 1e20\n", 2, 22, "per_host_interval must be a number of seconds from 0 to 60"),
        ("  max_retry_after: -1e300\n", 2, 20, "max_retry_after must be a number of seconds from 0 to 3600"),
        ("  retry_delay: nan\n", 2, 16, "retry_delay must be a number of seconds from 0 to 60"),
        ("  hosts:\n    a.fixture-news.net: { interval: 1e20 }\n", 3, 37, "interval must be a number of seconds from 0 to 60"),
        ("  max_concurrency: 0\n", 2, 20, "max_concurrency must be a whole number from 1 to 1024"),
        ("  max_concurrency: 99999999999999999999999\n", 2, 20, "max_concurrency must be a whole number from 1 to 1024"),
        ("  max_retries: -1\n", 2, 16, "max_retries must be a whole number from 0 to 10"),
        ("  max_redirects: 1e20\n", 2, 18, "max_redirects must be a whole number from 0 to 50"),
        ("  hosts:\n    a.fixture-news.net: { concurrency: 0 }\n", 3, 40, "concurrency must be a whole number from 1 to 256"),
        // An exclude pattern the linear-time matcher does not support, at its character.
        ("  exclude: ['^https://a\\.', '(?<!x)y']\n", 2, 30, "exclude pattern '(?<!x)y': negative lookbehind ('(?<!') is not supported"),
        ("  exclude:\n    - 'a{1001}'\n", 3, 9, "exclude pattern 'a{1001}': repetition count 1001 is above the limit of 1000"),
    ])
    func outOfRangeValues(yaml: String, line: Int, column: Int, message: String) throws {
        let error = try #require(try Self.linkCheck(yaml))
        #expect(error.kind == .configuration)
        #expect(error.message == message)
        #expect(error.location?.line == line)
        #expect(error.location?.column == column)
    }

    @Test("values at the ends of their ranges are accepted")
    func boundaryValues() throws {
        #expect(try Self.linkCheck("  timeout: 0.1\n  cache_ttl: 31536000\n  max_retries: 0\n  per_host_interval: 0\n") == nil)
    }

    @Test("a configuration built in code is validated the same way")
    func validatedInCode() {
        var zeroTimeout = LinkCheckConfiguration()
        zeroTimeout.requestTimeout = .zero
        #expect(throws: LinkCheckConfigurationError.invalidDuration(name: "timeout", value: .zero)) {
            try LinkChecker(configuration: zeroTimeout)
        }
        var hugeTTL = LinkCheckConfiguration()
        hugeTTL.cacheTimeToLive = .seconds(Int64.max)
        #expect(throws: LinkCheckConfigurationError.invalidDuration(name: "cache_ttl", value: .seconds(Int64.max))) {
            try LinkChecker(configuration: hugeTTL)
        }
        var manyRetries = LinkCheckConfiguration()
        manyRetries.maxRetries = 1_000_000
        #expect(throws: LinkCheckConfigurationError.invalidLimit(name: "max_retries", value: 1_000_000)) {
            try LinkChecker(configuration: manyRetries)
        }
        var negativeInterval = LinkCheckConfiguration()
        negativeInterval.hostSettings = ["a.net": HostSettings(interval: .seconds(-1))]
        #expect(throws: LinkCheckConfigurationError.invalidDuration(name: "hosts.a.net.interval", value: .seconds(-1))) {
            try LinkChecker(configuration: negativeInterval, session: LinkCheckSession())
        }
    }

    @Test("range errors say what the range is")
    func rangeErrorMessages() {
        #expect(LinkCheckConfigurationError.invalidDuration(name: "timeout", value: .zero).description
            == "timeout cannot be 0 seconds; it must be from 0.1 to 3600 seconds")
        #expect(LinkCheckConfigurationError.invalidLimit(name: "hosts.a.net.concurrency", value: 0).description
            == "hosts.a.net.concurrency cannot be 0; it must be a whole number from 1 to 256")
    }

    // MARK: HEAD that never answers

    @Test("after a HEAD timeout, GET is tried once before any retry")
    func getAfterHeadTimeout() async throws {
        let server = try await FixtureServer.start()
        var configuration = testConfiguration()
        configuration.requestTimeout = .seconds(1)
        configuration.maxRetries = 3
        let report = try await check([server.url("/head-hangs")], configuration: configuration)
        await server.stop()
        #expect(report.results[0].status == .ok(statusCode: 200))
        #expect(server.seen.methods == ["HEAD /head-hangs": 1, "GET /head-hangs": 1])
    }

    // MARK: address ranges

    @Test("special-purpose addresses are refused by default, without a request", arguments: [
        "192.0.2.5", "198.51.100.7", "203.0.113.9", "198.18.0.1", "198.19.255.254", "192.0.0.8", "192.88.99.1",
        "240.0.0.1", "255.255.255.255", "2001:db8::1", "3fff::1", "100::1", "2001:2::1", "2002:c000:0204::1",
    ])
    func specialPurposeRefused(address: String) async throws {
        let resolver = FakeResolver.mapping(["docs.fixture-news.net": address])
        var configuration = testConfiguration()
        configuration.allowLoopbackAddresses = false
        let report = try await check(["https://docs.fixture-news.net/page"], configuration: configuration, resolver: resolver)
        let canonical = IPAddress(address)!.description
        #expect(report.results.map(\.status) == [.excluded(.specialPurposeAddress(host: "docs.fixture-news.net", address: canonical))])
        #expect(report.results[0].severity == .info)
        #expect(report.results[0].message
            == "https://docs.fixture-news.net/page was not checked: docs.fixture-news.net resolves to the special-purpose address \(canonical), where no public page lives.")
    }

    @Test("IPv6 forms that carry an IPv4 address are judged as that address", arguments: [
        ("::127.0.0.1", AddressScope.loopback), ("::ffff:127.0.0.1", .loopback), ("::10.0.0.1", .private),
        ("::ffff:169.254.169.254", .linkLocal), ("::169.254.169.254", .linkLocal), ("::192.0.2.1", .specialPurpose),
        ("64:ff9b::7f00:1", .loopback), ("64:ff9b::808:808", .public), ("::8.8.8.8", .public),
    ])
    func embeddedIPv4(address: String, scope: AddressScope) {
        #expect(IPAddress(address)?.scope == scope)
    }

    @Test("an IPv4-compatible loopback literal is refused like 127.0.0.1, without a request")
    func compatibleLoopbackLiteral() async throws {
        let server = try await FixtureServer.start()
        var configuration = testConfiguration()
        configuration.allowLoopbackAddresses = false
        let report = try await check(["http://[::127.0.0.1]:\(server.port)/ok"], configuration: configuration)
        await server.stop()
        #expect(report.results.map(\.status) == [.excluded(.loopbackAddress(host: "::127.0.0.1", address: "::127.0.0.1"))])
        #expect(server.seen.requests.isEmpty)
    }

    // MARK: messages

    @Test("a redirect chain that ends in 404 names the chain and the failing hop")
    func redirectChainFailure() async throws {
        let server = try await FixtureServer.start()
        let report = try await check([server.url("/redirect?to=/missing")])
        await server.stop()
        let first = server.url("/redirect?to=/missing")
        #expect(report.results[0].status == .failedAfterRedirects(
            chain: [RedirectHop(url: first, statusCode: 302, location: server.url("/missing"))], failure: .broken(statusCode: 404)))
        #expect(report.results[0].severity == .error)
        #expect(report.results[0].message == """
            \(first) redirects: \(first) (302) -> \(server.url("/missing")); the last hop failed: \
            \(server.url("/missing")) is broken: the server answered 404 Not Found.
            """)
    }

    @Test("a redirect to a scheme that is not checked is reported as such")
    func redirectToUncheckedScheme() async throws {
        let server = try await FixtureServer.start()
        let first = server.url("/redirect?to=ftp://files.fixture-news.net/issue.pdf")
        let report = try await check([first])
        await server.stop()
        #expect(report.results[0].status == .failedAfterRedirects(
            chain: [RedirectHop(url: first, statusCode: 302, location: "ftp://files.fixture-news.net/issue.pdf")],
            failure: .unchecked(scheme: "ftp")))
        #expect(report.results[0].severity == .warning)
        #expect(report.results[0].message == """
            \(first) redirects: \(first) (302) -> ftp://files.fixture-news.net/issue.pdf; ftp: links are not checked, \
            so where it leads is not verified.
            """)
    }

    @Test("a server that does not speak HTTP is named so, without internals")
    func notHTTP() async throws {
        let server = try await NotHTTPServer.start()
        var configuration = testConfiguration()
        configuration.maxRetries = 0
        let report = try await check(["http://127.0.0.1:\(server.port)/"], configuration: configuration)
        await server.stop()
        #expect(report.results.map(\.status) == [.connectionFailed(reason: "the answer is not HTTP")])
        #expect(report.results[0].message == "http://127.0.0.1:\(server.port)/ cannot be reached: the answer is not HTTP.")
    }

    @Test("https to a server that does not speak TLS says so, without a library's error text")
    func notTLS() async throws {
        let server = try await FixtureServer.start()
        let report = try await check(["https://127.0.0.1:\(server.port)/ok"])
        await server.stop()
        #expect(report.results.map(\.status) == [.tlsError(reason: "the server does not speak TLS")])
        #expect(report.results[0].message == "https://127.0.0.1:\(server.port)/ok has a TLS problem: the server does not speak TLS.")
    }

    @Test("failure messages do not claim retries", arguments: [0, 2])
    func noRetryClaim(retries: Int) async throws {
        let server = try await FixtureServer.start()
        var configuration = testConfiguration()
        configuration.maxRetries = retries
        let report = try await check([server.url("/always-500")], configuration: configuration)
        await server.stop()
        #expect(report.results[0].message == "\(server.url("/always-500")) failed: the server answered 500 Internal Server Error.")
        #expect(server.seen.requests == ["/always-500": retries + 1])
    }

    // MARK: cache location and permissions

    @Test("the default cache honours XDG_CACHE_HOME, then HOME", arguments: [
        (["XDG_CACHE_HOME": "/srv/cache", "HOME": "/home/editor"], "/srv/cache/newsletterkit/links.json"),
        (["HOME": "/home/editor"], "/home/editor/.cache/newsletterkit/links.json"),
        (["XDG_CACHE_HOME": "relative", "HOME": "/home/editor"], "/home/editor/.cache/newsletterkit/links.json"),
    ])
    func cacheLocation(environment: [String: String], path: String) {
        #expect(LinkCheckConfiguration.defaultCacheFile(environment: environment).path == path)
    }

    @Test("the cache file is created 0600 in a 0700 folder")
    func cachePermissions() async throws {
        let server = try await FixtureServer.start()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("linkcheck-perm-\(UUID().uuidString)")
        var configuration = testConfiguration()
        configuration.cacheEnabled = true
        configuration.cacheFile = root.appendingPathComponent("newsletterkit/links.json")
        _ = try await check([server.url("/ok")], configuration: configuration)
        await server.stop()
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        let file = try manager.attributesOfItem(atPath: configuration.cacheFile.path)[.posixPermissions] as? Int
        let folder = try manager.attributesOfItem(atPath: root.appendingPathComponent("newsletterkit").path)[.posixPermissions] as? Int
        let lock = try manager.attributesOfItem(atPath: configuration.cacheFile.path + ".lock")[.posixPermissions] as? Int
        #expect(file == 0o600)
        #expect(folder == 0o700)
        #expect(lock == 0o600)
    }

    // MARK: storms

    @Test("a host failing for every URL is slowed down as a whole and reported once")
    func unhealthyHost() async throws {
        let server = try await FixtureServer.start()
        var configuration = testConfiguration()
        configuration.perHostConcurrency = 2
        configuration.maxRetries = 3
        let paths = (1...8).map { "/down/\($0)" }
        let report = try await check(paths.map(server.url), configuration: configuration)
        await server.stop()
        let host = "127.0.0.1:\(server.port)"
        #expect(report.results.map(\.status) == Array(
            repeating: .hostUnhealthy(host: host, failure: .serverError(statusCode: 503)), count: 8))
        #expect(report.results.allSatisfy { $0.severity == nil })
        #expect(report.totals == LinkCheckTotals(links: 8, working: 0, failed: 8, warnings: 0, skipped: 0, cached: 0))
        guard case .hostUnhealthy(let noticeHost, _, let count, let example) = report.notices.first, report.notices.count == 1 else {
            Issue.record("expected one unhealthy-host notice, got \(report.notices)")
            return
        }
        #expect(noticeHost == host)
        #expect(count == 8)
        #expect(example.hasSuffix("failed: the server answered 503 Service Unavailable."))
        // Without the back-off every URL gets 1 + 3 requests (32); once three URLs have failed, the rest get one each.
        let total = server.seen.requests.values.reduce(0, +)
        #expect(total <= 3 * 4 + 5)
        #expect(paths.allSatisfy { (server.seen.requests[$0] ?? 0) >= 1 })
    }

    @Test("one broken page does not make its host unhealthy")
    func oneBrokenPageIsNotAStorm() async throws {
        let server = try await FixtureServer.start()
        let report = try await check([server.url("/always-500"), server.url("/ok")])
        await server.stop()
        #expect(report.results.map(\.status) == [.serverError(statusCode: 500), .ok(statusCode: 200)])
        #expect(report.notices.isEmpty)
    }
}
