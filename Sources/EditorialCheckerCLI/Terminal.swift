import Foundation
import NewsletterCore
import Synchronization

/// What the tool knows about where its output goes.
enum Terminal {
    /// What a tool run in a test writes, instead of the process's standard output and error.
    final class Capture: Sendable {
        private let written = Mutex((output: "", errors: ""))

        init() {}

        var output: String { written.withLock { $0.output } }
        var errors: String { written.withLock { $0.errors } }

        fileprivate func write(_ text: String, toErrors: Bool) {
            written.withLock { if toErrors { $0.errors += text } else { $0.output += text } }
        }
    }

    /// Set by tests around a run so that its output can be read; only what the run's own task and its child tasks
    /// write is captured.
    @TaskLocal static var capture: Capture?

    /// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
    static var colorsOnStandardOutput: Bool {
        capture == nil && (ProcessInfo.processInfo.environment["NO_COLOR"]?.isEmpty ?? true) && isatty(STDOUT_FILENO) == 1
    }

    /// Progress goes to standard error, and only when a person is watching it.
    static var standardErrorIsTerminal: Bool { capture == nil && isatty(STDERR_FILENO) == 1 }

    static func writeError(_ text: String) {
        if let capture { return capture.write(text, toErrors: true) }
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func write(_ text: String) {
        if let capture { return capture.write(text, toErrors: false) }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes UTF-8 `bytes` to standard output, as ``write(_:)-(String)`` writes text.
    static func write(_ bytes: UnsafeRawBufferPointer) {
        if let capture { return capture.write(String(decoding: bytes, as: UTF8.self), toErrors: false) }
        FileHandle.standardOutput.write(Data(bytes))
    }

    /// Writes `bytes` to standard output as they are, straight from the caller's memory: no buffer, no copy.
    ///
    /// - Throws: ``NewsletterError`` of kind `io` when the output cannot take them (a full disk, a closed pipe
    ///   when `SIGPIPE` is ignored).
    static func writeOutput(_ bytes: UnsafeRawBufferPointer) throws(NewsletterError) {
        guard var next = bytes.baseAddress else { return }
        if let capture { return capture.write(String(decoding: bytes, as: UTF8.self), toErrors: false) }
        var remaining = bytes.count
        while remaining > 0 {
            let written = Foundation.write(STDOUT_FILENO, next, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                throw NewsletterError(.io, "cannot write to standard output: \(String(cString: strerror(errno)))")
            }
            next += written
            remaining -= written
        }
    }

    /// Encoded text written to standard output as it is produced, through ``writeOutput(_:)``.
    struct Output: EncodedTextOutput {
        mutating func write(_ utf8: UnsafeRawBufferPointer) throws(NewsletterError) {
            try Terminal.writeOutput(utf8)
        }
    }
}
