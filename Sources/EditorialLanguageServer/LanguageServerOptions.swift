import Foundation
public import LinkChecker
public import NewsletterCore
public import JSONRPC

/// How a ``LanguageServer`` behaves: timing, limits, link checking, logging.
public struct LanguageServerOptions: Sendable {
    /// How long the server waits after a change before checking, so that a burst of keystrokes is checked once.
    public var debounce: Duration
    /// The largest draft checked; a larger one is reported (a message and one diagnostic) and not checked.
    /// The command-line tool's input limit by default.
    public var maximumDraftSize: Int
    /// Limits on incoming frames.
    public var framing: FramingLimits
    /// Resolves host names for link checks (tests pass a fake one that answers with 127.0.0.1).
    public var hostResolver: any HostResolver
    /// Receives log lines; standard error by default, never standard output, which carries the protocol.
    public var log: @Sendable (String) -> Void
    /// The name and version the server gives in its `initialize` result.
    public var name: String
    /// See ``name``.
    public var version: String

    /// Creates options; the defaults suit an editor.
    public init(
        debounce: Duration = .milliseconds(150),
        maximumDraftSize: Int = SourceText.defaultMaximumSize,
        framing: FramingLimits = FramingLimits(),
        hostResolver: any HostResolver = SystemHostResolver(),
        log: @escaping @Sendable (String) -> Void = LanguageServerOptions.standardError,
        name: String = "editorial-check",
        version: String = "0.2.0"
    ) {
        self.debounce = debounce
        self.maximumDraftSize = maximumDraftSize
        self.framing = framing
        self.hostResolver = hostResolver
        self.log = log
        self.name = name
        self.version = version
    }

    /// Writes a log line to standard error.
    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
