/// Where a report goes, a piece at a time: text is gathered up to a bound and then handed on, so that a report of
/// a million problems is written in pieces of about 64 KiB instead of being built whole first.
final class ReportOutput {
    private var pending = ""
    private let threshold: Int
    private let sink: (String) -> Void

    init(threshold: Int = 64 * 1024, sink: @escaping (String) -> Void) {
        self.threshold = threshold
        self.sink = sink
    }

    func write(_ text: String) {
        pending += text
        if pending.utf8.count >= threshold { flush() }
    }

    func flush() {
        guard !pending.isEmpty else { return }
        sink(pending)
        pending = ""
    }
}
