import NewsletterCore

/// What the configuration says about one rule: on or off, its severity, its options.
///
/// Each part is optional; an unset part keeps the rule's default.
public struct RuleSettings: Sendable, Equatable {
    /// `true` turns the rule on, `false` off, `nil` keeps the rule's default.
    public var isEnabled: Bool?
    /// A severity replacing the rule's default.
    public var severity: Severity?
    /// Values for the rule's options, by option name.
    public var options: [String: MetadataValue]

    /// Creates settings.
    public init(isEnabled: Bool? = nil, severity: Severity? = nil, options: [String: MetadataValue] = [:]) {
        self.isEnabled = isEnabled
        self.severity = severity
        self.options = options
    }
}
