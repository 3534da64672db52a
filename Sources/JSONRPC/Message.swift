import Foundation

/// One JSON-RPC 2.0 message: a request (expects a response), a notification (does not), or a response.
///
/// ```swift
/// let message = try Message(json: Data(#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#.utf8)).get()
/// // .request(id: .number(1), method: "shutdown", params: nil)
/// let reply = Message.response(id: .number(1), result: .success(.null))
/// let bytes = MessageFraming.frame(reply)   // Content-Length header and JSON body
/// ```
public enum Message: Sendable, Hashable {
    /// A call that expects a response with the same id.
    case request(id: RequestID, method: String, params: JSONValue?)
    /// A call that expects no response.
    case notification(method: String, params: JSONValue?)
    /// The answer to a request; the id is `nil` only for errors about a message whose id could not be read.
    case response(id: RequestID?, result: Result<JSONValue, ResponseError>)

    /// Reads a message from its JSON body.
    ///
    /// Text that is not JSON fails with a parse error (-32700); JSON that is not a JSON-RPC 2.0 message (not an object,
    /// no `"jsonrpc": "2.0"`, a method that is not a string, an id that is neither a number nor a string, a batch)
    /// fails with an invalid request (-32600), carrying the id when one could be read so that the error can answer it.
    public static func decode(_ json: Data) -> Result<Message, InvalidMessage> {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: json)
        } catch {
            return .failure(InvalidMessage(id: nil, error: .parseError("the message is not valid JSON")))
        }
        return decode(value)
    }

    /// Reads a message from a JSON value; see ``decode(_:)-(Data)``.
    public static func decode(_ value: JSONValue) -> Result<Message, InvalidMessage> {
        guard let members = value.objectValue else {
            let what = value.arrayValue != nil ? "batches are not supported" : "a message must be a JSON object"
            return .failure(InvalidMessage(id: nil, error: .invalidRequest(what)))
        }
        var id: RequestID?
        if let rawID = members["id"], rawID != .null {
            guard let readID = RequestID(rawID) else {
                return .failure(InvalidMessage(id: nil, error: .invalidRequest("an id must be a number or a string")))
            }
            id = readID
        }
        guard members["jsonrpc"] == "2.0" else {
            return .failure(InvalidMessage(id: id, error: .invalidRequest(#"the message lacks "jsonrpc": "2.0""#)))
        }
        // `"params": null` is read as no parameters: JSON-RPC says to omit them, but some clients write null.
        var params = members["params"]
        if params == .null { params = Optional.none }
        if let params, params.objectValue == nil, params.arrayValue == nil {
            return .failure(InvalidMessage(id: id, error: .invalidRequest("params must be an object or an array")))
        }
        if let method = members["method"] {
            guard let name = method.stringValue else {
                return .failure(InvalidMessage(id: id, error: .invalidRequest("method must be a string")))
            }
            if let id { return .success(.request(id: id, method: name, params: params)) }
            return .success(.notification(method: name, params: params))
        }
        if let result = members["result"] {
            return .success(.response(id: id, result: .success(result)))
        }
        if let error = members["error"] {
            guard let code = error["code"]?.integerValue, let message = error["message"]?.stringValue else {
                return .failure(InvalidMessage(id: id, error: .invalidRequest("an error needs an integer code and a message")))
            }
            return .success(.response(id: id, result: .failure(ResponseError(code: code, message: message, data: error["data"]))))
        }
        return .failure(InvalidMessage(id: id, error: .invalidRequest("the message has neither a method, a result nor an error")))
    }

    /// The message as a JSON value.
    public var json: JSONValue {
        var members: [String: JSONValue] = ["jsonrpc": "2.0"]
        switch self {
        case .request(let id, let method, let params):
            members["id"] = id.json
            members["method"] = .string(method)
            if let params { members["params"] = params }
        case .notification(let method, let params):
            members["method"] = .string(method)
            if let params { members["params"] = params }
        case .response(let id, let result):
            members["id"] = id?.json ?? .null
            switch result {
            case .success(let value): members["result"] = value
            case .failure(let error): members["error"] = error.json
            }
        }
        return .object(members)
    }

    /// The message's JSON body, without framing: compact, keys sorted, non-finite numbers as `null`.
    public func encoded() -> Data {
        Data(JSONWriter.bytes(of: json))
    }
}

/// A message that could not be read, with the error to answer it with.
public struct InvalidMessage: Error, Sendable, Hashable {
    /// The id of the request, when it could be read, so that the error response answers it.
    public var id: RequestID?
    /// The error: parse error or invalid request.
    public var error: ResponseError

    /// Creates the description of an unreadable message.
    public init(id: RequestID?, error: ResponseError) {
        self.id = id
        self.error = error
    }

    /// The error response to send.
    public var response: Message { .response(id: id, result: .failure(error)) }
}
