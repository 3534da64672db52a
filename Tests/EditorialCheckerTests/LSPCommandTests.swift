import Foundation
import JSONRPC
import Testing

/// `editorial-check lsp` as editors start it: frames on standard input, nothing but frames on standard output.
@Suite struct LSPCommandTests {
    private func frames(_ messages: [Message]) -> Data {
        messages.reduce(into: Data()) { $0.append(MessageFraming.frame($1)) }
    }

    private func messages(in output: Data) throws -> [Message] {
        var reader = FrameReader()
        reader.append(output)
        var messages: [Message] = []
        while let frame = try reader.nextFrame() { messages.append(try Message.decode(frame).get()) }
        #expect(reader.bufferedByteCount == 0, "standard output holds bytes that are not frames")
        return messages
    }

    @Test func theBuiltServerAnswersInFramesAndExitsZeroAfterShutdown() throws {
        let folder = try FixtureFolder()
        var input = frames([
            .request(id: .number(1), method: "initialize", params: ["capabilities": [:]]),
            .notification(method: "initialized", params: [:]),
        ])
        input.append(MessageFraming.frame(body: Data("{not json".utf8)))
        input.append(frames([.request(id: .number(2), method: "shutdown", params: nil), .notification(method: "exit", params: nil)]))
        let result = try folder.run("lsp", input: input)
        #expect(result.status == 0, "\(result.errors)")
        let answers = try messages(in: result.standardOutput)
        #expect(answers.count == 3)
        guard answers.count == 3, case .response(.number(1), .success(let initialized)) = answers[0] else {
            Issue.record("the first answer is not the initialize result: \(answers)")
            return
        }
        #expect(initialized["serverInfo"]?["name"] == "editorial-check")
        #expect(initialized["capabilities"]?["textDocumentSync"]?["change"] == 2)
        #expect(answers[1] == .response(id: nil, result: .failure(.parseError("the message is not valid JSON"))))
        #expect(answers[2] == .response(id: .number(2), result: .success(.null)))
        #expect(result.errors.contains("invalid message: the message is not valid JSON"))
    }

    @Test func inputThatEndsWithoutExitIsStatusOne() throws {
        let folder = try FixtureFolder()
        let result = try folder.run("lsp", input: frames([.request(id: .number(1), method: "initialize", params: ["capabilities": [:]])]))
        #expect(result.status == 1)
        #expect(try messages(in: result.standardOutput).count == 1)
    }
}
