import FixtureHTTPServer
import Foundation
import NewsletterCore
import Testing
@testable import LinkChecker

@Suite("Result cache and progress events")
struct CacheAndProgressTests {
    /// A fresh cache file path in a directory of its own.
    private func cacheFile() -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("linkcheck-tests-\(UUID().uuidString)", isDirectory: true)
            .appendingPathComponent("links.json")
    }

    private func cachedConfiguration(_ file: URL) -> LinkCheckConfiguration {
        var configuration = testConfiguration()
        configuration.cacheEnabled = true
        configuration.cacheFile = file
        return configuration
    }

    @Test("a second run answers successes from the cache and re-checks failures")
    func secondRunUsesCache() async throws {
        let server = try await FixtureServer.start()
        let file = cacheFile()
        let urls = [server.url("/ok"), server.url("/perm1"), server.url("/missing")]
        let first = try await check(urls, configuration: cachedConfiguration(file))
        let second = try await check(urls, configuration: cachedConfiguration(file))
        await server.stop()
        #expect(first.results.map(\.fromCache) == [false, false, false])
        #expect(second.results.map(\.fromCache) == [true, true, false])
        #expect(second.results.map(\.status) == first.results.map(\.status))
        #expect(second.results[1].suggestedReplacement == server.url("/ok"))
        #expect(server.seen.requests == ["/ok": 2, "/perm1": 1, "/perm2": 1, "/missing": 4])
        #expect(second.totals.cached == 2)
    }

    @Test("entries older than the time to live are checked again")
    func expiredEntries() async throws {
        let server = try await FixtureServer.start()
        let file = cacheFile()
        var configuration = cachedConfiguration(file)
        configuration.cacheTimeToLive = .zero
        _ = try await check([server.url("/ok")], configuration: configuration)
        let second = try await check([server.url("/ok")], configuration: configuration)
        await server.stop()
        #expect(second.results[0].fromCache == false)
        #expect(server.seen.requests == ["/ok": 2])
    }

    @Test("a corrupt cache file is ignored with a warning and rebuilt")
    func corruptCache() async throws {
        let server = try await FixtureServer.start()
        let file = cacheFile()
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{\"version\": 1, \"entries\": [tru".utf8).write(to: file)
        let first = try await check([server.url("/ok")], configuration: cachedConfiguration(file))
        let second = try await check([server.url("/ok")], configuration: cachedConfiguration(file))
        await server.stop()
        #expect(first.notices == [.cacheIgnored(path: file.path, reason: "it is not a link cache file (corrupt or from another program)")])
        #expect(first.notices[0].severity == .warning)
        #expect(second.notices.isEmpty)
        #expect(second.results[0].fromCache == true)
    }

    @Test("two runs writing at once keep both runs' entries")
    func concurrentRuns() async throws {
        let server = try await FixtureServer.start()
        let file = cacheFile()
        let groups = (0..<4).map { run in (0..<5).map { server.url("/count/\(run)-\($0)") } }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for urls in groups {
                group.addTask { _ = try await check(urls, configuration: self.cachedConfiguration(file)) }
            }
            try await group.waitForAll()
        }
        let again = try await check(groups.flatMap { $0 }, configuration: cachedConfiguration(file))
        await server.stop()
        #expect(again.results.allSatisfy { $0.fromCache })
        #expect(server.seen.requests.count == 20)
        #expect(server.seen.requests.values.allSatisfy { $0 == 1 })
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(leftovers.sorted() == ["links.json", "links.json.lock"])
    }

    /// A setting that one configuration (lax) relaxes and another (strict) does not.
    enum Tightening: String, CaseIterable, Sendable {
        case acceptedStatuses, redirectLimit, loopbackPolicy, requestMethod
    }

    @Test("a success cached under one configuration is not reused under one that could judge it differently",
          arguments: Tightening.allCases)
    func cacheKeyIncludesVerdictSettings(tightening: Tightening) async throws {
        let server = try await FixtureServer.start()
        let file = cacheFile()
        var lax = cachedConfiguration(file)
        var strict = cachedConfiguration(file)
        let resolver = FakeResolver.mapping(["self.fixture-news.net": "127.0.0.1"])
        let url: String
        let laxStatus: LinkStatus
        let strictStatus: LinkStatus
        switch tightening {
        case .acceptedStatuses:
            lax.acceptedStatusCodes = [200...299, 404...404]
            url = server.url("/missing")
            (laxStatus, strictStatus) = (.ok(statusCode: 404), .broken(statusCode: 404))
        case .redirectLimit:
            strict.maxRedirects = 1
            url = server.url("/perm1")
            let chain = [
                RedirectHop(url: server.url("/perm1"), statusCode: 301, location: server.url("/perm2")),
                RedirectHop(url: server.url("/perm2"), statusCode: 308, location: server.url("/ok")),
            ]
            (laxStatus, strictStatus) = (.redirected(chain: chain, finalStatusCode: 200), .tooManyRedirects(chain: chain))
        case .loopbackPolicy:
            strict.allowLoopbackAddresses = false
            url = "http://self.fixture-news.net:\(server.port)/ok"
            (laxStatus, strictStatus) = (.ok(statusCode: 200), .excluded(.loopbackAddress(host: "self.fixture-news.net", address: "127.0.0.1")))
        case .requestMethod:
            lax.requestMethod = .get
            url = server.url("/no-head")
            (laxStatus, strictStatus) = (.ok(statusCode: 200), .ok(statusCode: 200))
        }
        let first = try await check([url], configuration: lax, resolver: resolver)
        let second = try await check([url], configuration: strict, resolver: resolver)
        let third = try await check([url], configuration: lax, resolver: resolver)
        await server.stop()
        #expect(first.results.map(\.status) == [laxStatus])
        #expect(second.results.map(\.status) == [strictStatus])
        #expect(second.results.map(\.fromCache) == [false])
        // The lax run's own entry still answers the lax configuration.
        #expect(third.results.map(\.status) == [laxStatus])
        #expect(third.results.map(\.fromCache) == [true])
    }

    @Test("settings that cannot turn a success into a failure keep the cache key; verdict settings change it")
    func fingerprintCoversVerdictSettingsOnly() {
        let base = LinkCheckConfiguration()
        var pacing = base
        pacing.maxConcurrency = 8
        pacing.perHostInterval = .seconds(1)
        pacing.requestTimeout = .seconds(3)
        pacing.maxRetries = 0
        pacing.botWallHosts = []
        var headers = base
        headers.headers = ["Authorization": "Bearer fixture"]
        var hostAgent = base
        hostAgent.hostSettings = ["fixture-news.net": HostSettings(userAgent: "HostAgent/2")]
        #expect(VerdictFingerprint(pacing) == VerdictFingerprint(base))
        #expect(VerdictFingerprint(headers) != VerdictFingerprint(base))
        #expect(VerdictFingerprint(hostAgent) != VerdictFingerprint(base))
        #expect(VerdictFingerprint(base).key(for: "https://fixture-news.net/") == VerdictFingerprint(base).text + " https://fixture-news.net/")
        #expect(VerdictFingerprint(base).text.count == 16)
    }

    @Test("progress: planned, a start per unique URL, a finish per link, then the report")
    func progressEvents() async throws {
        let server = try await FixtureServer.start()
        let links = [server.url("/ok"), server.url("/ok#top"), server.url("/gone"), "tel:+1-201-555-0123"]
            .map { Link(text: "x", destination: $0, kind: .inline) }
        let checker = try LinkChecker(configuration: testConfiguration(), resolver: FakeResolver())
        var events: [LinkCheckEvent] = []
        for await event in checker.progress(links) { events.append(event) }
        await server.stop()
        #expect(events.first == .planned(links: 4, uniqueURLs: 2))
        let started = events.compactMap { if case .started(let url) = $0 { url } else { nil } }
        #expect(started.sorted() == [server.url("/gone"), server.url("/ok")])
        let finished = events.compactMap { if case .finished(let result) = $0 { result } else { nil } }
        #expect(finished.map(\.link.destination).sorted() == links.map(\.destination).sorted())
        guard case .completed(let report) = events.last else {
            Issue.record("the last event is not .completed")
            return
        }
        #expect(report.results.map(\.status) == [
            .ok(statusCode: 200), .ok(statusCode: 200), .broken(statusCode: 410), .syntaxValid(scheme: "tel"),
        ])
        #expect(report.totals == LinkCheckTotals(links: 4, working: 3, failed: 1, warnings: 0, skipped: 0, cached: 0))
    }
}
