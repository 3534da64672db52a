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

    /// Creates a correction.
    public init(
        _ input: String,
        _ expected: String,
        format: String = "beehiiv",
        configuration: String? = nil,
        minimumSafety: FixSafety = .safe
    ) {
        self.input = input
        self.expected = expected
        self.format = format
        self.configuration = configuration
        self.minimumSafety = minimumSafety
    }
}
