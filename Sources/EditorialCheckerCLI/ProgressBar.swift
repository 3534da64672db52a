import Foundation
import LinkChecker
import Synchronization

/// A one-line progress bar on standard error while links are checked, summed over every draft being checked.
/// Drawn only when standard error is a terminal; otherwise the events are ignored and nothing is printed.
final class ProgressBar: Sendable {
    private struct Counts {
        var planned = 0
        var finished = 0
        var drawn = false
    }

    private let counts = Mutex(Counts())
    private let enabled: Bool
    private let width = 30

    init(enabled: Bool = Terminal.standardErrorIsTerminal) {
        self.enabled = enabled
    }

    func handle(_ event: LinkCheckEvent) {
        guard enabled else { return }
        let line: String? = counts.withLock { counts in
            switch event {
            case .planned(let links, _): counts.planned += links
            case .finished: counts.finished += 1
            case .started, .completed: return nil
            }
            counts.drawn = true
            let total = max(counts.planned, 1)
            let filled = min(width * counts.finished / total, width)
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            return "\r[\(bar)] \(counts.finished)/\(counts.planned) links checked"
        }
        if let line { Terminal.writeError(line) }
    }

    /// Runs `write` (output for the same terminal) with the bar cleared; the next event draws it again.
    func clearing(_ write: () -> Void) {
        let drawn = counts.withLock { counts in
            defer { counts.drawn = false }
            return counts.drawn
        }
        if enabled && drawn { Terminal.writeError("\r\u{1B}[2K") }
        write()
    }

    /// Clears the bar so that the report starts on a clean line.
    func finish() {
        let drawn = counts.withLock { $0.drawn }
        if enabled && drawn { Terminal.writeError("\r\u{1B}[2K") }
    }
}
