import EditorialLanguageServer
import FixtureHTTPServer
import Foundation
import JSONRPC
import LinkChecker
import Testing

/// Resolves every name to 127.0.0.1, so that links to made-up hosts reach the fixture server and nothing else.
struct LoopbackResolver: HostResolver {
    func resolve(host: String) async -> HostResolution {
        .addresses([IPAddress("127.0.0.1")!])
    }
}

/// Link checks run on save, only when enabled, against a loopback server (127.0.0.1) only.
@Suite struct LinkCheckTests {
    private func scratch(server: FixtureServer) throws -> (folder: DraftFolder, uri: String, text: String) {
        let folder = try DraftFolder()
        try folder.write("rules:\n  missing-author: false\n  missing-date: false\n  missing-subtitle: false\n  insecure-link: false\nlink_check:\n  allow_loopback: true\n  cache: false\n  max_retries: 0\n", to: ".newsletterlint.yml")
        let text = "# Links\n\nA [dead one](\(server.url("/missing"))) and [a live one](\(server.url("/ok"))).\n"
        let uri = try folder.write(text, to: "issue.md")
        return (folder, uri, text)
    }

    /// Saves `uri` and returns the parameters of the first diagnostics published for it that are not empty; fails
    /// the test when none come.
    private func publishedAfterSave(_ uri: String, by client: TestClient) async throws -> JSONValue {
        client.notify("textDocument/didSave", ["textDocument": ["uri": .string(uri)]])
        let published = await client.inbox.first { message in
            guard case .notification("textDocument/publishDiagnostics", let params?) = message, params["uri"] == .string(uri) else { return false }
            return params["diagnostics"]?.arrayValue?.isEmpty == false
        }
        var params: JSONValue?
        if case .notification(_, let published?) = published { params = published }
        return try #require(params, "no diagnostics were published for \(uri) after it was saved")
    }

    @Test func brokenLinksAreReportedOnSaveWhenEnabled() async throws {
        let server = try await FixtureServer.start()
        let (folder, uri, text) = try scratch(server: server)
        let client = TestClient()
        try await client.initialize(initializationOptions: ["editorialCheck": ["linkChecks": true]])
        client.open(uri, text: text)
        #expect(await client.diagnostics(for: uri, version: 1) == [])
        let params = try await publishedAfterSave(uri, by: client)
        let diagnostics = params["diagnostics"]?.arrayValue ?? []
        let deadURL = server.url("/missing")
        #expect(diagnostics.map { $0["code"] } == ["broken-link"])
        // `[dead one](` then the URL: the rule reports the link from its text to its destination's end.
        #expect(diagnostics.first?["range"] == range(2, 2, 2, 14 + deadURL.count))
        #expect(diagnostics.first?["severity"] == 1)
        #expect(params["version"] == 1)
        #expect(Set(server.seen.requests.keys) == ["/missing", "/ok"])

        // Typing goes on: the next version is published with its offline diagnostics only.
        client.change(uri, version: 2, range: range(0, 0, 0, 0), text: "")
        #expect(await client.diagnostics(for: uri, version: 2) == [])
        #expect(try await client.shutDown() == 0)
        await server.stop()
        _ = folder
    }

    @Test func linksAreNotCheckedUntilASettingEnablesThem() async throws {
        let server = try await FixtureServer.start()
        let (folder, uri, text) = try scratch(server: server)
        let client = TestClient()
        try await client.initialize()
        client.open(uri, text: text)
        _ = await client.diagnostics(for: uri, version: 1)
        client.notify("textDocument/didSave", ["textDocument": ["uri": .string(uri)]])
        _ = await client.request("textDocument/codeAction", ["textDocument": ["uri": .string(uri)], "range": range(0, 0, 0, 0), "context": ["diagnostics": []]])
        #expect(server.seen.requests.isEmpty)

        client.notify("workspace/didChangeConfiguration", ["settings": ["editorialCheck": ["linkChecks": true]]])
        let params = try await publishedAfterSave(uri, by: client)
        #expect(params["diagnostics"]?.arrayValue?.map { $0["code"] } == ["broken-link"])
        #expect(try await client.shutDown() == 0)
        await server.stop()
        _ = folder
    }

    @Test func hostNamesAreResolvedWithTheServersResolver() async throws {
        let server = try await FixtureServer.start()
        let (folder, _, _) = try scratch(server: server)
        let text = "# Links\n\nA [named one](http://pinned.fixture-news.net:\(server.port)/gone).\n"
        let uri = try folder.write(text, to: "named.md")
        let options = LanguageServerOptions(debounce: .milliseconds(5), hostResolver: LoopbackResolver(), log: { _ in })
        let client = TestClient(options: options)
        try await client.initialize(initializationOptions: ["editorialCheck": ["linkChecks": true]])
        client.open(uri, text: text)
        #expect(await client.diagnostics(for: uri, version: 1) == [])
        let params = try await publishedAfterSave(uri, by: client)
        #expect(params["diagnostics"]?.arrayValue?.map { $0["code"] } == ["broken-link"])
        #expect(server.seen.requests["/gone"] != nil)
        #expect(try await client.shutDown() == 0)
        await server.stop()
    }
}
