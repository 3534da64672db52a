extension Mojibake {
    /// How many threads a scan or repair may use: the caller decides, since it knows what else runs.
    ///
    /// A checker that already works on several files at once scans each one ``sequential``; a filter that
    /// repairs one large text gives it the machine's processors.
    ///
    /// ```swift
    /// let processors = ProcessInfo.processInfo.activeProcessorCount
    /// Mojibake.repair(largeText, parallelism: .concurrent(threads: processors))
    /// ```
    public enum Parallelism: Sendable, Hashable {
        /// One pass on the calling thread; no thread is started.
        case sequential
        /// A text of 512 KiB or more is cut at line feeds into pieces that up to `threads` threads scan (and,
        /// for a repair, rebuild) at the same time; the result is exactly that of one pass. Smaller texts, and
        /// `threads` of 1 or less, are scanned on the calling thread.
        case concurrent(threads: Int)

        /// The number of threads to use.
        var threads: Int {
            switch self {
            case .sequential: 1
            case .concurrent(let threads): max(threads, 1)
            }
        }
    }
}
