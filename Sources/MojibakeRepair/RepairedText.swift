/// The result of ``Mojibake/repair(_:includeGuesses:codePages:)``: the repaired text and the edits
/// that produced it.
public struct RepairedText: Sendable, Hashable {
    /// The text with every applied span replaced.
    public var text: String
    /// The spans applied, in order, with ranges in the original text.
    public var edits: [MojibakeSpan]

    /// Creates a result.
    public init(text: String, edits: [MojibakeSpan]) {
        self.text = text
        self.edits = edits
    }

    /// Whether anything changed.
    public var changed: Bool { !edits.isEmpty }
}
