import FixtureHTTPServer
import Foundation
import NewsletterCore
import Testing
@testable import LinkChecker

@Suite("A session shared by the drafts of a run")
struct SessionTests {
    /// Twenty drafts, each linking the same two URLs (one with a fragment) among links of its own that need no request.
    private func drafts(_ server: FixtureServer) -> [[Link]] {
        (0..<20).map { draft in
            [
                Link(text: "sponsor", destination: server.url("/count/sponsor"), kind: .inline),
                Link(text: "mail", destination: "mailto:editor\(draft)@fixture-news.net", kind: .inline),
                Link(text: "subscribe", destination: server.url("/count/subscribe") + "#form", kind: .inline),
                Link(text: "sponsor again", destination: server.url("/count/sponsor"), kind: .inline),
            ]
        }
    }

    @Test("20 drafts sharing 2 URLs make exactly 2 requests, never more than the per-host limit in flight",
          arguments: [false, true])
    func sharedURLsRequestedOnce(cacheEnabled: Bool) async throws {
        let server = try await FixtureServer.start()
        var configuration = testConfiguration()
        configuration.perHostConcurrency = 1
        configuration.cacheEnabled = cacheEnabled
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("linkcheck-session-\(UUID().uuidString)")
        configuration.cacheFile = folder.appendingPathComponent("links.json")
        let session = LinkCheckSession(resolver: FakeResolver())
        let checker = try LinkChecker(configuration: configuration, session: session)
        let drafts = drafts(server)
        let reports = await withTaskGroup(of: (Int, LinkCheckReport).self) { group in
            for (index, links) in drafts.enumerated() { group.addTask { (index, await checker.check(links)) } }
            var reports = [LinkCheckReport?](repeating: nil, count: drafts.count)
            for await (index, report) in group { reports[index] = report }
            return reports.compactMap { $0 }
        }
        let notices = await session.finish()
        await server.stop()
        try? FileManager.default.removeItem(at: folder)

        #expect(server.seen.requests == ["/count/sponsor": 1, "/count/subscribe": 1])
        #expect(server.seen.maxInFlight == 1)
        #expect(session.requestsSent == 2)
        #expect(notices.isEmpty)
        #expect(reports.count == 20)
        for (report, links) in zip(reports, drafts) {
            #expect(report.results.map(\.link) == links)
            #expect(report.results.map(\.status) == [
                .ok(statusCode: 200), .syntaxValid(scheme: "mailto"), .ok(statusCode: 200), .ok(statusCode: 200),
            ])
            #expect(report.notices.isEmpty)
        }
    }

    @Test("the cache is read once and written once, when the session finishes")
    func cacheWrittenAtFinish() async throws {
        let server = try await FixtureServer.start()
        var configuration = testConfiguration()
        configuration.cacheEnabled = true
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("linkcheck-session-\(UUID().uuidString)")
        configuration.cacheFile = folder.appendingPathComponent("links.json")
        let session = LinkCheckSession(resolver: FakeResolver())
        let checker = try LinkChecker(configuration: configuration, session: session)
        _ = await checker.check([Link(text: "a", destination: server.url("/ok"), kind: .inline)])
        let fileBeforeFinish = FileManager.default.fileExists(atPath: configuration.cacheFile.path)
        _ = await session.finish()
        let second = try await check([server.url("/ok")], configuration: configuration)
        await server.stop()
        try? FileManager.default.removeItem(at: folder)
        #expect(!fileBeforeFinish)
        #expect(second.results.map(\.fromCache) == [true])
        #expect(server.seen.requests == ["/ok": 1])
    }

    @Test("checkers with different configurations in one session keep their own verdicts")
    func configurationsKeptApart() async throws {
        let server = try await FixtureServer.start()
        var lenient = testConfiguration()
        lenient.acceptedStatusCodes = [200...299, 404...404]
        let session = LinkCheckSession(resolver: FakeResolver())
        let strict = try LinkChecker(configuration: testConfiguration(), session: session)
        let relaxed = try LinkChecker(configuration: lenient, session: session)
        let link = [Link(text: "a", destination: server.url("/missing"), kind: .inline)]
        let strictReport = await strict.check(link)
        let relaxedReport = await relaxed.check(link)
        _ = await session.finish()
        await server.stop()
        #expect(strictReport.results.map(\.status) == [.broken(statusCode: 404)])
        #expect(relaxedReport.results.map(\.status) == [.ok(statusCode: 404)])
    }
}
