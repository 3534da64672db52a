/// A section every issue must have, known by its title and any aliases.
///
/// Titles are matched loosely: heading level, bold/italic/`<mark>` markup, emoji (mangled or not),
/// variation selectors, case and straight vs curly apostrophes do not matter.
public struct RequiredSection: Sendable, Hashable {
    /// The title reported in diagnostics: `Ben's Picks`.
    public var title: String
    /// Other titles that count as this section: `Our Picks`, `PICKS`.
    public var aliases: [String]
    /// Whether the section may have a heading and no content.
    public var allowsEmpty: Bool

    /// Creates a required section.
    public init(_ title: String, aliases: [String] = [], allowsEmpty: Bool = false) {
        self.title = title
        self.aliases = aliases
        self.allowsEmpty = allowsEmpty
    }
}
