/// The error of a failed request: a code, a message for people, and optional data.
///
/// The standard codes of JSON-RPC 2.0 and the Language Server Protocol are constants here.
public struct ResponseError: Error, Sendable, Hashable {
    /// The error code; see the constants.
    public var code: Int
    /// A short description.
    public var message: String
    /// More about the error, if anything.
    public var data: JSONValue?

    /// Creates an error.
    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// -32700: the message is not JSON.
    public static let parseErrorCode = -32700
    /// -32600: the JSON is not a valid request, notification or response.
    public static let invalidRequestCode = -32600
    /// -32601: no such method.
    public static let methodNotFoundCode = -32601
    /// -32602: the parameters are missing or have the wrong shape.
    public static let invalidParamsCode = -32602
    /// -32603: the server failed.
    public static let internalErrorCode = -32603
    /// -32002 (LSP): a request came before `initialize`.
    public static let serverNotInitializedCode = -32002
    /// -32800 (LSP): the client cancelled the request.
    public static let requestCancelledCode = -32800

    /// A parse error (-32700).
    public static func parseError(_ message: String) -> ResponseError { ResponseError(code: parseErrorCode, message: message) }
    /// An invalid request (-32600).
    public static func invalidRequest(_ message: String) -> ResponseError { ResponseError(code: invalidRequestCode, message: message) }
    /// A method that does not exist (-32601).
    public static func methodNotFound(_ method: String) -> ResponseError {
        ResponseError(code: methodNotFoundCode, message: "method not found: \(method)")
    }
    /// Invalid parameters (-32602).
    public static func invalidParams(_ message: String) -> ResponseError { ResponseError(code: invalidParamsCode, message: message) }
    /// An internal error (-32603).
    public static func internalError(_ message: String) -> ResponseError { ResponseError(code: internalErrorCode, message: message) }
    /// A request before initialisation (-32002).
    public static let serverNotInitialized = ResponseError(code: serverNotInitializedCode, message: "the server is not initialized")
    /// A cancelled request (-32800).
    public static let requestCancelled = ResponseError(code: requestCancelledCode, message: "the request was cancelled")

    /// The error as the `error` member of a response.
    public var json: JSONValue {
        var members: [String: JSONValue] = ["code": .integer(code), "message": .string(message)]
        if let data { members["data"] = data }
        return .object(members)
    }
}
