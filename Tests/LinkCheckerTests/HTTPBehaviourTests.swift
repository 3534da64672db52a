import FixtureHTTPServer
import Foundation
import NewsletterCore
import NIOCore
import Testing
@testable import LinkChecker

@Suite("Link checking against a live 127.0.0.1 server")
struct HTTPBehaviourTests {
    @Test("final statuses", arguments: [
        ("/ok", LinkStatus.ok(statusCode: 200)),
        ("/missing", .broken(statusCode: 404)),
        ("/gone", .broken(statusCode: 410)),
        ("/forbidden", .broken(statusCode: 403)),
        ("/no-head", .ok(statusCode: 200)),
        ("/always-500", .serverError(statusCode: 500)),
        ("/denied-999", .unverifiable(reason: "the server answered 999, which some sites (LinkedIn) use to turn automated checkers away")),
    ])
    func finalStatus(path: String, expected: LinkStatus) async throws {
        let server = try await FixtureServer.start()
        let report = try await check([server.url(path)])
        await server.stop()
        #expect(report.results.map(\.status) == [expected])
        #expect(report.notices.isEmpty)
    }

    @Test("a HEAD refused with 405 is retried as GET, once each")
    func headFallsBackToGet() async throws {
        let server = try await FixtureServer.start()
        let report = try await check([server.url("/no-head")])
        await server.stop()
        #expect(report.results[0].status == .ok(statusCode: 200))
        #expect(server.seen.methods == ["HEAD /no-head": 1, "GET /no-head": 1])
    }

    @Test("a 404 to HEAD is confirmed with GET before calling the link broken")
    func notFoundConfirmedWithGet() async throws {
        let server = try await FixtureServer.start()
        let report = try await check([server.url("/missing")])
        await server.stop()
        #expect(report.results[0].status == .broken(statusCode: 404))
        #expect(report.results[0].severity == .error)
        #expect(report.results[0].message == "\(server.url("/missing")) is broken: the server answered 404 Not Found.")
        #expect(server.seen.methods == ["HEAD /missing": 1, "GET /missing": 1])
    }

