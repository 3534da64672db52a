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

    /// Creates an example.
    public init(_ text: String, format: String = "beehiiv", configuration: String? = nil, testsMultiByteOffsets: Bool = true) {
        self.text = text
        self.format = format
        self.configuration = configuration
        self.testsMultiByteOffsets = testsMultiByteOffsets
    }

    /// A beehiiv-style example with the default configuration.
    public init(stringLiteral value: String) {
        self.init(value)
    }
}
