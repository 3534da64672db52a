import Foundation
import JSONRPC
import Testing

@Suite struct MessageTests {
    private func decode(_ json: String) -> Result<Message, InvalidMessage> {
        Message.decode(Data(json.utf8))
    }

    @Test func requestsNotificationsAndResponsesAreRead() throws {
        #expect(try decode(#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#).get() == .request(id: .number(7), method: "shutdown", params: nil))
        #expect(
            try decode(#"{"jsonrpc":"2.0","id":"a-1","method":"m","params":{"x":[1,2.5,true,null,"s"]}}"#).get()
                == .request(id: .string("a-1"), method: "m", params: ["x": [1, .number(2.5), true, nil, "s"]])
        )
        #expect(try decode(#"{"jsonrpc":"2.0","method":"exit"}"#).get() == .notification(method: "exit", params: nil))
        #expect(try decode(#"{"jsonrpc":"2.0","id":2,"method":"shutdown","params":null}"#).get() == .request(id: .number(2), method: "shutdown", params: nil))
        #expect(try decode(#"{"jsonrpc":"2.0","id":3,"result":null}"#).get() == .response(id: .number(3), result: .success(.null)))
        #expect(
            try decode(#"{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"no"}}"#).get()
                == .response(id: .number(3), result: .failure(ResponseError(code: -32601, message: "no")))
        )
    }

    @Test(arguments: [
        ("{", nil, -32700),
        ("", nil, -32700),
        ("\u{FF}", nil, -32700),
        ("[1,2]", nil, -32600),
        ("42", nil, -32600),
        (#"{"id":1,"method":"m"}"#, RequestID.number(1), -32600),
        (#"{"jsonrpc":"1.0","id":"x","method":"m"}"#, RequestID.string("x"), -32600),
        (#"{"jsonrpc":"2.0","id":1,"method":5}"#, RequestID.number(1), -32600),
        (#"{"jsonrpc":"2.0","id":{"a":1},"method":"m"}"#, nil, -32600),
        (#"{"jsonrpc":"2.0","id":1,"method":"m","params":3}"#, RequestID.number(1), -32600),
        (#"{"jsonrpc":"2.0","id":1}"#, RequestID.number(1), -32600),
    ])
    func badMessagesGiveTheErrorToAnswerWith(json: String, id: RequestID?, code: Int) {
        guard case .failure(let invalid) = decode(json) else {
            Issue.record("\(json) was read as a message")
            return
        }
        #expect(invalid.id == id)
        #expect(invalid.error.code == code)
    }

    @Test func messagesRoundTripThroughTheirEncoding() throws {
        let messages: [Message] = [
            .request(id: .number(1), method: "initialize", params: ["capabilities": [:], "rootUri": nil]),
            .request(id: .string("z"), method: "m", params: [1, "two"]),
            .notification(method: "textDocument/didOpen", params: ["textDocument": ["text": "😀 é\n\u{0}\"\\/"]]),
            .response(id: .number(9), result: .success(["a": [true, false]])),
            .response(id: nil, result: .failure(.parseError("bad"))),
            .response(id: .string("q"), result: .failure(ResponseError(code: -32800, message: "cancelled", data: ["why": "user"]))),
        ]
        for message in messages {
            #expect(try Message.decode(message.encoded()).get() == message)
        }
    }

    @Test func anErrorResponseWithoutAnIdCarriesNull() {
        let json = String(decoding: Message.response(id: nil, result: .failure(.parseError("bad"))).encoded(), as: UTF8.self)
        #expect(json == #"{"error":{"code":-32700,"message":"bad"},"id":null,"jsonrpc":"2.0"}"#)
    }

    @Test func stringsAreEscapedAsJSONRequiresAndNonFiniteNumbersAreNull() {
        let message = Message.notification(method: "m", params: ["s": "a\"b\\c/d\n\r\t\u{1}\u{1F}é😀", "n": [.number(.infinity), .number(.nan), .number(2.5), -7]])
        let json = String(decoding: message.encoded(), as: UTF8.self)
        #expect(json == #"{"jsonrpc":"2.0","method":"m","params":{"n":[null,null,2.5,-7],"s":"a\"b\\c/d\n\r\t\u0001\u001fé😀"}}"#)
    }

    @Test func standardCodesHaveTheirValues() {
        let codes: [Int] = [
            ResponseError.parseErrorCode, ResponseError.invalidRequestCode, ResponseError.methodNotFoundCode, ResponseError.invalidParamsCode,
            ResponseError.internalErrorCode, ResponseError.requestCancelledCode, ResponseError.serverNotInitializedCode,
        ]
        #expect(codes == [-32700, -32600, -32601, -32602, -32603, -32800, -32002])
        #expect(ResponseError.methodNotFound("x/y").message == "method not found: x/y")
    }

    @Test func deeplyNestedJSONIsAnErrorNotACrash() {
        let nested = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        guard case .failure(let invalid) = decode(#"{"jsonrpc":"2.0","id":1,"method":"m","params":"# + nested + "}") else {
            Issue.record("100,000 nested arrays were read")
            return
        }
        #expect(invalid.error.code == -32700)
    }

    @Test func integersStayIntegersAndFractionsStayNumbers() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data("[0, -3, 2.5, 9007199254740993]".utf8))
        #expect(value == [0, -3, .number(2.5), 9007199254740993])
    }
}