    @Test("permanent redirects are followed, recorded, and suggest the final URL")
    func permanentRedirectChain() async throws {
        let server = try await FixtureServer.start()
        let report = try await check([server.url("/perm1") + "#part"])
        await server.stop()
        let result = report.results[0]
        #expect(result.status == .redirected(chain: [
            RedirectHop(url: server.url("/perm1"), statusCode: 301, location: server.url("/perm2")),
            RedirectHop(url: server.url("/perm2"), statusCode: 308, location: server.url("/ok")),
        ], finalStatusCode: 200))
        #expect(result.suggestedReplacement == server.url("/ok") + "#part")
        #expect(result.severity == .info)
        #expect(result.url == server.url("/perm1"))
    }

    @Test("a temporary redirect to a working page is no finding")
    func temporaryRedirect() async throws {
        let server = try await FixtureServer.start()
        let report = try await check([server.url("/temp")])
        await server.stop()
        #expect(report.results[0].status == .redirected(
            chain: [RedirectHop(url: server.url("/temp"), statusCode: 302, location: server.url("/ok"))], finalStatusCode: 200))
        #expect(report.results[0].suggestedReplacement == nil)
        #expect(report.results[0].severity == nil)
    }

    @Test("a redirect loop is detected")
    func redirectLoop() async throws {
        let server = try await FixtureServer.start()
        let report = try await check([server.url("/loop-a")])
        await server.stop()
        #expect(report.results[0].status == .redirectLoop(chain: [
            RedirectHop(url: server.url("/loop-a"), statusCode: 302, location: server.url("/loop-b")),
            RedirectHop(url: server.url("/loop-b"), statusCode: 302, location: server.url("/loop-a")),
        ]))
        #expect(server.seen.requests == ["/loop-a": 1, "/loop-b": 1])
    }

    @Test("more redirects than the limit give up")
    func redirectLimit() async throws {
        let server = try await FixtureServer.start()
        var configuration = testConfiguration()
        configuration.maxRedirects = 3
        let report = try await check([server.url("/chain/6")], configuration: configuration)
        await server.stop()
        guard case .tooManyRedirects(let chain) = report.results[0].status else {
            Issue.record("expected tooManyRedirects, got \(report.results[0].status)")
            return
        }
        #expect(chain.map(\.url) == (3...6).reversed().map { server.url("/chain/\($0)") })
        #expect(server.seen.requests["/chain/2"] == nil)
    }

    @Test("429 with Retry-After pauses the host, then the retry succeeds")
    func retryAfter() async throws {
        let server = try await FixtureServer.start()
        let report = try await check([server.url("/rate-limited/a")])
        await server.stop()
        #expect(report.results[0].status == .ok(statusCode: 200))
        #expect(server.seen.methods == ["HEAD /rate-limited/a": 2])
    }

    @Test("a Retry-After beyond the bound is not waited for, and the link is unverifiable, not broken")
    func retryAfterTooLong() async throws {
        let server = try await FixtureServer.start()
        let report = try await check([server.url("/rate-limited-long")])
        await server.stop()
        #expect(report.results[0].status == .unverifiable(reason: "the server rate limited the checker (429) (Retry-After: 3600)"))
        #expect(report.results[0].severity == .warning)
        #expect(server.seen.requests == ["/rate-limited-long": 1])
    }

    @Test("503 with Retry-After pauses the host: no request reaches it until the pause is over, then the retry succeeds")
    func serviceUnavailablePausesHost() async throws {
        let server = try await FixtureServer.start()
        var configuration = testConfiguration()
        // One request at a time, so the other links wait at the host's gate while the 503 comes in.
        configuration.perHostConcurrency = 1
        let others = (1...4).map { "/count/\($0)" }
        let report = try await check([server.url("/unavailable/a")] + others.map(server.url), configuration: configuration)
        await server.stop()
        let seen = server.seen
        #expect(report.results.map(\.status) == Array(repeating: .ok(statusCode: 200), count: 5))
        #expect(seen.methods["HEAD /unavailable/a"] == 2)
        #expect(others.map { seen.requests[$0] } == [1, 1, 1, 1])
        // Whatever order the links went in, every request that reached the host after the 503 came at least the
        // Retry-After second later: the retry of /unavailable/a always, and the other links queued behind it.
        let sentAt = try #require(seen.unavailableSentAt)
        let later = seen.arrivals.values.joined().filter { $0 > sentAt }
        #expect(later.count >= 1)
        #expect(later.allSatisfy { $0 - sentAt >= .seconds(1) })
    }

    @Test("a 503 whose Retry-After is beyond the bound is neither waited for nor retried")
    func serviceUnavailableTooLong() async throws {
        let server = try await FixtureServer.start()
        let report = try await check([server.url("/unavailable-long")])
        await server.stop()
        #expect(report.results[0].status == .serverError(statusCode: 503))
        #expect(server.seen.requests == ["/unavailable-long": 1])
    }

    @Test("a 500 is retried and the later 200 counts")
    func serverErrorThenSuccess() async throws {
        let server = try await FixtureServer.start()
        let report = try await check([server.url("/flaky/a")])
        await server.stop()
        #expect(report.results[0].status == .ok(statusCode: 200))
        #expect(server.seen.requests == ["/flaky/a": 2])
    }

    @Test("a persistent 500 is retried max_retries times")
    func serverErrorRetries() async throws {
        let server = try await FixtureServer.start()
        let report = try await check([server.url("/always-500")])
        await server.stop()
        #expect(report.results[0].status == .serverError(statusCode: 500))
        #expect(server.seen.requests == ["/always-500": 3])
    }

    @Test("a route slower than the request timeout times out: HEAD once, then GET with its retries")
    func slowRouteTimesOut() async throws {
        let server = try await FixtureServer.start()
        var configuration = testConfiguration()
        configuration.requestTimeout = .seconds(1)
        configuration.maxRetries = 1
        let report = try await check([server.url("/slow")], configuration: configuration)
        #expect(report.results[0].status == .timeout)
        #expect(report.results[0].severity == .warning)
        #expect(server.seen.methods == ["HEAD /slow": 1, "GET /slow": 2])
        await server.stop()
    }

    @Test("a reset connection is retried and then reported")
    func resetConnection() async throws {
        let server = try await FixtureServer.start()
        let report = try await check([server.url("/reset")])
        await server.stop()
        #expect(report.results[0].status == .connectionFailed(reason: "the connection was reset"))
        #expect(server.seen.requests == ["/reset": 3])
    }

    @Test("a refused connection is reported at once, without retries")
    func refusedConnection() async throws {
        let server = try await FixtureServer.start()
        let url = server.url("/ok")
        await server.stop()
        let report = try await check([url])
        #expect(report.results[0].status == .connectionRefused)
        #expect(report.results[0].message == "\(url) cannot be reached: the host refused the connection.")
    }

    @Test("when an address refuses the connection, the host's next address is tried")
    func nextAddressAfterRefusal() async throws {
        let server = try await FixtureServer.start()
        // Nothing listens on 127.0.0.2 at the server's port; the server is on 127.0.0.1.
        let resolver = FakeResolver(table: ["multi.fixture-news.net": .addresses([IPAddress("127.0.0.2")!, IPAddress("127.0.0.1")!])])
        var configuration = testConfiguration()
        configuration.maxConcurrency = 1
        let urls = ["/ok", "/echo"].map { "http://multi.fixture-news.net:\(server.port)\($0)" }
        let report = try await check(urls, configuration: configuration, resolver: resolver)
        await server.stop()
        #expect(report.results.map(\.status) == [.ok(statusCode: 200), .ok(statusCode: 200)])
        #expect(server.seen.requests == ["/ok": 1, "/echo": 1])
        #expect(server.seen.hosts == ["multi.fixture-news.net:\(server.port)"])
    }

    @Test("when every address refuses the connection, the link is reported as refused")
    func everyAddressRefuses() async throws {
        let server = try await FixtureServer.start()
        let port = server.port
        await server.stop()
        let resolver = FakeResolver(table: ["multi.fixture-news.net": .addresses([IPAddress("127.0.0.2")!, IPAddress("127.0.0.1")!])])
        let report = try await check(["http://multi.fixture-news.net:\(port)/ok"], resolver: resolver)
        #expect(report.results.map(\.status) == [.connectionRefused])
    }

    @Test("a later address the policy forbids is never a fallback: the name is excluded before any connection")
    func fallbackAddressesObeyPolicy() async throws {
        let server = try await FixtureServer.start()
        let resolver = FakeResolver(table: ["multi.fixture-news.net": .addresses([IPAddress("127.0.0.2")!, IPAddress("10.0.0.7")!])])
        let report = try await check(["http://multi.fixture-news.net:\(server.port)/ok"], resolver: resolver)
        await server.stop()
        #expect(report.results.map(\.status) == [.excluded(.privateAddress(host: "multi.fixture-news.net", address: "10.0.0.7"))])
        #expect(server.seen.requests.isEmpty)
    }

    @Test("https to a server that does not speak TLS is a TLS error, not broken")
    func tlsFailure() async throws {
        let server = try await FixtureServer.start()
        let report = try await check(["https://127.0.0.1:\(server.port)/ok"])
        await server.stop()
        guard case .tlsError(let reason) = report.results[0].status else {
            Issue.record("expected a TLS error, got \(report.results[0].status)")
            return
        }
        #expect(!reason.isEmpty)
        #expect(report.results[0].severity == .error)
        #expect(server.seen.requests.isEmpty)
    }

    @Test("a huge body is not downloaded")
    func hugeBodyNotRead() async throws {
        let server = try await FixtureServer.start()
        let report = try await check([server.url("/huge")])
        await server.stop()
        #expect(report.results[0].status == .ok(statusCode: 200))
        #expect(server.seen.methods == ["HEAD /huge": 1, "GET /huge": 1])
        #expect(server.seen.hugeBytesSent < FixtureServer.hugeSize / 8)
    }

    @Test("each unique URL is requested once, and no host sees more than its limit at once")
    func deduplicationAndHostLimit() async throws {
        let server = try await FixtureServer.start()
        var configuration = testConfiguration()
        configuration.perHostConcurrency = 3
        let paths = (0..<12).map { "/count/\($0)" }
        let urls = paths.flatMap { [server.url($0), server.url($0) + "#a", server.url($0) + "#b"] }
        let report = try await check(urls, configuration: configuration)
        await server.stop()
        #expect(report.results.count == 36)
        #expect(report.results.allSatisfy { $0.status == .ok(statusCode: 200) })
        #expect(server.seen.requests == Dictionary(uniqueKeysWithValues: paths.map { ($0, 1) }))
        #expect(server.seen.maxInFlight <= 3)
    }

    @Test("loopback addresses are excluded by default, without a request")
    func loopbackExcludedByDefault() async throws {
        let server = try await FixtureServer.start()
        var configuration = LinkCheckConfiguration()
        configuration.cacheEnabled = false
        let report = try await check([server.url("/ok")], configuration: configuration)
        await server.stop()
        #expect(report.results[0].status == .excluded(.loopbackAddress(host: "127.0.0.1", address: "127.0.0.1")))
        #expect(report.results[0].severity == .info)
        #expect(server.seen.requests.isEmpty)
    }

    @Test("the connection goes to the resolved address, and the request names the host")
    func connectsToResolvedAddress() async throws {
        let server = try await FixtureServer.start()
        var configuration = testConfiguration()
        configuration.userAgent = "RunAgent/1"
        configuration.headers = ["X-Run": "run", "X-Shared": "run"]
        configuration.hostSettings = ["fixture-news.net": HostSettings(userAgent: "HostAgent/2", headers: ["X-Shared": "host"])]
        let resolver = FakeResolver.mapping(["pinned.fixture-news.net": "127.0.0.1"])
        let report = try await check(["http://pinned.fixture-news.net:\(server.port)/echo"], configuration: configuration, resolver: resolver)
        await server.stop()
        #expect(report.results[0].status == .ok(statusCode: 200))
        #expect(server.seen.hosts == ["pinned.fixture-news.net:\(server.port)"])
        #expect(server.seen.lastHeaders["user-agent"] == "HostAgent/2")
        #expect(server.seen.lastHeaders["x-run"] == "run")
        #expect(server.seen.lastHeaders["x-shared"] == "host")
    }

    @Test("a redirect to a private address is not followed")
    func redirectToPrivateAddress() async throws {
        let server = try await FixtureServer.start()
        let resolver = FakeResolver.mapping(["metadata.fixture-news.net": "169.254.169.254"])
        let report = try await check([
            server.url("/redirect?to=http://10.1.2.3/admin"),
            server.url("/redirect?to=http://metadata.fixture-news.net/latest"),
        ], resolver: resolver)
        await server.stop()
        #expect(report.results.map(\.status) == [
            .excluded(.privateAddress(host: "10.1.2.3", address: "10.1.2.3")),
            .excluded(.linkLocalAddress(host: "metadata.fixture-news.net", address: "169.254.169.254")),
        ])
    }

    @Test("403 from a known bot wall is unverifiable, not broken")
    func botWall() async throws {
        let server = try await FixtureServer.start()
        let resolver = FakeResolver.mapping(["www.linkedin.com": "127.0.0.1"])
        let report = try await check(["http://www.linkedin.com:\(server.port)/forbidden"], resolver: resolver)
        await server.stop()
        #expect(report.results[0].status == .unverifiable(reason: "www.linkedin.com blocks automated checkers (it answered 403)"))
        #expect(report.results[0].severity == .warning)
    }
}
