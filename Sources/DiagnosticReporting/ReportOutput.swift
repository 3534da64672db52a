/// Where a report goes, a piece at a time: text is gathered up to a bound and then handed on, so that a report of
/// a million problems is written in pieces of about 64 KiB instead of being built whole first.
///
/// Call ``flush()`` after the reporter's end to hand on the last piece.
public final class ReportOutput {
    private var pending = ""
    private let threshold: Int
    private let sink: (String) -> Void

    /// Creates an output handing text to `sink` in pieces of at least `threshold` UTF-8 bytes (the last one excepted).
    public init(threshold: Int = 64 * 1024, sink: @escaping (String) -> Void) {
        self.threshold = threshold
        self.sink = sink
    }

    /// Adds `text`, handing on what is gathered once it reaches the threshold.
    public func write(_ text: String) {
        pending += text
        if pending.utf8.count >= threshold { flush() }
    }

    /// Hands on whatever is gathered.
    public func flush() {
        guard !pending.isEmpty else { return }
        sink(pending)
        pending = ""
    }
}
