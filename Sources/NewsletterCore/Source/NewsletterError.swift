/// The one error type of NewsletterKit: what went wrong, and where in which file.
///
/// Its ``description`` renders the way compilers do, so a user can click through to the spot:
///
/// ```text
/// draft.md:4:12: error: could not find expected ':' while scanning a simple key
/// title: Daily Digest: What's new?
///            ^
/// ```
public struct NewsletterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is, for callers that react differently to each.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The text is not well-formed for its format (bad YAML, truncated JSON, ...).
        case malformedInput
        /// The bytes are not valid UTF-8.
        case invalidEncoding
        /// No registered adapter matches the identifier, extension or content.
        case unknownFormat
        /// More than one adapter matches equally well.
        case ambiguousFormat
        /// A resource limit (size, nesting depth, alias expansion, time) was exceeded.
        case limitExceeded
        /// The issue holds something the target format cannot write.
        case unrepresentable
        /// A configuration file or option is wrong.
        case configuration
        /// Reading or writing a file failed.
        case io
        /// A format adapter gave a result that breaks the adapter contract (a position outside the text, a range
        /// that ends before it starts); the message names the adapter and the part. See ``FormatAdapter``.
        case invalidAdapterResult
    }

    /// What kind of failure this is.
    public var kind: Kind
    /// A one-line message, lower-case first word, no final period, as compilers write them.
    public var message: String
    /// The file the error is about, if any.
    public var path: String?
    /// Where in the file, if known.
    public var location: SourceLocation?
    /// The text of the line at ``location``, shown under the message with a caret.
    public var sourceLine: String?

    /// Creates an error; pass `source` to fill in the path and the offending line from it.
    public init(
        _ kind: Kind,
        _ message: String,
        path: String? = nil,
        location: SourceLocation? = nil,
        sourceLine: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.path = path
        self.location = location
        self.sourceLine = sourceLine
    }

    /// Creates an error at a location in `source`, taking the path and the line text from it.
    public init(_ kind: Kind, _ message: String, at location: SourceLocation, in source: SourceText) {
        self.init(kind, message, path: source.path, location: location, sourceLine: String(source.lineText(location.line)))
    }

    /// `path:line:column: error: message`, then the source line and a caret under the column.
    public var description: String {
        var prefix = ""
        if let path { prefix += "\(path):" }
        if let location { prefix += "\(location.line):\(location.column):" }
        var rendered = prefix.isEmpty ? "error: \(message)" : "\(prefix) error: \(message)"
        if let sourceLine, let location {
            let caretIndent = sourceLine.unicodeScalars.prefix(location.column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
            rendered += "\n\(sourceLine)\n\(caretIndent)^"
        }
        return rendered
    }
}
