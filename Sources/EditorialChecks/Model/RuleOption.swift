import NewsletterCore

/// A setting a rule reads from its entry in `.newsletterlint.yml`:
///
/// ```yaml
/// rules:
///   non-descriptive-link-text:
///     phrases: [here, click here, more]
/// ```
public struct RuleOption: Sendable, Equatable, Codable {
    /// The value's shape; a configured value of another shape is a configuration error.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// `true` or `false`.
        case bool
        /// A whole number.
        case integer
        /// A string.
        case string
        /// A list of strings.
        case stringList
    }

    /// The key in the rule's configuration mapping, snake_case.
    public var name: String
    /// What it changes.
    public var summary: String
    /// The value's shape.
    public var kind: Kind
    /// The value used when the configuration does not set it.
    public var defaultValue: MetadataValue

    /// Creates an option.
    public init(name: String, summary: String, kind: Kind, defaultValue: MetadataValue) {
        self.name = name
        self.summary = summary
        self.kind = kind
        self.defaultValue = defaultValue
    }
}
