import EditorialCheckerCLI
import EditorialLanguageServer
import Foundation
import JSONRPC
import NewsletterKit
import Testing

@Suite struct CodeActionTests {
    private let uri = "file:///drafts/wide.md"

    private func codeActions(_ client: TestClient, uri: String, at requested: JSONValue, only: [String]? = nil) async throws -> [JSONValue] {
        var context: [String: JSONValue] = ["diagnostics": []]
        if let only { context["only"] = .array(only.map { .string($0) }) }
        return try await client.request("textDocument/codeAction", ["textDocument": ["uri": .string(uri)], "range": requested, "context": .object(context)])
            .get().arrayValue ?? []
    }

    @Test(arguments: [("utf-16", 10), ("utf-8", 16)])
    func aQuickFixReplacesExactlyTheMojibake(encoding: String, cursor: Int) async throws {
        let client = TestClient()
        try await client.initialize(capabilities: ["general": ["positionEncodings": [.string(encoding)]]])
        client.open(uri, text: wideDraft)
        _ = await client.diagnostics(for: uri, version: 1)
        let actions = try await codeActions(client, uri: uri, at: range(2, cursor, 2, cursor), only: ["quickfix"])
        #expect(actions.map { $0["title"] } == ["replace 'Ã©' with 'é'", "Disable mojibake on this line"])
        #expect(actions.first?["kind"] == "quickfix")
        #expect(actions.first?["isPreferred"] == true)
        #expect(actions.first?["diagnostics"]?.arrayValue?.first?["code"] == "mojibake")
        let unit: ColumnUnit = encoding == "utf-8" ? .utf8 : .utf16
        #expect(apply(actions.first?["edit"], uri: uri, to: wideDraft, unit: unit) == "# Weekly notes\n\n😀 漢字 café [the guide](http://docs.acme.dev/guide)\n")
        #expect(try await client.shutDown() == 0)
    }

    @Test func aSuggestionIsAQuickFixToo() async throws {
        let client = TestClient()
        try await client.initialize()
        client.open(uri, text: wideDraft)
        _ = await client.diagnostics(for: uri, version: 1)
        let actions = try await codeActions(client, uri: uri, at: range(2, 30, 2, 31), only: ["quickfix"])
        #expect(actions.map { $0["title"] } == ["use https", "Disable insecure-link on this line"])
        #expect(actions.first?["isPreferred"] == false)
        #expect(apply(actions.first?["edit"], uri: uri, to: wideDraft) == "# Weekly notes\n\n😀 漢字 cafÃ© [the guide](https://docs.acme.dev/guide)\n")
        #expect(try await client.shutDown() == 0)
    }

    @Test func disablingARuleOnALineSilencesItThere() async throws {
        let client = TestClient()
        try await client.initialize()
        client.open(uri, text: wideDraft)
        _ = await client.diagnostics(for: uri, version: 1)
        let actions = try await codeActions(client, uri: uri, at: range(2, 10, 2, 10), only: ["quickfix"])
        let disable = try #require(actions.first { $0["title"] == "Disable mojibake on this line" })
        let edited = apply(disable["edit"], uri: uri, to: wideDraft)
        #expect(edited == "# Weekly notes\n\n<!-- newsletterlint-disable-next-line mojibake -->\n😀 漢字 cafÃ© [the guide](http://docs.acme.dev/guide)\n")
        client.change(uri, version: 2, text: edited)
        let diagnostics = await client.diagnostics(for: uri, version: 2)
        #expect(only("mojibake", diagnostics).isEmpty)
        #expect(only("insecure-link", diagnostics).count == 1)
        #expect(try await client.shutDown() == 0)
    }

    @Test func disablingKeepsTheLinesQuoteMarkers() async throws {
        let client = TestClient()
        try await client.initialize()
        let quoted = "# Notes\n\n> A quote with cafÃ© in it\n> and a second line.\n"
        client.open(uri, text: quoted)
        _ = await client.diagnostics(for: uri, version: 1)
        let actions = try await codeActions(client, uri: uri, at: range(2, 19, 2, 19), only: ["quickfix"])
        let disable = try #require(actions.first { $0["title"] == "Disable mojibake on this line" })
        let edited = apply(disable["edit"], uri: uri, to: quoted)
        #expect(edited == "# Notes\n\n> <!-- newsletterlint-disable-next-line mojibake -->\n> A quote with cafÃ© in it\n> and a second line.\n")
        client.change(uri, version: 2, text: edited)
        #expect(only("mojibake", await client.diagnostics(for: uri, version: 2)).isEmpty)
        #expect(try await client.shutDown() == 0)
    }

