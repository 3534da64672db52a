import NewsletterCore

/// A way to repair what a diagnostic reports: edits applied together, and how safe they are.
public struct Fix: Sendable, Hashable, Codable {
    /// What the fix does, for people: `replace 'ü§å' with '🤌'`.
    public var summary: String
    /// The edits, applied all or none; they never overlap one another.
    public var edits: [TextEdit]
    /// Whether `fix` applies it by default.
    public var safety: FixSafety

    /// Creates a fix.
    public init(summary: String, edits: [TextEdit], safety: FixSafety) {
        self.summary = summary
        self.edits = edits
        self.safety = safety
    }
}
