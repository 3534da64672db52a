/// The family a rule belongs to, used to group rules in listings and reports.
public enum RuleCategory: String, Sendable, Codable, CaseIterable {
    /// Text mangled on the way (mojibake).
    case encoding
    /// The sections an issue must have, their order and content.
    case structure
    /// Link destinations and link text.
    case links
    /// Title, subtitle, date and author.
    case metadata
    /// Markup that renders differently from what the writer meant.
    case style
    /// What screen readers and people scanning need (alt text, descriptive link text).
    case accessibility
    /// Pattern rules defined in a configuration's `custom_rules:` (see ``CustomRule``).
    case custom
}
