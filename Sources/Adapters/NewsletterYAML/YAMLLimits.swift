/// The resource limits a YAML parse runs under, so that hostile or broken input fails fast with a clear
/// ``NewsletterCore/NewsletterError`` of kind `limitExceeded` instead of exhausting memory or time.
///
/// The defaults are far above what front matter or a configuration file holds, and low enough that a
/// "billion laughs" document or a 50 MB block is refused before any real work is done.
///
/// ```swift
/// var limits = YAMLLimits()
/// limits.maximumDepth = 16
/// let root = try YAMLParser(limits: limits).parse(source)
/// ```
public struct YAMLLimits: Sendable, Equatable {
    /// The largest YAML text accepted, in UTF-8 bytes; checked before parsing starts. Default 4 MiB.
    public var maximumBytes: Int
    /// The deepest nesting of sequences and mappings accepted (the root collection is depth 1). Default 128.
    public var maximumDepth: Int
    /// The most nodes that aliases may bring in, counted over the whole document: each `*alias` adds the
    /// size of the node it repeats, nested aliases included. Default 100,000.
    public var maximumAliasExpansion: Int

    /// Creates limits; every parameter has the documented default.
    public init(maximumBytes: Int = 4 * 1024 * 1024, maximumDepth: Int = 128, maximumAliasExpansion: Int = 100_000) {
        self.maximumBytes = maximumBytes
        self.maximumDepth = maximumDepth
        self.maximumAliasExpansion = maximumAliasExpansion
    }
}
