import NewsletterCore

extension JSONAdapter {
    /// Resource limits, checked while reading: a deeper or longer text is an error of kind
    /// `NewsletterError.Kind.limitExceeded`, before anything is built from it.
    ///
    /// ```swift
    /// let adapter = JSONAdapter(limits: JSONAdapter.Limits(maximumDepth: 16, maximumSize: 1 << 20))
    /// ```
    public struct Limits: Sendable, Equatable {
        /// The default deepest nesting of arrays and objects: 128 levels (a newsletter issue needs 6).
        public static let defaultMaximumDepth = 128

        /// The deepest nesting of arrays and objects accepted; the top-level value is level 1. Reading never recurses,
        /// but walking and freeing the value tree does, so keep this in the hundreds.
        public var maximumDepth: Int
        /// The longest text accepted, in UTF-8 bytes.
        public var maximumSize: Int

        /// Creates limits; the defaults are 128 levels and `SourceText.defaultMaximumSize` (64 MiB).
        public init(maximumDepth: Int = Limits.defaultMaximumDepth, maximumSize: Int = SourceText.defaultMaximumSize) {
            self.maximumDepth = maximumDepth
            self.maximumSize = maximumSize
        }
    }
}
