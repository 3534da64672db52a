import EditorialChecks
import EditorialLanguageServer
import Foundation
import JSONRPC
import NewsletterKit
import Synchronization
import Testing

/// Everything the server wrote, in order, with waiters for what has not come yet.
final class Inbox: Sendable {
    private struct Waiter {
        var id: Int
        var predicate: @Sendable (Message) -> Bool
        var continuation: CheckedContinuation<Message, Never>
    }

    private struct State {
        var messages: [Message] = []
        var waiters: [Waiter] = []
        var nextWaiter = 0
    }

    /// What a wait that ran out of time returns, so that a test waiting for a message that never comes fails instead
    /// of hanging.
    static let nothing = Message.notification(method: "test/nothing-came", params: nil)
    private let state = Mutex(State())

    func receive(_ message: Message) {
        let ready = state.withLock { state -> [CheckedContinuation<Message, Never>] in
            state.messages.append(message)
            var ready: [CheckedContinuation<Message, Never>] = []
            state.waiters.removeAll { waiter in
                guard waiter.predicate(message) else { return false }
                ready.append(waiter.continuation)
                return true
            }
            return ready
        }
        for continuation in ready { continuation.resume(returning: message) }
    }

    var messages: [Message] { state.withLock { $0.messages } }

    /// The first message (already received or still to come) that `predicate` accepts; after a minute without one,
    /// a recorded issue and ``nothing``.
    func first(
        where predicate: @escaping @Sendable (Message) -> Bool, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async -> Message {
        await withCheckedContinuation { continuation in
            let waiter = state.withLock { state -> Int? in
                if let found = state.messages.first(where: predicate) {
                    continuation.resume(returning: found)
                    return nil
                }
                state.nextWaiter += 1
                state.waiters.append(Waiter(id: state.nextWaiter, predicate: predicate, continuation: continuation))
                return state.nextWaiter
            }
            guard let waiter else { return }
            Task {
                try? await Task.sleep(for: .seconds(60))
                let expired = self.state.withLock { state -> CheckedContinuation<Message, Never>? in
                    guard let index = state.waiters.firstIndex(where: { $0.id == waiter }) else { return nil }
                    return state.waiters.remove(at: index).continuation
                }
                guard let expired else { return }
                Issue.record("the expected message did not come", sourceLocation: sourceLocation)
                expired.resume(returning: Self.nothing)
            }
        }
    }
}

/// A client driving a ``LanguageServer`` in process: frames written into its input, messages read from its output.
final class TestClient: Sendable {
    let inbox = Inbox()
    private let input: AsyncStream<[UInt8]>.Continuation
    let finished: Task<Int32, Never>
    private let ids = Mutex(0)

    init(
        formats: FormatRegistry = .standard,
        rules: RuleRegistry = .builtIn,
        options: LanguageServerOptions = LanguageServerOptions(debounce: .milliseconds(5), log: { _ in })
    ) {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream()
        input = continuation
        let inbox = inbox
        let server = LanguageServer(formats: formats, rules: rules, options: options)
        finished = Task { await server.run(input: stream, output: { inbox.receive($0) }) }
    }

    func write(_ bytes: [UInt8]) { input.yield(bytes) }
    func write(_ messages: [Message]) { input.yield(messages.flatMap { Array(MessageFraming.frame($0)) }) }
    func endInput() { input.finish() }

    func nextID() -> RequestID { .number(ids.withLock { $0 += 1; return $0 }) }

    /// Sends a request and waits for its response.
    func request(_ method: String, _ params: JSONValue? = nil) async -> Result<JSONValue, ResponseError> {
        let id = nextID()
        write([.request(id: id, method: method, params: params)])
        return await response(to: id)
    }

    func response(to id: RequestID) async -> Result<JSONValue, ResponseError> {
        let message = await inbox.first { if case .response(id, _) = $0 { true } else { false } }
        guard case .response(_, let result) = message else { fatalError("not a response") }
        return result
    }

    func notify(_ method: String, _ params: JSONValue? = nil) {
        write([.notification(method: method, params: params)])
    }

    /// Sends `initialize` (with `capabilities`) and `initialized`; returns the result.
    @discardableResult
    func initialize(capabilities: JSONValue = [:], initializationOptions: JSONValue? = nil) async throws -> JSONValue {
        var params: [String: JSONValue] = ["processId": nil, "rootUri": nil, "capabilities": capabilities]
        if let initializationOptions { params["initializationOptions"] = initializationOptions }
        let result = try await request("initialize", .object(params)).get()
        notify("initialized", [:])
        return result
    }

    func open(_ uri: String, text: String, version: Int = 1) {
        notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "markdown", "version": .integer(version), "text": .string(text)]])
    }

    func change(_ uri: String, version: Int, range: JSONValue? = nil, text: String) {
        var change: [String: JSONValue] = ["text": .string(text)]
        if let range { change["range"] = range }
        notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .integer(version)], "contentChanges": [.object(change)]])
    }

    /// The diagnostics published for `uri` at `version` (the first such publication).
    func diagnostics(for uri: String, version: Int? = nil) async -> [JSONValue] {
        let message = await inbox.first { message in
            guard case .notification("textDocument/publishDiagnostics", let params?) = message, params["uri"]?.stringValue == uri else { return false }
            return version == nil || params["version"]?.integerValue == version
        }
        guard case .notification(_, let params?) = message else { return [] }
        return params["diagnostics"]?.arrayValue ?? []
    }

    /// Every publication for `uri` so far, as (version, diagnostics).
    func publications(for uri: String) -> [(version: Int?, diagnostics: [JSONValue])] {
        inbox.messages.compactMap { message in
            guard case .notification("textDocument/publishDiagnostics", let params?) = message, params["uri"]?.stringValue == uri else { return nil }
            return (params["version"]?.integerValue, params["diagnostics"]?.arrayValue ?? [])
        }
    }

    /// Shuts down and exits; returns the exit status.
    func shutDown() async throws -> Int32 {
        _ = try await request("shutdown").get()
        notify("exit")
        return await finished.value
    }
}

/// LSP positions and ranges written briefly.
func position(_ line: Int, _ character: Int) -> JSONValue { ["line": .integer(line), "character": .integer(character)] }
func range(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int) -> JSONValue {
    ["start": position(startLine, startCharacter), "end": position(endLine, endCharacter)]
}

/// Applies a `WorkspaceEdit`'s edits for `uri` to `text`, as an editor would (positions in `unit`).
func apply(_ edit: JSONValue?, uri: String, to text: String, unit: ColumnUnit = .utf16) -> String {
    let source = SourceText(text)
    func offset(_ position: JSONValue?) -> Int {
        source.location(line: (position?["line"]?.integerValue ?? 0) + 1, column: (position?["character"]?.integerValue ?? 0) + 1, in: unit).offset
    }
    let edits = (edit?["changes"]?[uri]?.arrayValue ?? []).map { edit in
        (range: offset(edit["range"]?["start"])..<offset(edit["range"]?["end"]), text: edit["newText"]?.stringValue ?? "")
    }
    var bytes = Array(text.utf8)
    for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
        bytes.replaceSubrange(edit.range, with: Array(edit.text.utf8))
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// The protocol's JSON values (the JSON adapter's own, visible to the package's tests, has the same name).
typealias JSONValue = JSONRPC.JSONValue

/// The error code of a failed response; `nil` for a success.
func errorCode(_ result: Result<JSONValue, ResponseError>) -> Int? {
    if case .failure(let error) = result { return error.code }
    return nil
}
