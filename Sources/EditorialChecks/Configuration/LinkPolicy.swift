/// The `links` part of the configuration, shared by every link rule.
///
/// ```yaml
/// links:
///   exclude: ['^https://flight\.beehiiv\.net/']
///   placeholder_patterns: ['\bFIXME\b']
///   allowed_schemes: [https, http, mailto]
/// ```
public struct LinkPolicy: Sendable, Hashable {
    /// The schemes allowed when the configuration does not list them.
    public static let defaultAllowedSchemes = ["https", "http", "mailto", "tel"]

    /// Links whose destination matches one of these are skipped by every link rule.
    public var exclude: [TextPattern]
    /// Patterns that mark a destination or link text as unfilled, besides the built-in ones.
    public var placeholderPatterns: [TextPattern]
    /// URL schemes a link may use, lower-case.
    public var allowedSchemes: [String]

    /// Creates a policy.
    public init(exclude: [TextPattern] = [], placeholderPatterns: [TextPattern] = [], allowedSchemes: [String] = LinkPolicy.defaultAllowedSchemes) {
        self.exclude = exclude
        self.placeholderPatterns = placeholderPatterns
        self.allowedSchemes = allowedSchemes
    }

    /// Whether a destination is excluded from checking.
    public func excludes(_ destination: String) -> Bool {
        exclude.contains { $0.matches(destination) }
    }
}
