import NewsletterCore

/// A secondary message attached to a diagnostic, often pointing at a related place
/// (the first occurrence of a duplicate, the section a missing one should follow).
public struct DiagnosticNote: Sendable, Hashable, Codable {
    /// The note's text.
    public var message: String
    /// Where it points, if anywhere.
    public var range: SourceRange?

    /// Creates a note.
    public init(_ message: String, range: SourceRange? = nil) {
        self.message = message
        self.range = range
    }
}
