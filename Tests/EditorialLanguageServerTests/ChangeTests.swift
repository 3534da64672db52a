import EditorialLanguageServer
import Foundation
import JSONRPC
import Testing

@Suite struct ChangeTests {
    private let uri = "file:///drafts/wide.md"

    @Test func incrementalChangesAreAppliedInTheNegotiatedEncoding() async throws {
        let client = TestClient()
        try await client.initialize()
        client.open(uri, text: wideDraft)
        _ = await client.diagnostics(for: uri, version: 1)
        // Replace `Ã©` (UTF-16 columns 9 to 11, after the emoji's two units) with `é`: no mojibake left.
        client.change(uri, version: 2, range: range(2, 9, 2, 11), text: "é")
        #expect(only("mojibake", await client.diagnostics(for: uri, version: 2)).isEmpty)
        // Put it back after the emoji: it is reported at its new place.
        client.change(uri, version: 3, range: range(2, 2, 2, 2), text: "Ã©")
        let diagnostics = await client.diagnostics(for: uri, version: 3)
        #expect(only("mojibake", diagnostics).map { $0["range"] } == [range(2, 2, 2, 4)])
        #expect(only("insecure-link", diagnostics).map { $0["range"] } == [range(2, 25, 2, 51)])
        #expect(try await client.shutDown() == 0)
    }

    @Test func incrementalChangesInUTF8() async throws {
        let client = TestClient()
        try await client.initialize(capabilities: ["general": ["positionEncodings": ["utf-8"]]])
        client.open(uri, text: wideDraft)
        _ = await client.diagnostics(for: uri, version: 1)
        // Delete the emoji and the space after it: bytes 0 to 5 of the third line.
        client.change(uri, version: 2, range: range(2, 0, 2, 5), text: "")
        #expect(only("mojibake", await client.diagnostics(for: uri, version: 2)).map { $0["range"] } == [range(2, 10, 2, 14)])
        #expect(try await client.shutDown() == 0)
    }

    @Test func aChangeWithoutARangeReplacesTheText() async throws {
        let client = TestClient()
        try await client.initialize()
        client.open(uri, text: wideDraft)
        _ = await client.diagnostics(for: uri, version: 1)
        client.change(uri, version: 2, text: "# Clean\n\nNothing Ã© here.\n")
        #expect(only("mojibake", await client.diagnostics(for: uri, version: 2)).map { $0["range"] } == [range(2, 8, 2, 10)])
        #expect(try await client.shutDown() == 0)
    }

    /// Changes whose positions lie outside the text or inside a character, and the text each must leave.
    static let clampedChanges: [(JSONValue, String)] = [
        // A character past the line's end is its end; a line past the last is the end of the text.
        (range(2, 500, 2, 900), "# Weekly notes\n\n😀 漢字 cafÃ© [the guide](http://docs.acme.dev/guide)!\n"),
        (range(40, 0, 99, 7), "# Weekly notes\n\n😀 漢字 cafÃ© [the guide](http://docs.acme.dev/guide)\n!"),
        // The second half of the emoji's surrogate pair is the emoji's start; a reversed range is put in order.
        (range(2, 1, 2, 1), "# Weekly notes\n\n!😀 漢字 cafÃ© [the guide](http://docs.acme.dev/guide)\n"),
        (range(2, 3, 2, 0), "# Weekly notes\n\n!漢字 cafÃ© [the guide](http://docs.acme.dev/guide)\n"),
        (range(-4, -2, 0, 0), "!# Weekly notes\n\n😀 漢字 cafÃ© [the guide](http://docs.acme.dev/guide)\n"),
    ]

    @Test(arguments: clampedChanges)
    func outOfRangePositionsAreClamped(changed: JSONValue, expected: String) async throws {
        let client = TestClient()
        try await client.initialize()
        client.open(uri, text: wideDraft)
        _ = await client.diagnostics(for: uri, version: 1)
        client.change(uri, version: 2, range: changed, text: "!")
        let changedDiagnostics = await client.diagnostics(for: uri, version: 2)
        // The same diagnostics as a document opened with the expected text: the server's text is that text.
        client.open("file:///drafts/expected.md", text: expected)
        let expectedDiagnostics = await client.diagnostics(for: "file:///drafts/expected.md", version: 1)
        #expect(changedDiagnostics == expectedDiagnostics)
        #expect(only("mojibake", changedDiagnostics).count == 1)
        #expect(try await client.shutDown() == 0)
    }

    @Test func onlyTheLatestVersionIsPublished() async throws {
        let client = TestClient(options: LanguageServerOptions(debounce: .milliseconds(150), log: { _ in }))
        try await client.initialize()
        client.open(uri, text: wideDraft)
        _ = await client.diagnostics(for: uri, version: 1)
        // Twenty keystrokes in one burst: typing `Ã©` back and forth, ending with it removed.
        var messages: [Message] = []
        for version in 2...21 {
            let text = version.isMultiple(of: 2) ? "é" : "Ã©"
            let replaced = version.isMultiple(of: 2) ? range(2, 9, 2, 11) : range(2, 9, 2, 10)
            messages.append(.notification(method: "textDocument/didChange", params: [
                "textDocument": ["uri": .string(uri), "version": .integer(version)],
                "contentChanges": [["range": replaced, "text": .string(text)]],
            ]))
        }
        client.write(messages)
        _ = await client.diagnostics(for: uri, version: 21)
        // Settle: a round trip after the last publication.
        _ = await client.request("textDocument/codeAction", ["textDocument": ["uri": .string(uri)], "range": range(0, 0, 0, 0), "context": ["diagnostics": []]])
        let versions = client.publications(for: uri).map(\.version)
        #expect(versions == [1, 21])
        #expect(only("mojibake", client.publications(for: uri).last?.diagnostics ?? []).count == 1)
        #expect(try await client.shutDown() == 0)
    }
}
