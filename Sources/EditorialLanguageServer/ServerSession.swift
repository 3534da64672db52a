import EditorialChecks
import Foundation
import JSONRPC
import LinkCheckRules
import NewsletterCore

/// The state of one connection to one client, and every message's handling.
///
/// Messages are handled in the order they arrive, each to its end before the next (an actor, and no handler waits
/// on anything but itself), so a change is always applied before a later request reads the text. Work that takes
/// time runs outside: checks (debounced, at most one per document at a time, a result published only for the
/// version it was made from), code actions (cancellable), and link checks on save.
actor ServerSession {
    private enum Phase { case waiting, running, shutDown }

    private struct DocumentState {
        var document: OpenDocument
        var debounce: Task<Void, Never>?
        var isChecking = false
        var needsCheck = false
        /// The latest offline diagnostics published, with the version they are for.
        var published: DraftAnalysis?
        /// The link check results for a saved version, published with the offline ones while that version is current.
        var linkDiagnostics: (version: Int, diagnostics: [Diagnostic])?
        /// Whether the editor was told (`window/showMessage`) that the draft is too large to check, so it is told once.
        var toldTooLarge = false
    }

    private let analyzer: DraftAnalyzer
    private let options: LanguageServerOptions
    private let send: @Sendable (Message) -> Void
    private var phase = Phase.waiting
    private var encoding = PositionEncoding.utf16
    private var linkChecks = false
    private var configurations: ConfigurationStore
    private var documents: [String: DocumentState] = [:]
    /// The diagnostics published on each configuration file with problems, so that a change or a fix is published.
    private var configurationProblems: [String: [JSONValue]] = [:]
    private var requests: [RequestID: Task<Void, Never>] = [:]
    private var nextServerRequest = 0
    /// Whether the client accepts `client/registerCapability` for `workspace/didChangeWatchedFiles`.
    private var clientRegistersWatchers = false
    /// Set by `exit`: the exit status (0 after `shutdown`, 1 without).
    private(set) var exitStatus: Int32?

    init(analyzer: DraftAnalyzer, options: LanguageServerOptions, send: @escaping @Sendable (Message) -> Void) {
        self.analyzer = analyzer
        self.options = options
        self.send = send
        self.configurations = ConfigurationStore(rules: analyzer.rules)
    }

    // MARK: Input

    /// Handles the messages read together; a `$/cancelRequest` among them cancels a request read with it before the
    /// request starts.
    func receive(_ batch: [Result<Message, InvalidMessage>]) {
        var cancelled = Set<RequestID>()
        for case .success(.notification("$/cancelRequest", let params)) in batch {
            if let raw = params?["id"], let id = RequestID(raw) { cancelled.insert(id) }
        }
        for item in batch where exitStatus == nil {
            switch item {
            case .failure(let invalid):
                options.log("invalid message: \(invalid.error.message)")
                send(invalid.response)
            case .success(.request(let id, let method, _)) where cancelled.contains(id) && phase == .running:
                options.log("request \(id) (\(method)) cancelled before it started")
                send(.response(id: id, result: .failure(.requestCancelled)))
            case .success(let message):
                handle(message)
            }
        }
    }

    /// A framing error: logged, and said to the client, whose message was skipped.
    func receive(_ error: FramingError) {
        options.log(error.description)
        send(.response(id: nil, result: .failure(.invalidRequest(error.description))))
        if case .messageTooLarge = error {
            showMessage(type: 1, "editorial-check skipped a message: \(error.description)")
        }
    }

    /// The input ended without `exit`.
    func inputEnded() {
        if exitStatus == nil { exitStatus = phase == .shutDown ? 0 : 1 }
        stopWork()
    }

    private func handle(_ message: Message) {
        switch message {
        case .request(let id, let method, let params):
            handleRequest(id: id, method: method, params: params)
        case .notification(let method, let params):
            handleNotification(method: method, params: params)
        case .response(let id, let result):
            if case .failure(let error) = result { options.log("the client answered request \(id?.description ?? "null") with error \(error.code): \(error.message)") }
        }
    }

    private func handleRequest(id: RequestID, method: String, params: JSONValue?) {
        switch (phase, method) {
        case (.waiting, "initialize"):
            send(.response(id: id, result: .success(initialize(params))))
        case (.waiting, _):
            send(.response(id: id, result: .failure(.serverNotInitialized)))
        case (.shutDown, _):
            send(.response(id: id, result: .failure(.invalidRequest("the server is shut down; only exit is accepted"))))
        case (.running, "initialize"):
            send(.response(id: id, result: .failure(.invalidRequest("initialize was already received"))))
        case (.running, "shutdown"):
            phase = .shutDown
            stopWork()
            send(.response(id: id, result: .success(.null)))
        case (.running, "textDocument/codeAction"):
            codeActions(id: id, params: params)
        case (.running, _):
            send(.response(id: id, result: .failure(.methodNotFound(method))))
        }
    }

    private func handleNotification(method: String, params: JSONValue?) {
        if method == "exit" {
            exitStatus = phase == .shutDown ? 0 : 1
            stopWork()
            return
        }
        guard phase == .running else { return }
        switch method {
        case "initialized":
            // Not before: a server may send requests only once the client has its `initialize` result.
            if clientRegistersWatchers { watchConfigurationFiles() }
        case "$/cancelRequest":
            if let raw = params?["id"], let id = RequestID(raw) { requests[id]?.cancel() }
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didSave": didSave(params)
        case "textDocument/didClose": didClose(params)
        case "workspace/didChangeWatchedFiles":
            let uris = params?["changes"]?.arrayValue?.compactMap { $0["uri"]?.stringValue } ?? []
            if uris.contains(where: { OpenDocument.path(ofURI: $0).map(ConfigurationStore.isConfigurationFile) ?? false }) {
                reloadConfigurations()
            }
        case "workspace/didChangeConfiguration":
            if let enabled = params?["settings"]?["editorialCheck"]?["linkChecks"]?.boolValue { linkChecks = enabled }
        default:
            break
        }
    }

    // MARK: Lifecycle

    private func initialize(_ params: JSONValue?) -> JSONValue {
        phase = .running
        let capabilities = params?["capabilities"]
        encoding = PositionEncoding.negotiated(capabilities: capabilities)
        linkChecks = params?["initializationOptions"]?["editorialCheck"]?["linkChecks"]?.boolValue ?? false
        clientRegistersWatchers = capabilities?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue == true
        return [
            "capabilities": [
                "positionEncoding": .string(encoding.rawValue),
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "codeActionProvider": ["codeActionKinds": [.string(CodeActions.quickFixKind), .string(CodeActions.fixAllKind)]],
            ],
            "offsetEncoding": .string(encoding.rawValue),
            "serverInfo": ["name": .string(options.name), "version": .string(options.version)],
        ]
    }

    /// Asks the client to report changes of configuration files (`workspace/didChangeWatchedFiles`).
    private func watchConfigurationFiles() {
        nextServerRequest += 1
        let registration: JSONValue = [
            "id": "editorial-check-configuration-files",
            "method": "workspace/didChangeWatchedFiles",
            "registerOptions": ["watchers": [["globPattern": .string("**/" + LintConfiguration.fileName)]]],
        ]
        send(.request(id: .string("editorial-check-\(nextServerRequest)"), method: "client/registerCapability", params: ["registrations": [registration]]))
    }

    /// Cancels the work in flight; requests still running are answered as cancelled.
    private func stopWork() {
        for (id, task) in requests {
            task.cancel()
            send(.response(id: id, result: .failure(.requestCancelled)))
        }
        requests.removeAll()
        for uri in documents.keys { documents[uri]?.debounce?.cancel() }
    }

    // MARK: Documents

    private func didOpen(_ params: JSONValue?) {
        guard let item = params?["textDocument"], let uri = item["uri"]?.stringValue, let text = item["text"]?.stringValue else {
            options.log("didOpen without a text document")
            return
        }
        let document = OpenDocument(uri: uri, text: text, version: item["version"]?.integerValue ?? 0)
        if let path = document.path, ConfigurationStore.isConfigurationFile(path) {
            reloadConfigurations(openedOrSaved: path)
            return
        }
        documents[uri] = DocumentState(document: document)
        startCheck(uri)
    }

    private func didChange(_ params: JSONValue?) {
        guard let uri = params?.documentURI, var state = documents[uri] else { return }
        do throws(ResponseError) {
            try state.document.apply(
                params?["contentChanges"]?.arrayValue ?? [], version: params?["textDocument"]?["version"]?.integerValue, encoding: encoding
            )
        } catch {
            options.log("didChange for \(uri) not applied: \(error.message)")
            showMessage(type: 1, "editorial-check could not apply a change to \(uri): \(error.message)")
            return
        }
        state.debounce?.cancel()
        let delay = options.debounce
        state.debounce = Task { [weak self] in
            guard (try? await Task.sleep(for: delay)) != nil else { return }
            await self?.startCheck(uri)
        }
        documents[uri] = state
    }

    private func didSave(_ params: JSONValue?) {
        guard let uri = params?.documentURI else { return }
        if let path = OpenDocument.path(ofURI: uri), ConfigurationStore.isConfigurationFile(path) {
            reloadConfigurations(openedOrSaved: path)
            return
        }
        if linkChecks { checkLinks(uri) }
    }

    private func didClose(_ params: JSONValue?) {
        guard let uri = params?.documentURI else { return }
        if let state = documents.removeValue(forKey: uri) {
            state.debounce?.cancel()
            publish(uri: uri, version: nil, diagnostics: [])
        }
    }

    // MARK: Checking

    /// Checks the document's current version, unless a check is running: then once that one ends.
    private func startCheck(_ uri: String) {
        guard var state = documents[uri] else { return }
        guard !state.isChecking else {
            state.needsCheck = true
            documents[uri] = state
            return
        }
        state.isChecking = true
        state.needsCheck = false
        documents[uri] = state
        let source = state.document.source
        let version = state.document.version
        let lookup = configurations.lookup(forDraftAt: state.document.path)
        publishConfigurationProblems(lookup)
        let analyzer = analyzer
        Task.detached { [weak self] in
            let analysis = analyzer.analyze(source, version: version, configuration: lookup.configuration)
            await self?.finishCheck(uri, analysis)
        }
    }

    private func finishCheck(_ uri: String, _ analysis: DraftAnalysis) {
        guard var state = documents[uri] else { return }
        state.isChecking = false
        if state.document.version == analysis.version {
            state.published = analysis
            if case .notChecked(let error) = analysis.outcome, error.kind == .limitExceeded, !state.toldTooLarge {
                state.toldTooLarge = true
                showMessage(type: 2, error.message)
            }
            documents[uri] = state
            publish(uri, state)
        } else {
            documents[uri] = state
        }
        if state.needsCheck { startCheck(uri) }
    }

    private func publish(_ uri: String, _ state: DocumentState) {
        guard let analysis = state.published else { return }
        let positions = ProtocolPositions(source: analysis.source, encoding: encoding)
        var diagnostics: [JSONValue]
        switch analysis.outcome {
        case .checked(_, _, let found):
            var all = found
            if let links = state.linkDiagnostics, links.version == analysis.version { all += links.diagnostics }
            diagnostics = all.map { ProtocolDiagnostics.json($0, positions: positions, uri: uri) }
        case .notChecked(let error) where error.path == analysis.source.path || error.path == nil:
            diagnostics = [ProtocolDiagnostics.json(error, positions: positions)]
        case .notChecked(let error):
            // The configuration that applies is invalid: the draft is not checked (as the command-line tool does not
            // check it), and says why at its start; the error itself is published on the configuration file.
            let place = error.location.map { ":\($0.line):\($0.column)" } ?? ""
            let reason = NewsletterError(error.kind, "not checked: \(error.path ?? "the configuration")\(place): \(error.message)")
            diagnostics = [ProtocolDiagnostics.json(reason, positions: nil)]
        }
        publish(uri: uri, version: analysis.version, diagnostics: diagnostics)
    }

    private func publish(uri: String, version: Int?, diagnostics: [JSONValue]) {
        var params: [String: JSONValue] = ["uri": .string(uri), "diagnostics": .array(diagnostics)]
        if let version { params["version"] = .integer(version) }
        send(.notification(method: "textDocument/publishDiagnostics", params: .object(params)))
    }

    private func showMessage(type: Int, _ message: String) {
        send(.notification(method: "window/showMessage", params: ["type": .integer(type), "message": .string(message)]))
    }

    // MARK: Configuration

    /// Reads configurations again and checks open drafts again; `file`, a configuration opened or saved in the editor,
    /// is checked even when no open draft uses it.
    private func reloadConfigurations(openedOrSaved file: String? = nil) {
        configurations.reload()
        for file in Set(configurationProblems.keys).union(file.map { [$0] } ?? []) {
            publishConfigurationProblems(ConfigurationStore.Lookup(file: file, configuration: configurations.configuration(ofFile: file)))
        }
        for uri in documents.keys { startCheck(uri) }
    }

    /// Publishes an invalid configuration's error, or a valid one's warnings, on the configuration file's own URI
    /// (once, and an empty list once they are gone).
    private func publishConfigurationProblems(_ lookup: ConfigurationStore.Lookup) {
        guard let file = lookup.file else { return }
        let problems: [NewsletterError] = switch lookup.configuration {
        case .failure(let error): [error]
        case .success(let configuration): configuration.warnings.map(\.error)
        }
        guard !problems.isEmpty || configurationProblems[file] != nil else { return }
        let text = problems.isEmpty ? nil : FileManager.default.contents(atPath: file).flatMap { String(data: $0, encoding: .utf8) }
        let positions = text.map { ProtocolPositions(source: SourceText($0, path: file), encoding: encoding) }
        let isError = if case .failure = lookup.configuration { true } else { false }
        let diagnostics = problems.map { problem in
            var diagnostic = ProtocolDiagnostics.json(problem, positions: positions)
            if !isError, case .object(var members) = diagnostic {
                members["severity"] = 2
                diagnostic = .object(members)
            }
            return diagnostic
        }
        guard configurationProblems[file] != diagnostics else { return }
        configurationProblems[file] = diagnostics.isEmpty ? nil : diagnostics
        publish(uri: URL(fileURLWithPath: file).absoluteString, version: nil, diagnostics: diagnostics)
    }

    // MARK: Link checks

    /// Checks the links of the saved version over the network, apart from the offline checks, so typing goes on;
    /// the results are published with the offline diagnostics while that version is the current one.
    private func checkLinks(_ uri: String) {
        guard let state = documents[uri] else { return }
        let source = state.document.source
        let version = state.document.version
        guard case .success(var configuration) = configurations.lookup(forDraftAt: state.document.path).configuration else { return }
        configuration.customRules = []
        let analyzer = analyzer
        let resolver = options.hostResolver
        Task.detached { [weak self] in
            guard let registry = try? RuleRegistry(asyncRules: [BrokenLinkRule(resolver: resolver)]),
                (try? analyzer.checkSize(of: source)) != nil,
                let adapter = try? analyzer.formats.adapter(forPath: source.path, source: source),
                let decoded = try? analyzer.formats.decodeDraft(source, using: adapter)
            else { return }
            let checker = EditorialChecker(registry: registry, configuration: configuration)
            let found = await checker.checkIncludingAsyncRules(source, draft: decoded, format: adapter.identifier)
            await self?.finishLinkCheck(uri, version: version, diagnostics: found)
        }
    }

    private func finishLinkCheck(_ uri: String, version: Int, diagnostics: [Diagnostic]) {
        guard var state = documents[uri], state.document.version == version else { return }
        state.linkDiagnostics = (version, diagnostics)
        documents[uri] = state
        if state.published?.version == version { publish(uri, state) }
    }

    // MARK: Code actions

    private func codeActions(id: RequestID, params: JSONValue?) {
        guard let uri = params?.documentURI, let state = documents[uri] else {
            send(.response(id: id, result: .failure(.invalidParams("codeAction for a document that is not open"))))
            return
        }
        let source = state.document.source
        let version = state.document.version
        let lookup = configurations.lookup(forDraftAt: state.document.path)
        let analyzer = analyzer
        let encoding = encoding
        let only = params?["context"]?["only"]?.arrayValue?.compactMap(\.stringValue)
        let requestedRange = params?["range"]
        requests[id] = Task.detached { [weak self] in
            let analysis = analyzer.analyze(source, version: version, configuration: lookup.configuration)
            let positions = ProtocolPositions(source: source, encoding: encoding)
            let actions = CodeActions(uri: uri, analysis: analysis, positions: positions)
            let range = positions.offsets(of: requestedRange) ?? 0..<0
            var result: [JSONValue] = []
            if CodeActions.wants(CodeActions.quickFixKind, only: only) {
                let touching = actions.diagnostics(touching: range)
                result += actions.quickFixes(for: touching)
                result += actions.disableActions(for: touching)
            }
            if CodeActions.wants(CodeActions.fixAllKind, only: only), !Task.isCancelled,
                case .success(let configuration) = lookup.configuration,
                analysis.diagnostics.contains(where: { $0.fix?.safety == .safe }),
                let fixed = try? analyzer.fixAll(source, configuration: configuration),
                let fixAll = actions.fixAll(fixed: fixed.text)
            {
                result.append(fixAll)
            }
            await self?.finishRequest(id, result: .success(.array(result)))
        }
    }

    private func finishRequest(_ id: RequestID, result: Result<JSONValue, ResponseError>) {
        guard let task = requests.removeValue(forKey: id) else { return }
        send(.response(id: id, result: task.isCancelled ? .failure(.requestCancelled) : result))
    }
}
