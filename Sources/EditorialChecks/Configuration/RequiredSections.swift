/// The `required_sections` part of the configuration.
///
/// ```yaml
/// required_sections:
///   ordered: true
///   sections:
///     - title: Ben's Picks
///       aliases: [Our Picks, PICKS]
///     - title: See ya
///       allow_empty: true
/// ```
public struct RequiredSections: Sendable, Hashable {
    /// The sections, in the order they must appear when ``isOrdered``.
    public var sections: [RequiredSection]
    /// Whether the sections must appear in the listed order.
    public var isOrdered: Bool

    /// Creates the requirement; no sections means no section rule fires except `empty-section`.
    public init(_ sections: [RequiredSection] = [], isOrdered: Bool = true) {
        self.sections = sections
        self.isOrdered = isOrdered
    }
}
