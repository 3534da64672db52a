import FixtureHTTPServer
import NewsletterCore
import Testing
@testable import LinkChecker

@Suite("Address policy and name resolution (fake resolver, nothing leaves the machine)")
struct ResolutionTests {
    @Test("names resolving to non-public addresses are excluded before any connection", arguments: [
        ("intranet.fixture-news.net", ["10.0.0.7"], ExclusionReason.privateAddress(host: "intranet.fixture-news.net", address: "10.0.0.7")),
        ("metadata.fixture-news.net", ["169.254.169.254"], .linkLocalAddress(host: "metadata.fixture-news.net", address: "169.254.169.254")),
        ("self.fixture-news.net", ["127.0.0.1"], .loopbackAddress(host: "self.fixture-news.net", address: "127.0.0.1")),
        ("mixed.fixture-news.net", ["93.184.216.34", "192.168.1.20"], .privateAddress(host: "mixed.fixture-news.net", address: "192.168.1.20")),
        ("v6.fixture-news.net", ["fd00::5"], .privateAddress(host: "v6.fixture-news.net", address: "fd00::5")),
    ])
    func excludedByResolvedAddress(host: String, addresses: [String], reason: ExclusionReason) async throws {
        var configuration = LinkCheckConfiguration()
        configuration.cacheEnabled = false
        let resolver = FakeResolver(table: [host: .addresses(addresses.map { IPAddress($0)! })])
        let report = try await check(["https://\(host)/page"], configuration: configuration, resolver: resolver)
        #expect(report.results.map(\.status) == [.excluded(reason)])
    }

    @Test("a name that does not exist is a DNS failure when other names resolve")
    func dnsFailure() async throws {
        let server = try await FixtureServer.start()
        let resolver = FakeResolver.mapping(["pinned.fixture-news.net": "127.0.0.1"])
        let report = try await check(
            ["http://pinned.fixture-news.net:\(server.port)/ok", "https://gone.fixture-news.net/"], resolver: resolver)
        await server.stop()
        #expect(report.results.map(\.status) == [.ok(statusCode: 200), .dnsFailure])
        #expect(report.notices.isEmpty)
        #expect(report.results[1].severity == .error)
    }

    @Test("when no name resolves at all, one notice says the network is unavailable")
    func networkUnavailable() async throws {
        let resolver = FakeResolver(fallback: .temporaryFailure("Temporary failure in name resolution"))
        let links = [
            Link(text: "a", destination: "https://one.fixture-news.net/a", kind: .inline),
            Link(text: "mail", destination: "mailto:editor@fixture-news.net", kind: .inline),
            Link(text: "b", destination: "https://one.fixture-news.net/b", kind: .inline),
            Link(text: "c", destination: "https://two.fixture-news.net/", kind: .inline),
        ]
        var configuration = LinkCheckConfiguration()
        configuration.cacheEnabled = false
        let report = await (try LinkChecker(configuration: configuration, resolver: resolver)).check(links)
        #expect(report.results.map(\.status) == [.networkUnavailable, .syntaxValid(scheme: "mailto"), .networkUnavailable, .networkUnavailable])
        #expect(report.results.allSatisfy { $0.severity == nil })
        #expect(report.notices == [.networkUnavailable(firstLink: links[0], affectedLinks: 3)])
        #expect(report.notices[0].message == "The network is unavailable: no host name resolved, so 3 links could not be checked.")
        #expect(report.networkUnavailable)
        #expect(report.totals == LinkCheckTotals(links: 4, working: 1, failed: 0, warnings: 3, skipped: 0, cached: 0))
    }

    @Test("address scopes", arguments: [
        ("8.8.8.8", AddressScope.public), ("127.0.0.1", .loopback), ("127.255.0.9", .loopback), ("10.2.3.4", .private),
        ("172.16.0.1", .private), ("172.32.0.1", .public), ("192.168.0.1", .private), ("100.64.0.1", .private),
        ("169.254.169.254", .linkLocal), ("0.0.0.0", .specialPurpose), ("224.0.0.1", .specialPurpose), ("::1", .loopback),
        ("::", .specialPurpose), ("fe80::1", .linkLocal), ("fc00::1", .private), ("::ffff:10.0.0.1", .private),
        ("::ffff:169.254.1.1", .linkLocal), ("2606:4700::1111", .public), ("[::1]", .loopback),
    ])
    func scopes(address: String, scope: AddressScope) {
        #expect(IPAddress(address)?.scope == scope)
    }

    @Test("address text round-trips", arguments: ["10.0.0.1", "::1", "fe80::1", "2001:db8::5"])
    func addressDescription(text: String) {
        #expect(IPAddress(text)?.description == text)
    }

    @Test("host names are not addresses", arguments: ["fixture-news.net", "10.0.0", "::g", ""])
    func notAddresses(text: String) {
        #expect(IPAddress(text) == nil)
    }
}
