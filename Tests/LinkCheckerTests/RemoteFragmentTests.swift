import FixtureHTTPServer
import NewsletterCore
import Testing
@testable import LinkChecker

@Suite("Fragments of links to web pages")
struct RemoteFragmentTests {
    @Test("a fragment must name an id, a name or a heading anchor of the page, fetched once whatever the fragments")
    func fragmentsLookedUpOnThePage() async throws {
        let server = try await FixtureServer.start()
        let page = server.url("/page/a")
        let report = try await check([
            page + "#top", page + "#legacy-anchor", page + "#getting-started", page + "#Top", page + "#missing",
            page + "#not-an-element", page,
        ])
        await server.stop()
        #expect(report.results.map(\.status) == [
            .ok(statusCode: 200), .ok(statusCode: 200), .ok(statusCode: 200), .ok(statusCode: 200),
            .missingPageFragment("missing"), .missingPageFragment("not-an-element"), .ok(statusCode: 200),
        ])
        #expect(report.results[4].severity == .warning)
        #expect(report.results[4].message
            == "\(page) works, but the page has no anchor #missing (no element with that id or name, no heading with that anchor).")
        #expect(server.seen.methods == ["GET /page/a": 1])
    }

    @Test("pages that are not HTML are not searched for fragments")
    func notHTML() async throws {
        let server = try await FixtureServer.start()
        let report = try await check([server.url("/plain#intro"), server.url("/ok#anything")])
        await server.stop()
        #expect(report.results.map(\.status) == [.ok(statusCode: 200), .ok(statusCode: 200)])
    }

    @Test("with remote fragments off, the page is requested with HEAD and its fragment ignored")
    func switchedOff() async throws {
        let server = try await FixtureServer.start()
        var configuration = testConfiguration()
        configuration.checkRemoteFragments = false
        let report = try await check([server.url("/page/a#missing")], configuration: configuration)
        await server.stop()
        #expect(report.results.map(\.status) == [.ok(statusCode: 200)])
        #expect(server.seen.methods == ["HEAD /page/a": 1])
    }

    @Test("drafts of one session linking one page with different fragments fetch it once")
    func oncePerSession() async throws {
        let server = try await FixtureServer.start()
        let session = LinkCheckSession(resolver: FakeResolver())
        let checker = try LinkChecker(configuration: testConfiguration(), session: session)
        let first = await checker.check([Link(text: "a", destination: server.url("/page/b#top"), kind: .inline)])
        let second = await checker.check([
            Link(text: "b", destination: server.url("/page/b#nowhere"), kind: .inline),
            Link(text: "c", destination: server.url("/page/b"), kind: .inline),
        ])
        _ = await session.finish()
        await server.stop()
        #expect(first.results.map(\.status) == [.ok(statusCode: 200)])
        #expect(second.results.map(\.status) == [.missingPageFragment("nowhere"), .ok(statusCode: 200)])
        #expect(server.seen.methods == ["GET /page/b": 1])
    }

    @Test("anchors: ids and names in any quoting, not in comments, scripts or text; GitHub ids and heading slugs")
    func pageAnchors() {
        let html = """
            <!-- <div id="commented"></div> --><script>var s = '<a id="scripted">';</script>
            <DIV ID=Plain></DIV><a name='single'>x</a><p>id="in-text"</p>
            <h2 id="user-content-install">Install</h2><h3>Ben&#39;s Picks &amp; More</h3>
            """
        let anchors = PageAnchors(html: Array(html.utf8), isComplete: true)
        #expect(["Plain", "single", "install", "user-content-install", "bens-picks--more", "Ben%27s"].map(anchors.contains)
            == [true, true, true, true, true, false])
        #expect(["commented", "scripted", "in-text", "plain"].map(anchors.contains) == [false, false, false, false])
    }

    @Test("a page cut at the size limit keeps the anchors before the cut and says it is incomplete")
    func truncatedPage() {
        let anchors = PageAnchors(html: Array(#"<p id="early">a</p><p id="la"#.utf8), isComplete: false)
        #expect(anchors.contains("early"))
        #expect(!anchors.isComplete)
    }
}
