/// A field that a target format cannot hold, reported when writing an issue in that format.
public struct ConversionWarning: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The field, as a path into the issue (`subtitle`, `metadata.draft`, `sections[2].links[0].title`).
    public var field: String
    /// Why it could not be written.
    public var message: String

    /// Creates a warning.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }
}
