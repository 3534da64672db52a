import NewsletterCore

/// One replacement in a text: the bytes of ``range`` become ``replacement``.
///
/// An empty range inserts; an empty replacement deletes. The range's UTF-8 offsets are what the engine
/// edits; its lines and columns are there for reports (SARIF `replacements`, unified diffs).
public struct TextEdit: Sendable, Hashable, Codable {
    /// The text replaced, in the source the diagnostic was found in.
    public var range: SourceRange
    /// The new text.
    public var replacement: String

    /// Creates an edit.
    public init(range: SourceRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}
