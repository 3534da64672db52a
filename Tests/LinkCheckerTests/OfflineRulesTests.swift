import Foundation
import NewsletterCore
import Testing
@testable import LinkChecker

@Suite("Decisions made without the network")
struct OfflineRulesTests {
    @Test("mailto and tel are checked for syntax only", arguments: [
        ("mailto:editor@fixture-news.net", LinkStatus.syntaxValid(scheme: "mailto")),
        ("mailto:a@fixture-news.net,b@fixture-news.org?subject=Hi%20there", .syntaxValid(scheme: "mailto")),
        ("mailto:?to=editor@fixture-news.net", .syntaxValid(scheme: "mailto")),
        ("mailto:editor%40fixture-news.net", .syntaxValid(scheme: "mailto")),
        ("mailto:", .invalidURL(reason: "the mailto: link has no address")),
        ("mailto:editor", .invalidURL(reason: "editor is not an email address")),
        ("mailto:editor@localhost", .invalidURL(reason: "editor@localhost is not an email address")),
        ("mailto:ed itor@fixture-news.net", .invalidURL(reason: "ed itor@fixture-news.net is not an email address")),
        ("tel:+1-201-555-0123", .syntaxValid(scheme: "tel")),
        ("tel:+44%2020%207946%200000;ext=12", .syntaxValid(scheme: "tel")),
        ("tel:(0201) 555.0123", .syntaxValid(scheme: "tel")),
        ("tel:+1-800-FLOWERS", .invalidURL(reason: "the phone number +1-800-FLOWERS holds F")),
        ("tel:12", .invalidURL(reason: "the phone number 12 is too short")),
    ])
    func contactLinks(destination: String, expected: LinkStatus) async throws {
        let report = try await check([destination])
        #expect(report.results.map(\.status) == [expected])
    }

    @Test("other schemes and relative links are unchecked, not broken", arguments: [
        ("ftp://files.fixture-news.net/a.zip", "ftp"), ("sms:+12015550123", "sms"), ("/about", ""), ("archive/42", ""),
        ("www.fixture-news.net", ""),
    ])
    func uncheckedSchemes(destination: String, scheme: String) async throws {
        let report = try await check([destination])
        #expect(report.results.map(\.status) == [.unchecked(scheme: scheme)])
        #expect(report.results[0].severity == nil)
    }

    @Test("malformed web links are invalid", arguments: [
        ("https://", "it has no host"), ("http://bad host/", "it is not a well-formed URL"),
        ("https://fixture-news.net:99999/", "it is not a well-formed URL"), ("", "the destination is empty"),
    ])
    func invalidURLs(destination: String, reason: String) async throws {
        let report = try await check([destination])
        #expect(report.results.map(\.status) == [.invalidURL(reason: reason)])
        #expect(report.results[0].severity == .error)
    }

    @Test("web links are requested in one form: scheme and host lowercased, fragment dropped, empty path as /", arguments: [
        ("https://fixture-news.net/a?b=1", "https://fixture-news.net/a?b=1", "fixture-news.net", 443),
        ("HTTPS://Fixture-News.NET/Path#Top", "https://fixture-news.net/Path", "fixture-news.net", 443),
        ("Http://fixture-news.net:8080", "http://fixture-news.net:8080/", "fixture-news.net", 8080),
        ("http://fixture-news.net/#", "http://fixture-news.net/", "fixture-news.net", 80),
        ("https://[2001:DB8::1]/x", "https://[2001:db8::1]/x", "2001:db8::1", 443),
    ])
    func webURLForm(destination: String, string: String, host: String, port: Int) throws {
        let target = LinkTarget.classify(destination, configuration: testConfiguration(), excludes: try ExcludeMatcher(patterns: []))
        #expect(target == .web(WebURL(string: string, scheme: String(string.prefix { $0 != ":" }), host: host, port: port)))
    }

    @Test("the scheme is the ASCII run before the first colon, lowercased", arguments: [
        ("HTTP://x", "http"), ("svn+SSH://x", "svn+ssh"), ("a.b-c:x", "a.b-c"), ("1http://x", nil), ("hé://x", nil),
        ("no colon", nil), (":x", nil), ("ht tp://x", nil),
    ] as [(String, String?)])
    func schemes(destination: String, scheme: String?) {
        #expect(LinkTarget.schemeOf(destination) == scheme)
    }

