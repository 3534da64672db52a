/// Where a report goes, a piece at a time: text is gathered up to a bound and then handed on, so that a report of
/// a million problems is written in pieces of about 64 KiB instead of being built whole first.
///
/// Call ``flush()`` after the reporter's end to hand on the last piece.
public final class ReportOutput {
    /// The UTF-8 bytes gathered; reporters write into them in place.
    private var pending: [UInt8] = []
    private let threshold: Int
    private let sink: (UnsafeRawBufferPointer) -> Void

    /// Creates an output handing text to `sink` in pieces of at least `threshold` UTF-8 bytes (the last one excepted).
    public convenience init(threshold: Int = 64 * 1024, sink: @escaping (String) -> Void) {
        self.init(threshold: threshold, byteSink: { sink(String(decoding: $0, as: UTF8.self)) })
    }

    private init(threshold: Int, byteSink: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.threshold = threshold
        self.sink = byteSink
        pending.reserveCapacity(threshold + 4096)
    }

    /// An output handing the UTF-8 bytes to `sink` as they are, with no `String` made of them (the tool's standard
    /// output).
    package static func writingBytes(threshold: Int = 64 * 1024, _ sink: @escaping (UnsafeRawBufferPointer) -> Void) -> ReportOutput {
        ReportOutput(threshold: threshold, byteSink: sink)
    }

    /// Adds `text`, handing on what is gathered once it reaches the threshold.
    public func write(_ text: String) {
        pending.append(contentsOf: text.utf8)
        if pending.count >= threshold { flush() }
    }

    /// Lets `write` append UTF-8 bytes in place, then hands on what is gathered once it reaches the threshold.
    package func append(_ write: (inout [UInt8]) -> Void) {
        write(&pending)
        if pending.count >= threshold { flush() }
    }

    /// Hands on whatever is gathered.
    public func flush() {
        guard !pending.isEmpty else { return }
        pending.withUnsafeBytes(sink)
        pending.removeAll(keepingCapacity: true)
    }
}
