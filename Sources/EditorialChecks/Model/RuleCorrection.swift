/// A fixable rule's promise: fixing ``input`` gives exactly ``expected``.
public struct RuleCorrection: Sendable, Hashable, Codable {
    /// The draft before fixing.
    public var input: String
    /// The draft after fixing.
    public var expected: String
    /// The format identifier the draft is decoded with.
    public var format: String
    /// A `.newsletterlint.yml` to check the draft with, or `nil` for the defaults.
    public var configuration: String?
    /// The least safe fix applied: `.safe` for what `fix` does by default, `.suggestion` to include suggestions.
    public var minimumSafety: FixSafety
    /// Where the correction was written, so that a failed verification points there; not part of its identity
    /// (equality, hashing and coding ignore it).
    public var location: ExampleLocation? = nil

    private enum CodingKeys: String, CodingKey {
        case input, expected, format, configuration, minimumSafety
    }

    /// Creates a correction, recording where it was written.
    public init(
        _ input: String,
        _ expected: String,
        format: String = "beehiiv",
        configuration: String? = nil,
        minimumSafety: FixSafety = .safe,
        fileID: String = #fileID,
        filePath: String = #filePath,
        line: Int = #line,
        column: Int = #column
    ) {
        self.input = input
        self.expected = expected
        self.format = format
        self.configuration = configuration
        self.minimumSafety = minimumSafety
        self.location = ExampleLocation(fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// Corrections are equal when they promise the same result, wherever they were written.
    public static func == (lhs: RuleCorrection, rhs: RuleCorrection) -> Bool {
        lhs.input == rhs.input && lhs.expected == rhs.expected && lhs.format == rhs.format
            && lhs.configuration == rhs.configuration && lhs.minimumSafety == rhs.minimumSafety
    }

    /// Hashes what equality compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(input)
        hasher.combine(expected)
        hasher.combine(format)
        hasher.combine(configuration)
        hasher.combine(minimumSafety)
    }
}
