import EditorialLanguageServer
import Foundation
import JSONRPC
import Testing

/// A draft whose third line holds an emoji (2 UTF-16 units, 4 UTF-8 bytes) and CJK (1 unit, 3 bytes each) before
/// mojibake (`Ã©`, 2 scalars, 4 bytes) and an http link (26 ASCII characters).
let wideDraft = "# Weekly notes\n\n😀 漢字 cafÃ© [the guide](http://docs.acme.dev/guide)\n"

/// The diagnostics of `code` among `diagnostics`.
func only(_ code: String, _ diagnostics: [JSONValue]) -> [JSONValue] {
    diagnostics.filter { $0["code"] == .string(code) }
}

@Suite struct DiagnosticsTests {
    @Test(arguments: [
        ("utf-16", 9, 11, 24, 50),
        ("utf-8", 15, 19, 32, 58),
        ("utf-32", 8, 10, 23, 49),
    ])
    func rangesAreInTheNegotiatedEncoding(encoding: String, mojibakeStart: Int, mojibakeEnd: Int, linkStart: Int, linkEnd: Int) async throws {
        let client = TestClient()
        try await client.initialize(capabilities: ["general": ["positionEncodings": [.string(encoding)]]])
        client.open("file:///drafts/wide.md", text: wideDraft)
        let diagnostics = await client.diagnostics(for: "file:///drafts/wide.md", version: 1)
        #expect(only("mojibake", diagnostics) == [[
            "range": range(2, mojibakeStart, 2, mojibakeEnd),
            "severity": 1,
            "code": "mojibake",
            "source": "editorial-check",
            "message": "UTF-8 read as Windows-1252: 'Ã©' should be 'é'",
        ]])
        #expect(only("insecure-link", diagnostics) == [[
            "range": range(2, linkStart, 2, linkEnd),
            "severity": 3,
            "code": "insecure-link",
            "source": "editorial-check",
            "message": "link to 'docs.acme.dev' uses http; use https",
        ]])
        #expect(only("missing-author", diagnostics).first?["severity"] == 2)
        #expect(try await client.shutDown() == 0)
    }

    @Test func neovimsOffsetEncodingIsHonoured() async throws {
        let client = TestClient()
        let result = try await client.initialize(capabilities: ["offsetEncoding": ["utf-8", "utf-16"]])
        #expect(result["offsetEncoding"] == "utf-8")
        client.open("file:///drafts/wide.md", text: wideDraft)
        let diagnostics = await client.diagnostics(for: "file:///drafts/wide.md", version: 1)
        #expect(only("mojibake", diagnostics).first?["range"] == range(2, 15, 2, 19))
        #expect(try await client.shutDown() == 0)
    }

    @Test func closingADocumentClearsItsDiagnostics() async throws {
        let client = TestClient()
        try await client.initialize()
        client.open("file:///drafts/wide.md", text: wideDraft)
        #expect(await client.diagnostics(for: "file:///drafts/wide.md", version: 1).count == 5)
        client.notify("textDocument/didClose", ["textDocument": ["uri": "file:///drafts/wide.md"]])
        let cleared = await client.inbox.first { message in
            guard case .notification("textDocument/publishDiagnostics", let params?) = message else { return false }
            return params["version"] == nil && params["uri"] == "file:///drafts/wide.md"
        }
        #expect(cleared == .notification(method: "textDocument/publishDiagnostics", params: ["uri": "file:///drafts/wide.md", "diagnostics": []]))
        #expect(try await client.shutDown() == 0)
    }

    @Test func aDraftThatCannotBeDecodedSaysWhy() async throws {
        let client = TestClient()
        try await client.initialize()
        client.open("file:///drafts/issue.json", text: "{\"title\": ")
        let diagnostics = await client.diagnostics(for: "file:///drafts/issue.json", version: 1)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["code"] == "malformedInput")
        #expect(diagnostics.first?["severity"] == 1)
        #expect(try await client.shutDown() == 0)
    }

    @Test func aDraftAboveTheSizeLimitIsNotCheckedAndSaysSo() async throws {
        let options = LanguageServerOptions(debounce: .milliseconds(5), maximumDraftSize: 1000, log: { _ in })
        let client = TestClient(options: options)
        try await client.initialize()
        client.open("file:///drafts/big.md", text: "# Big\n\n" + String(repeating: "cafÃ© ", count: 300))
        let diagnostics = await client.diagnostics(for: "file:///drafts/big.md", version: 1)
        #expect(diagnostics == [[
            "range": range(0, 0, 0, 0),
            "severity": 1,
            "code": "limitExceeded",
            "source": "editorial-check",
            "message": "the draft is 2407 bytes, more than the limit of 1000 bytes: not checked",
        ]])
        let shown = await client.inbox.first { if case .notification("window/showMessage", _) = $0 { true } else { false } }
        #expect(shown == .notification(method: "window/showMessage", params: ["type": 2, "message": "the draft is 2407 bytes, more than the limit of 1000 bytes: not checked"]))
        // Typing on: still not checked, and the editor is not told again.
        client.change("file:///drafts/big.md", version: 2, range: range(0, 0, 0, 0), text: "!")
        #expect(await client.diagnostics(for: "file:///drafts/big.md", version: 2).first?["message"] == "the draft is 2408 bytes, more than the limit of 1000 bytes: not checked")
        #expect(client.inbox.messages.filter { if case .notification("window/showMessage", _) = $0 { true } else { false } }.count == 1)
        #expect(try await client.shutDown() == 0)
    }
}
