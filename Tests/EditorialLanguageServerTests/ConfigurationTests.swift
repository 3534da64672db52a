import EditorialLanguageServer
import Foundation
import JSONRPC
import Testing

@Suite struct ConfigurationTests {
    private let draft = "# Weekly notes\n\nSome cafÃ© text.\n"

    @Test func theNearestConfigurationApplies() async throws {
        let folder = try DraftFolder()
        try folder.write("rules:\n  missing-author: false\n", to: ".newsletterlint.yml")
        try folder.write("rules:\n  mojibake: false\n", to: "quiet/.newsletterlint.yml")
        let outer = folder.uri("outer.md")
        let inner = folder.uri("quiet/deeper/inner.md")
        let client = TestClient()
        try await client.initialize()
        client.open(outer, text: draft)
        client.open(inner, text: draft)
        let outerCodes = await client.diagnostics(for: outer, version: 1).compactMap { $0["code"]?.stringValue }
        let innerCodes = await client.diagnostics(for: inner, version: 1).compactMap { $0["code"]?.stringValue }
        #expect(outerCodes == ["missing-date", "missing-subtitle", "mojibake"])
        #expect(innerCodes == ["missing-author", "missing-date", "missing-subtitle"])
        #expect(try await client.shutDown() == 0)
    }

    @Test func aChangedConfigurationIsReadAgainAndOpenDraftsAreCheckedAgain() async throws {
        let folder = try DraftFolder()
        try folder.write("rules:\n  missing-author: false\n", to: ".newsletterlint.yml")
        let uri = folder.uri("issue.md")
        let client = TestClient()
        try await client.initialize()
        client.open(uri, text: draft)
        #expect(await client.diagnostics(for: uri, version: 1).compactMap { $0["code"]?.stringValue } == ["missing-date", "missing-subtitle", "mojibake"])
        let configurationURI = try folder.write("rules:\n  missing-author: false\n  mojibake: false\n", to: ".newsletterlint.yml")
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(configurationURI), "type": 2]]])
        let after = await client.inbox.first { message in
            guard case .notification("textDocument/publishDiagnostics", let params?) = message, params["uri"] == .string(uri) else { return false }
            return params["diagnostics"]?.arrayValue?.count == 2
        }
        guard case .notification(_, let params?) = after else { Issue.record("the diagnostics expected were never published"); return }
        #expect(params["diagnostics"]?.arrayValue?.compactMap { $0["code"]?.stringValue } == ["missing-date", "missing-subtitle"])
        #expect(try await client.shutDown() == 0)
    }

    @Test func savingTheConfigurationInTheEditorReloadsIt() async throws {
        let folder = try DraftFolder()
        let uri = folder.uri("issue.md")
        let client = TestClient()
        try await client.initialize()
        client.open(uri, text: draft)
        #expect(await client.diagnostics(for: uri, version: 1).count == 4)
        let configurationURI = try folder.write("rules:\n  mojibake: false\n", to: ".newsletterlint.yml")
        client.open(configurationURI, text: "rules:\n  mojibake: false\n")
        client.notify("textDocument/didSave", ["textDocument": ["uri": .string(configurationURI)]])
        let after = await client.inbox.first { message in
            guard case .notification("textDocument/publishDiagnostics", let params?) = message, params["uri"] == .string(uri) else { return false }
            return params["diagnostics"]?.arrayValue?.count == 3
        }
        guard case .notification(_, let params?) = after else { Issue.record("the diagnostics expected were never published"); return }
        #expect(params["diagnostics"]?.arrayValue?.compactMap { $0["code"]?.stringValue } == ["missing-author", "missing-date", "missing-subtitle"])
        // The configuration file is not checked as a draft.
        #expect(client.publications(for: configurationURI).isEmpty)
        #expect(try await client.shutDown() == 0)
    }

    @Test func anInvalidConfigurationIsShownOnItsOwnFileAndItsDraftsAreNotChecked() async throws {
        let folder = try DraftFolder()
        let configurationURI = try folder.write("# settings\nrules:\n  mojibake:\n    severity: loud\n", to: ".newsletterlint.yml")
        let uri = folder.uri("issue.md")
        let client = TestClient()
        try await client.initialize()
        client.open(uri, text: draft)
        let onConfiguration = await client.diagnostics(for: configurationURI)
        #expect(onConfiguration.count == 1)
        #expect(onConfiguration.first?["severity"] == 1)
        #expect(onConfiguration.first?["code"] == "configuration")
        #expect(onConfiguration.first?["range"] == range(3, 14, 3, 14))
        let onDraft = await client.diagnostics(for: uri, version: 1)
        #expect(onDraft.count == 1)
        #expect(onDraft.first?["range"] == range(0, 0, 0, 0))
        let message = try #require(onDraft.first?["message"]?.stringValue)
        #expect(message.hasPrefix("not checked: \(folder.path)/.newsletterlint.yml:4:15: "))

        // Fixed: the configuration's diagnostics are cleared and the draft is checked.
        try folder.write("# settings\nrules:\n  mojibake:\n    severity: warning\n", to: ".newsletterlint.yml")
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(configurationURI), "type": 2]]])
        #expect(await client.inbox.first { message in
            guard case .notification("textDocument/publishDiagnostics", let params?) = message, params["uri"] == .string(configurationURI) else { return false }
            return params["diagnostics"] == []
        } == .notification(method: "textDocument/publishDiagnostics", params: ["uri": .string(configurationURI), "diagnostics": []]))
        let checked = await client.inbox.first { message in
            guard case .notification("textDocument/publishDiagnostics", let params?) = message, params["uri"] == .string(uri) else { return false }
            return params["diagnostics"]?.arrayValue?.count == 4
        }
        guard case .notification(_, let params?) = checked else { Issue.record("the diagnostics expected were never published"); return }
        #expect(params["diagnostics"]?.arrayValue?.first { $0["code"] == "mojibake" }?["severity"] == 2)
        #expect(try await client.shutDown() == 0)
    }
}

@Suite struct ConfigurationFileTests {
    @Test func anInvalidConfigurationOpenedInTheEditorIsShownWithoutAnyDraft() async throws {
        let folder = try DraftFolder()
        let configurationURI = try folder.write("rules:\n  mojibake: loud\n", to: ".newsletterlint.yml")
        let client = TestClient()
        try await client.initialize(capabilities: ["general": ["positionEncodings": ["utf-8"]]])
        client.open(configurationURI, text: "rules:\n  mojibake: loud\n")
        let diagnostics = await client.diagnostics(for: configurationURI)
        #expect(diagnostics.map { $0["range"] } == [range(1, 12, 1, 12)])
        #expect(diagnostics.first?["message"] == "expected a severity (error, warning, info) or true/false, not 'loud'")
        #expect(try await client.shutDown() == 0)
    }
}
