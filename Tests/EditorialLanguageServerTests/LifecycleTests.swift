import EditorialLanguageServer
import Foundation
import JSONRPC
import Testing

@Suite struct LifecycleTests {
    @Test func initializeAnswersCapabilitiesAndExitAfterShutdownIsZero() async throws {
        let client = TestClient()
        let result = try await client.initialize()
        #expect(result["capabilities"]?["textDocumentSync"] == ["openClose": true, "change": 2, "save": ["includeText": false]])
        #expect(result["capabilities"]?["codeActionProvider"]?["codeActionKinds"] == ["quickfix", "source.fixAll.editorial-check"])
        #expect(result["capabilities"]?["positionEncoding"] == "utf-16")
        #expect(result["offsetEncoding"] == "utf-16")
        #expect(result["serverInfo"]?["name"] == "editorial-check")
        #expect(try await client.shutDown() == 0)
    }

    @Test func exitWithoutShutdownIsOne() async throws {
        let client = TestClient()
        try await client.initialize()
        client.notify("exit")
        #expect(await client.finished.value == 1)
    }

    @Test func theEndOfInputWithoutExitIsOne() async throws {
        let client = TestClient()
        try await client.initialize()
        client.endInput()
        #expect(await client.finished.value == 1)
    }

    @Test func requestsBeforeInitializeFailWithServerNotInitialized() async throws {
        let client = TestClient()
        let result = await client.request("textDocument/codeAction", ["textDocument": ["uri": "file:///a.md"]])
        #expect(result == .failure(.serverNotInitialized))
        try await client.initialize()
        #expect(try await client.shutDown() == 0)
    }

    @Test func unknownMethodsFailAndUnknownNotificationsAreIgnored() async throws {
        let client = TestClient()
        try await client.initialize()
        client.notify("$/somethingNew", ["x": 1])
        client.notify("workspace/didChangeWorkspaceFolders", [:])
        let result = await client.request("textDocument/hover", ["textDocument": ["uri": "file:///a.md"], "position": position(0, 0)])
        #expect(result == .failure(ResponseError(code: -32601, message: "method not found: textDocument/hover")))
        #expect(client.inbox.messages.count == 2)
        #expect(try await client.shutDown() == 0)
    }

    @Test func requestsAfterShutdownAreInvalid() async throws {
        let client = TestClient()
        try await client.initialize()
        _ = try await client.request("shutdown").get()
        let result = await client.request("textDocument/codeAction", [:])
        #expect((try? result.get()) == nil)
        #expect(errorCode(result) == -32600)
        client.notify("exit")
        #expect(await client.finished.value == 0)
    }

    @Test func aSecondInitializeIsInvalid() async throws {
        let client = TestClient()
        try await client.initialize()
        #expect(errorCode(await client.request("initialize", ["capabilities": [:]])) == -32600)
        #expect(try await client.shutDown() == 0)
    }

    @Test(arguments: [
        ([:] as JSONValue, "utf-16"),
        (["general": ["positionEncodings": ["utf-8", "utf-16"]]] as JSONValue, "utf-8"),
        (["general": ["positionEncodings": ["utf-32"]]] as JSONValue, "utf-32"),
        (["general": ["positionEncodings": ["utf-7", "utf-16"]]] as JSONValue, "utf-16"),
        (["offsetEncoding": ["utf-8", "utf-16"]] as JSONValue, "utf-8"),
    ])
    func thePositionEncodingIsTheClientsFirstKnownChoice(capabilities: JSONValue, expected: String) async throws {
        let client = TestClient()
        let result = try await client.initialize(capabilities: capabilities)
        #expect(result["capabilities"]?["positionEncoding"] == .string(expected))
        #expect(result["offsetEncoding"] == .string(expected))
        #expect(try await client.shutDown() == 0)
    }

    @Test func aClientThatWatchesFilesIsAskedToWatchConfigurationFiles() async throws {
        let client = TestClient()
        try await client.initialize(capabilities: ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]])
        let registration = await client.inbox.first { if case .request(_, "client/registerCapability", _) = $0 { true } else { false } }
        // Sent after the `initialize` result, never before it.
        #expect(client.inbox.messages.firstIndex { if case .response(.number(1), _) = $0 { true } else { false } } == 0)
        guard case .request(let id, _, let params) = registration else { Issue.record("no client/registerCapability request was sent"); return }
        #expect(params?["registrations"]?.arrayValue?.first?["registerOptions"]?["watchers"] == [["globPattern": "**/.newsletterlint.yml"]])
        client.write([.response(id: id, result: .success(.null))])
        #expect(try await client.shutDown() == 0)
    }
}