    @Test func noDisableActionInsideCode() async throws {
        let client = TestClient()
        try await client.initialize()
        let fenced = "# Notes\n\n```\ncafÃ© [x](http://a.example/)\n```\n\nAnd cafÃ© here.\n"
        client.open(uri, text: fenced)
        let diagnostics = await client.diagnostics(for: uri, version: 1)
        #expect(only("mojibake", diagnostics).map { $0["range"] } == [range(3, 3, 3, 5), range(6, 7, 6, 9)])
        let inCode = try await codeActions(client, uri: uri, at: range(3, 4, 3, 4), only: ["quickfix"])
        // Mojibake in code is reported without a fix, and a comment there would be code, not a suppression.
        #expect(inCode.isEmpty)
        let inProse = try await codeActions(client, uri: uri, at: range(6, 8, 6, 8), only: ["quickfix"])
        #expect(inProse.map { $0["title"] } == ["replace 'Ã©' with 'é'", "Disable mojibake on this line"])
        #expect(try await client.shutDown() == 0)
    }

    @Test func fixAllGivesWhatTheFixCommandWrites() async throws {
        let folder = try DraftFolder()
        let draft = """
            # Weekly notes

            😀 漢字 cafÃ© and naÃ¯ve [the guide](http://docs.acme.dev/guide) and rÃ©sumÃ©.

            ## More

            Ãœber 😀 [link](https://acme.dev/a) â€” end.

            """
        let draftURI = try folder.write(draft, to: "drafts/issue.md")
        let client = TestClient()
        try await client.initialize()
        client.open(draftURI, text: draft)
        _ = await client.diagnostics(for: draftURI, version: 1)
        let actions = try await codeActions(client, uri: draftURI, at: range(0, 0, 0, 0), only: ["source.fixAll"])
        #expect(actions.map { $0["kind"] } == ["source.fixAll.editorial-check"])
        #expect(actions.first?["title"] == "Fix all safe problems in this file")
        let fixedByServer = apply(actions.first?["edit"], uri: draftURI, to: draft)
        #expect(try await client.shutDown() == 0)

        let status = await EditorialCheckTool().run(arguments: ["fix", folder.path + "/drafts/issue.md"])
        let fixedByCommand = try String(contentsOfFile: folder.path + "/drafts/issue.md", encoding: .utf8)
        #expect(status == 0)
        #expect(fixedByServer == fixedByCommand)
        #expect(fixedByServer.contains("café and naïve"))
        #expect(fixedByServer.contains("http://docs.acme.dev"))
    }

    @Test func aCleanFileOffersNoFixAll() async throws {
        let client = TestClient()
        try await client.initialize()
        client.open(uri, text: "# Clean\n\nNothing to fix.\n")
        _ = await client.diagnostics(for: uri, version: 1)
        #expect(try await codeActions(client, uri: uri, at: range(0, 0, 3, 0), only: ["source.fixAll"]).isEmpty)
        #expect(try await client.shutDown() == 0)
    }

    @Test func aCodeActionForADocumentNotOpenIsInvalidParams() async throws {
        let client = TestClient()
        try await client.initialize()
        let result = await client.request("textDocument/codeAction", ["textDocument": ["uri": "file:///nowhere.md"], "range": range(0, 0, 0, 0), "context": ["diagnostics": []]])
        #expect(errorCode(result) == -32602)
        #expect(try await client.shutDown() == 0)
    }

    @Test func aRequestCancelledWithItIsAnsweredCancelled() async throws {
        let client = TestClient()
        try await client.initialize()
        client.open(uri, text: wideDraft)
        _ = await client.diagnostics(for: uri, version: 1)
        let id = client.nextID()
        client.write([
            .request(id: id, method: "textDocument/codeAction", params: ["textDocument": ["uri": .string(uri)], "range": range(2, 10, 2, 10), "context": ["diagnostics": []]]),
            .notification(method: "$/cancelRequest", params: ["id": id.json]),
        ])
        #expect(await client.response(to: id) == .failure(.requestCancelled))
        // A cancellation for a request already answered changes nothing.
        client.notify("$/cancelRequest", ["id": 999])
        #expect(try await codeActions(client, uri: uri, at: range(2, 10, 2, 10)).count == 3)
        #expect(try await client.shutDown() == 0)
    }
}
