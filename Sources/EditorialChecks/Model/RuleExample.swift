/// A draft used to test and document a rule.
///
/// In a triggering example, each `↓` marks where a diagnostic of the rule must start; the markers are
/// removed before the draft is checked. Drafts are beehiiv-style Markdown unless ``format`` says otherwise.
///
/// ```swift
/// RuleExample("# Title\n\nRead [the docs](↓htps://docs.example.org).\n")
/// ```
public struct RuleExample: Sendable, Hashable, Codable, ExpressibleByStringLiteral {
    /// The marker for where a diagnostic must land.
    public static let marker: Character = "↓"

    /// The draft, with markers in triggering examples.
    public var text: String
    /// The format identifier the draft is decoded with.
    public var format: String
    /// A `.newsletterlint.yml` to check the draft with, or `nil` for the defaults.
    public var configuration: String?
    /// Whether the generic test also checks the draft with a multi-byte character inserted on each marked line;
    /// turn off for lines where any insertion changes the meaning (a date, a front-matter key).
    public var testsMultiByteOffsets: Bool
    /// Where the example was written, so that a failed verification points there; not part of its identity
    /// (equality, hashing and coding ignore it).
    public var location: ExampleLocation? = nil

    private enum CodingKeys: String, CodingKey {
        case text, format, configuration, testsMultiByteOffsets
    }

    /// Creates an example, recording where it was written (with the text alone, Swift makes it from the literal
    /// instead, without a location).
    public init(
        _ text: String,
        format: String = "beehiiv",
        configuration: String? = nil,
        testsMultiByteOffsets: Bool = true,
        fileID: String = #fileID,
        filePath: String = #filePath,
        line: Int = #line,
        column: Int = #column
    ) {
        self.text = text
        self.format = format
        self.configuration = configuration
        self.testsMultiByteOffsets = testsMultiByteOffsets
        self.location = ExampleLocation(fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// A beehiiv-style example with the default configuration; a literal records no location.
    public init(stringLiteral value: String) {
        self.text = value
        self.format = "beehiiv"
        self.configuration = nil
        self.testsMultiByteOffsets = true
    }

    /// Examples are equal when they check the same draft the same way, wherever they were written.
    public static func == (lhs: RuleExample, rhs: RuleExample) -> Bool {
        lhs.text == rhs.text && lhs.format == rhs.format && lhs.configuration == rhs.configuration
            && lhs.testsMultiByteOffsets == rhs.testsMultiByteOffsets
    }

    /// Hashes what equality compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(format)
        hasher.combine(configuration)
        hasher.combine(testsMultiByteOffsets)
    }
}