    @Test("exclude patterns and reserved example names are skipped without a request")
    func exclusions() async throws {
        var configuration = testConfiguration()
        configuration.excludePatterns = ["^https://private\\.fixture-news\\.net/", "utm_source=draft"]
        let report = try await check([
            "https://private.fixture-news.net/x",
            "https://fixture-news.net/?utm_source=draft",
            "https://www.example.com/",
            "http://shop.test/cart",
        ], configuration: configuration)
        #expect(report.results.map(\.status) == [
            .excluded(.pattern("^https://private\\.fixture-news\\.net/")),
            .excluded(.pattern("utm_source=draft")),
            .excluded(.reservedDomain("www.example.com")),
            .excluded(.reservedDomain("shop.test")),
        ])
        #expect(report.results.allSatisfy { $0.severity == nil })
    }

    @Test("an invalid exclude pattern is a configuration error")
    func invalidPattern() {
        var configuration = LinkCheckConfiguration()
        configuration.excludePatterns = ["ok", "(unclosed"]
        #expect(throws: LinkCheckConfigurationError.invalidExcludePattern("(unclosed")) {
            try LinkChecker(configuration: configuration)
        }
        #expect(
            LinkCheckConfigurationError.invalidExcludePattern("(unclosed").description
                == "exclude pattern (unclosed: '(' is never closed (at character 1 of the pattern)"
        )
    }

    @Test("limits below their minimum are configuration errors")
    func invalidLimits() {
        var configuration = LinkCheckConfiguration()
        configuration.perHostConcurrency = 0
        #expect(throws: LinkCheckConfigurationError.invalidLimit(name: "per_host_concurrency", value: 0)) {
            try LinkChecker(configuration: configuration)
        }
    }

    @Test("same-document fragments are checked against GitHub-style heading slugs")
    func fragments() async throws {
        let issue = Issue(
            title: "Weekly Notes",
            sections: [
                Section(heading: "## 🤌 Ben's Picks", title: "Ben's Picks", emoji: "🤌", level: 2),
                Section(heading: "## Notes", title: "Notes", level: 2),
                Section(heading: "## Notes", title: "Notes", level: 2),
                Section(heading: "### Q&A: What's next?", title: "Q&A: What's next?", level: 3),
            ],
            links: ["#bens-picks", "#-bens-picks", "#notes-1", "#qa-whats-next", "#weekly-notes", "#notes-2", "#Ben%27s"]
                .map { Link(text: "x", destination: $0, kind: .inline) }
        )
        var configuration = testConfiguration()
        configuration.allowLoopbackAddresses = false
        let report = await (try LinkChecker(configuration: configuration, resolver: FakeResolver())).check(issue)
        #expect(report.results.map(\.status) == [
            .fragmentFound("bens-picks"), .fragmentFound("-bens-picks"), .fragmentFound("notes-1"),
            .fragmentFound("qa-whats-next"), .fragmentFound("weekly-notes"), .missingFragment("notes-2"),
            .missingFragment("Ben%27s"),
        ])
        #expect(report.results[5].message == "#notes-2 names no heading in this document.")
    }

    @Test("GitHub slugs", arguments: [
        ("Hello World", "hello-world"), ("🤌 Ben's Picks", "-bens-picks"), ("C++ & Rust", "c--rust"),
        ("snake_case-name", "snake_case-name"), ("Café au lait", "café-au-lait"), ("2026: Year 1", "2026-year-1"),
    ])
    func slugs(text: String, slug: String) {
        #expect(DocumentAnchors.slug(text) == slug)
    }

    @Test("Retry-After as seconds or HTTP date", arguments: [
        ("120", Duration.seconds(120)), (" 0 ", .zero), ("Fri, 27 Nov 2026 12:00:30 GMT", .seconds(30)),
        ("Friday, 27-Nov-26 12:01:00 GMT", .seconds(60)), ("Fri Nov 27 12:00:05 2026", .seconds(5)),
        ("Fri, 27 Nov 2026 11:00:00 GMT", .zero),
    ])
    func retryAfter(value: String, expected: Duration) {
        let now = Date(timeIntervalSince1970: 1_795_780_800)  // 2026-11-27 12:00:00 UTC
        #expect(RetryTiming.retryAfter(value, now: now) == expected)
    }

    @Test("unreadable Retry-After values are ignored", arguments: ["soon", "-5", ""])
    func retryAfterUnreadable(value: String) {
        #expect(RetryTiming.retryAfter(value) == nil)
    }

    @Test("backoff doubles per attempt, with jitter between half and all of it", arguments: [1, 2, 3, 4])
    func backoff(attempt: Int) {
        let full = Duration.milliseconds(100) * (1 << (attempt - 1))
        for _ in 0..<20 {
            let wait = RetryTiming.backoff(attempt: attempt, base: .milliseconds(100))
            #expect(wait >= full / 2 && wait < full)
        }
    }

    @Test("work is interleaved by host, and work added later joins its host's line")
    func interleave() {
        var rotation = HostRotation<String>()
        for item in ["a1", "a2", "a3", "b1", "c1", "b2"] { rotation.append(item, host: String(item.first!)) }
        var taken = [rotation.next()!, rotation.next()!]
        rotation.append("d1", host: "d")
        rotation.append("a4", host: "a")
        while let item = rotation.next() { taken.append(item) }
        #expect(taken == ["a1", "b1", "c1", "d1", "a2", "b2", "a3", "a4"])
        #expect(rotation.count == 0)
    }

    @Test("status code lists parse", arguments: [
        ("200-299", [200...299]), ("100-103, 200-299, 429", [100...103, 200...299, 429...429]), (" 204 ", [204...204]),
    ])
    func statusRanges(text: String, ranges: [ClosedRange<Int>]) throws {
        #expect(try StatusCodeRanges.parse(text) == ranges)
    }

    @Test("bad status code lists name the bad item", arguments: [
        ("200-", "200-"), ("299-200", "299-200"), ("2xx", "2xx"), ("200,,300", ""), ("", ""), ("99", "99"), ("200-300-400", "200-300-400"),
    ])
    func badStatusRanges(text: String, item: String) {
        #expect(throws: StatusCodeRangesError(item: item)) { try StatusCodeRanges.parse(text) }
    }

    @Test("status ranges and host settings")
    func configurationLookups() {
        var configuration = LinkCheckConfiguration()
        configuration.acceptedStatusCodes = [200...299, 403...403]
        configuration.hostSettings = ["github.com": HostSettings(concurrency: 2), "api.github.com": HostSettings(concurrency: 1)]
        #expect(configuration.accepts(statusCode: 204))
        #expect(configuration.accepts(statusCode: 403))
        #expect(!configuration.accepts(statusCode: 404))
        #expect(configuration.settings(forHost: "GitHub.com")?.concurrency == 2)
        #expect(configuration.settings(forHost: "gist.github.com")?.concurrency == 2)
        #expect(configuration.settings(forHost: "api.github.com")?.concurrency == 1)
        #expect(configuration.settings(forHost: "notgithub.com") == nil)
    }
}
