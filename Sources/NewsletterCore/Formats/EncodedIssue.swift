/// What an adapter wrote, and what it could not write.
public struct EncodedIssue: Sendable, Equatable {
    /// The draft text in the target format.
    public var text: String
    /// Fields of the issue that the format cannot hold and so were left out: never dropped silently.
    public var warnings: [ConversionWarning]

    /// Creates an encoding result.
    public init(text: String, warnings: [ConversionWarning] = []) {
        self.text = text
        self.warnings = warnings
    }
}
