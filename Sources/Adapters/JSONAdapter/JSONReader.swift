import NewsletterCore

/// A strict JSON reader (RFC 8259) that keeps object member order and the source position of every value.
///
/// Strict means: one value per text, no comments, no trailing commas, no single quotes, no `NaN`, no leading zeros,
/// no raw control characters in strings, no lone UTF-16 surrogates in `\u` escapes, and no duplicate keys in an
/// object (RFC 8259 leaves their meaning open; here they are an error naming both places).
/// A leading byte order mark is skipped, as RFC 8259 section 8.1 allows.
///
/// The reader keeps its own stack instead of recursing, so no input can overflow the call stack, and it refuses
/// input beyond its limits: nesting deeper than `maximumDepth` (the tree is later walked and freed recursively,
/// so depth is bounded for everything downstream too) and text longer than `maximumSize`.
///
/// ```swift
/// let source = SourceText(#"{"title": "Hello"}"#, path: "draft.json")
/// let value = try JSONReader().read(source)
/// value["title"]   // JSONValue(.string("Hello"), offsets: 10..<17)
/// ```
package struct JSONReader: Sendable {
    /// Resource limits, checked while reading.
    package typealias Limits = JSONAdapter.Limits

    /// The limits this reader enforces.
    package var limits: Limits

    /// Creates a reader with the given limits.
    package init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Reads the one JSON value that `source` holds.
    ///
    /// - Throws: `NewsletterError` of kind `NewsletterError.Kind.malformedInput` at the line and column where the
    ///   text stops being JSON (empty text included), or `NewsletterError.Kind.limitExceeded` for input over a limit.
    package func read(_ source: SourceText) throws(NewsletterError) -> JSONValue {
        try readWithEscapes(source).value
    }

    /// Reads the one JSON value that `source` holds, and the strings in it that hold a `\u` escape of a character
    /// beyond ASCII, each with the way back to its source bytes (see `EscapedText`), in the order they end.
    ///
    /// - Throws: as ``read(_:)``.
    package func readWithEscapes(_ source: SourceText) throws(NewsletterError) -> (value: JSONValue, escapedTexts: [EscapedText]) {
        try checkSize(of: source)
        let limits = self.limits
        let result = source.text.utf8.withContiguousStorageIfAvailable { bytes in
            var parser = JSONParser(bytes: bytes, source: source, limits: limits)
            return Result { () throws(NewsletterError) in (value: try parser.parseDocument(), escapedTexts: parser.escapedTexts) }
        }
        // SourceText always holds contiguous UTF-8, so the storage is available; the copy is a fallback only.
        return try (result ?? Self.readCopy(source, limits: limits)).get()
    }

    /// Refuses text longer than `limits.maximumSize`, before any of it is read.
    func checkSize(of source: SourceText) throws(NewsletterError) {
        guard source.utf8Count <= limits.maximumSize else {
            throw NewsletterError(
                .limitExceeded,
                "input is \(source.utf8Count) bytes, more than the limit of \(limits.maximumSize) bytes",
                path: source.path
            )
        }
    }

    private static func readCopy(_ source: SourceText, limits: Limits) -> Result<(value: JSONValue, escapedTexts: [EscapedText]), NewsletterError> {
        Array(source.text.utf8).withUnsafeBufferPointer { bytes in
            var parser = JSONParser(bytes: bytes, source: source, limits: limits)
            return Result { () throws(NewsletterError) in (value: try parser.parseDocument(), escapedTexts: parser.escapedTexts) }
        }
    }
}
