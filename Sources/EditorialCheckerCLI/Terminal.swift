import Foundation
import NewsletterCore

/// What the tool knows about where its output goes.
enum Terminal {
    /// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
    static var colorsOnStandardOutput: Bool {
        (ProcessInfo.processInfo.environment["NO_COLOR"]?.isEmpty ?? true) && isatty(STDOUT_FILENO) == 1
    }

    /// Progress goes to standard error, and only when a person is watching it.
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `bytes` to standard output as they are, straight from the caller's memory: no buffer, no copy.
    ///
    /// - Throws: ``NewsletterError`` of kind `io` when the output cannot take them (a full disk, a closed pipe
    ///   when `SIGPIPE` is ignored).
    static func writeOutput(_ bytes: UnsafeRawBufferPointer) throws(NewsletterError) {
        guard var next = bytes.baseAddress else { return }
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
}
