public import EditorialChecks
import Foundation
public import JSONRPC
public import NewsletterCore

/// A Language Server Protocol server for newsletter drafts: diagnostics as you type, quick fixes, "fix all", and
/// link checks on save, over the formats and rules it is given.
///
/// `editorial-check lsp` runs one over standard input and output with the running tool's formats and rules; a
/// program of one's own serves its own the same way:
///
/// ```swift
/// let server = LanguageServer(formats: .standard, rules: .builtIn)
/// let status = await server.runOverStandardStreams()   // until `exit`: 0 after `shutdown`, 1 without
/// ```
///
/// What it does, message by message:
/// - `initialize` negotiates the position encoding (`general.positionEncodings`, or clangd's `offsetEncoding` as
///   Neovim 0.7 sends it; UTF-16 when neither) and reads `initializationOptions.editorialCheck.linkChecks`;
///   requests before it fail with -32002, unknown requests with -32601, and unknown notifications are ignored.
/// - `textDocument/didOpen` and `didChange` (incremental) check the draft with the offline rules after
///   ``LanguageServerOptions/debounce``, publishing diagnostics for the latest version only; `didClose` clears them.
/// - `textDocument/codeAction` offers each diagnostic's fix, "Disable <rule> on this line" and "Fix all safe
///   problems in this file" (kind `source.fixAll.editorial-check`, the text `editorial-check fix` would write).
/// - Each draft is configured by its nearest `.newsletterlint.yml`, read again when one changes
///   (`workspace/didChangeWatchedFiles`, or opened or saved in the editor); an invalid one is reported on its own
///   URI at its line and column, and drafts under it are not checked (a diagnostic at their start says why).
/// - With link checks enabled (`initializationOptions` or `workspace/didChangeConfiguration`,
///   `{"editorialCheck": {"linkChecks": true}}`), `didSave` checks the draft's links in the background; the results
///   join the diagnostics of that version.
/// - `$/cancelRequest` cancels a code action (-32800). Malformed JSON, bad framing and oversized messages are
///   answered with errors and logged; nothing but the protocol is written to the output.
public struct LanguageServer: Sendable {
    /// The formats drafts are read with.
    public var formats: FormatRegistry
    /// The offline rules drafts are checked with (`broken-link` is added for link checks on save).
    public var rules: RuleRegistry
    /// Timing, limits, link checking and logging.
    public var options: LanguageServerOptions

    /// Creates a server over `formats` and `rules`.
    public init(formats: FormatRegistry, rules: RuleRegistry, options: LanguageServerOptions = LanguageServerOptions()) {
        self.formats = formats
        self.rules = rules
        self.options = options
    }

    /// Serves a client over standard input and output until `exit` or the end of input, and returns the exit status:
    /// 0 when `exit` followed `shutdown`, 1 otherwise.
    public func runOverStandardStreams() async -> Int32 {
        let writer = FrameWriter(descriptor: STDOUT_FILENO)
        return await run(input: FileDescriptorStreams.bytes(of: STDIN_FILENO), output: writer.write)
    }

    /// Serves a client that writes `input` (the bytes of its frames, in chunks of any size) and reads what
    /// `output` receives, until `exit` or the end of input; returns the exit status (see ``runOverStandardStreams()``).
    public func run(input: some AsyncSequence<[UInt8], Never>, output: @escaping @Sendable (Message) -> Void) async -> Int32 {
        let analyzer = DraftAnalyzer(formats: formats, rules: rules, maximumDraftSize: options.maximumDraftSize)
        let session = ServerSession(analyzer: analyzer, options: options, send: output)
        var reader = FrameReader(limits: options.framing)
        for await chunk in input {
            reader.append(chunk)
            var batch: [Result<Message, InvalidMessage>] = []
            while true {
                do throws(FramingError) {
                    guard let frame = try reader.nextFrame() else { break }
                    batch.append(Message.decode(frame))
                } catch {
                    await session.receive(batch)
                    batch.removeAll()
                    await session.receive(error)
                }
            }
            await session.receive(batch)
            if let status = await session.exitStatus { return status }
        }
        await session.inputEnded()
        return await session.exitStatus ?? 1
    }
}
