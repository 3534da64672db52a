import Foundation

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
}
