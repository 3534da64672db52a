import Benchmark
import EditorialLanguageServer
import ExportShapedDrafts
import JSONRPC
import NewsletterKit
import Synchronization

/// Keystroke-to-diagnostics latency of the language server on a ~1 MB export-shaped draft (``ExportShapedDrafts``),
/// in one run with its baseline: each iteration of the server benchmark types one character (an incremental
/// `didChange` in the middle of the draft) and waits for the diagnostics of that version; the baseline decodes and
/// checks the same text in process, as `editorial-check check --offline` does for one file. The server runs with
/// no debounce here, so the figures are its own work (framing, JSON, applying the change, checking, positions in
/// UTF-16, the notification); an editor adds the debounce (150 ms by default) on top.
let benchmarks: @Sendable () -> Void = {
    let text = ExportShapedDrafts.draft(seed: 19, bytes: 1_000_000)
    let uri = "file:///benchmark/export-shaped.md"
    let lint = NewsletterLint()

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        maxDuration: .seconds(20),
        maxIterations: 60
    )

    Benchmark("baseline: decode + check (all offline rules), export-shaped \(text.utf8.count) bytes") { benchmark in
        let source = SourceText(text, path: "/benchmark/export-shaped.md")
        for _ in benchmark.scaledIterations {
            blackHole(try lint.check(source))
        }
    }

    // One server for every sample: opening the draft (decoding a 1 MB JSON string, the first check) is not a keystroke.
    let session = ServerUnderLoad(text: text, uri: uri)
    let middle = SourceText(text).location(atUTF8Offset: text.utf8.count / 2).line - 1
    Benchmark("language server: keystroke to diagnostics, export-shaped \(text.utf8.count) bytes") { benchmark in
        await session.startOnce()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            await session.type("x", line: middle)
        }
        benchmark.stopMeasurement()
    }
}

/// A language server in process, fed frames through a stream, its published diagnostics awaited by version; it runs
/// until the benchmark process ends.
final class ServerUnderLoad: Sendable {
    private let input: AsyncStream<[UInt8]>.Continuation
    private let stream: AsyncStream<[UInt8]>
    private let text: String
    private let uri: String
    private let waiting = Mutex<(published: Set<Int>, waiters: [Int: CheckedContinuation<Void, Never>])>(([], [:]))
    private let running = Mutex<Task<Int32, Never>?>(nil)
    private let versions = Mutex(1)

    init(text: String, uri: String) {
        (stream, input) = AsyncStream<[UInt8]>.makeStream()
        self.text = text
        self.uri = uri
    }

    /// Starts the server and opens the draft, the first time only.
    func startOnce() async {
        guard running.withLock({ $0 == nil }) else { return }
        let server = LanguageServer(formats: .standard, rules: .builtIn, options: LanguageServerOptions(debounce: .zero, log: { _ in }))
        let stream = stream
        running.withLock { $0 = Task { await server.run(input: stream, output: { self.receive($0) }) } }
        send(.request(id: .number(1), method: "initialize", params: ["capabilities": [:]]))
        send(.notification(method: "initialized", params: [:]))
        send(.notification(method: "textDocument/didOpen", params: [
            "textDocument": ["uri": .string(uri), "languageId": "markdown", "version": 1, "text": .string(text)],
        ]))
        await published(version: 1)
    }

    /// Types `character` at the start of `line` as the next version, and waits for that version's diagnostics.
    func type(_ character: String, line: Int) async {
        let version = versions.withLock { $0 += 1; return $0 }
        let position: JSONValue = ["line": .integer(line), "character": 0]
        send(.notification(method: "textDocument/didChange", params: [
            "textDocument": ["uri": .string(uri), "version": .integer(version)],
            "contentChanges": [["range": ["start": position, "end": position], "text": .string(character)]],
        ]))
        await published(version: version)
    }

    private func send(_ message: Message) {
        input.yield(Array(MessageFraming.frame(message)))
    }

    private func receive(_ message: Message) {
        guard case .notification("textDocument/publishDiagnostics", let params?) = message, let version = params["version"]?.integerValue else { return }
        let waiter = waiting.withLock { state in
            state.published.insert(version)
            return state.waiters.removeValue(forKey: version)
        }
        waiter?.resume()
    }

    private func published(version: Int) async {
        await withCheckedContinuation { continuation in
            let done = waiting.withLock { state in
                if state.published.contains(version) { return true }
                state.waiters[version] = continuation
                return false
            }
            if done { continuation.resume() }
        }
    }
}
