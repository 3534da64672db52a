import EditorialLanguageServer
import Foundation
import JSONRPC
import Testing

@Suite struct ProtocolErrorTests {
    private func frame(_ body: String) -> [UInt8] { Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8) }

    @Test func malformedJSONIsAnsweredWithAParseErrorAndTheServerGoesOn() async throws {
        let client = TestClient()
        try await client.initialize()
        client.write(frame(#"{"jsonrpc":"2.0","id":5,"method":"#))
        let error = await client.inbox.first { if case .response(nil, .failure) = $0 { true } else { false } }
        #expect(error == .response(id: nil, result: .failure(.parseError("the message is not valid JSON"))))
        client.write(frame(#"{"jsonrpc":"2.0","id":"k","params":{}}"#))
        #expect(errorCode(await client.response(to: .string("k"))) == -32600)
        #expect(try await client.shutDown() == 0)
    }

    @Test func badFramingIsAnsweredAndTheNextFrameIsRead() async throws {
        let client = TestClient()
        try await client.initialize()
        client.write(Array("Content-Length: lots\r\n\r\n".utf8) + frame(#"{"jsonrpc":"2.0","id":"after","method":"nothing/here"}"#))
        #expect(errorCode(await client.response(to: .string("after"))) == -32601)
        #expect(client.inbox.messages.contains(.response(id: nil, result: .failure(.invalidRequest("invalid message header: Content-Length 'lots' is not a length")))))
        #expect(try await client.shutDown() == 0)
    }

    @Test func anOversizedMessageIsSkippedAndSaidSo() async throws {
        let options = LanguageServerOptions(debounce: .milliseconds(5), framing: FramingLimits(maximumHeaderSize: 256, maximumMessageSize: 1000), log: { _ in })
        let client = TestClient(options: options)
        try await client.initialize()
        client.open("file:///tmp/huge.md", text: String(repeating: "a", count: 5000))
        let shown = await client.inbox.first { if case .notification("window/showMessage", _) = $0 { true } else { false } }
        guard case .notification(_, let params?) = shown else { Issue.record("no window/showMessage was sent"); return }
        #expect(params["message"]?.stringValue?.hasSuffix("is larger than the limit of 1000 bytes") == true)
        #expect(try await client.shutDown() == 0)
        #expect(client.publications(for: "file:///tmp/huge.md").isEmpty)
    }
}
