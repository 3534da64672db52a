public import NewsletterCore

/// Parses YAML with libyaml into a ``YAMLNode`` tree whose positions are in the coordinates of the whole file.
///
/// The parser applies the YAML 1.2 core schema, reports duplicate keys, expands aliases within
/// ``YAMLLimits``, and turns every libyaml error into a ``NewsletterCore/NewsletterError`` with the file's
/// line and column and libyaml's own wording:
///
/// ```text
/// draft.md:3:1: error: could not find expected ':' while scanning a simple key
/// title Weekly Picks
/// ^
/// ```
///
/// ```swift
/// let source = SourceText(try String(contentsOfFile: path, encoding: .utf8), path: path)
/// guard let root = try YAMLParser().parse(source) else { return }  // nil: the file holds no document
/// for pair in root.pairs ?? [] { print(pair.key.text ?? "?", pair.key.range.start) }
/// ```
public struct YAMLParser: Sendable {
    /// The limits every parse runs under.
    public var limits: YAMLLimits

    /// Creates a parser with the given limits.
    public init(limits: YAMLLimits = YAMLLimits()) {
        self.limits = limits
    }

    /// Parses the YAML in `utf8Range` of `source` (the whole text when `nil`); a byte order mark at the start
    /// of the range is skipped.
    ///
    /// - Returns: The document's root node, or `nil` when the text holds no document (it is empty, or only
    ///   comments and blank lines).
    /// - Throws: ``NewsletterCore/NewsletterError`` of kind `malformedInput` for text that is not YAML, for
    ///   duplicate keys, unknown aliases and a second document; of kind `limitExceeded` when a limit is passed.
    public func parse(_ source: SourceText, utf8Range: Range<Int>? = nil) throws(NewsletterError) -> YAMLNode? {
        let whole = 0..<source.utf8Count
        let requested = utf8Range?.clamped(to: whole) ?? whole
        var text = source.text
        let result = text.withUTF8 { bytes -> Result<YAMLNode?, NewsletterError> in
            var slice = requested
            if bytes[slice].starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.lowerBound + 3..<slice.upperBound }
            guard slice.count <= limits.maximumBytes else {
                return .failure(NewsletterError(
                    .limitExceeded,
                    "YAML text is \(slice.count) bytes, more than the limit of \(limits.maximumBytes) bytes",
                    at: source.location(atUTF8Offset: slice.lowerBound),
                    in: source
                ))
            }
            guard !slice.isEmpty else { return .success(nil) }
            var builder = YAMLTreeBuilder(source: source, bytes: bytes, slice: slice, limits: limits)
            do throws(NewsletterError) {
                return .success(try builder.build())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses the YAML in `utf8Range` of `source` straight into metadata values; see ``parse(_:utf8Range:)``
    /// and ``YAMLNode/metadataValue(in:)``.
    public func parseMetadataValue(_ source: SourceText, utf8Range: Range<Int>? = nil) throws(NewsletterError) -> MetadataValue? {
        try parse(source, utf8Range: utf8Range)?.metadataValue(in: source)
    }
}
