/// A section of an issue: a heading and the content up to the next section heading.
///
/// Sections are flat, in document order, each with its heading ``level``: exports mix `##` and `###`
/// as peers, so a tree built from levels would nest sections that the writer meant as siblings.
public struct Section: Sendable, Equatable, Codable {
    /// The heading exactly as written in the source, markers included: `### **🤌 Ben's Picks**`.
    public var heading: String
    /// The plain title: markup and the leading emoji or symbol run removed: `Ben's Picks`.
    public var title: String
    /// The leading emoji or symbol run as written (possibly mangled), or `nil` when the heading has none.
    public var emoji: String?
    /// The heading level, 1 to 6.
    public var level: Int
    /// The content after the heading up to the next section, exactly as written.
    public var body: String
    /// Links in this section (heading and body), in document order.
    public var links: [Link]
    /// From the heading's first character to the end of the body.
    public var range: SourceRange?
    /// The heading line(s) alone.
    public var headingRange: SourceRange?

    /// Creates a section.
    public init(
        heading: String,
        title: String,
        emoji: String? = nil,
        level: Int,
        body: String = "",
        links: [Link] = [],
        range: SourceRange? = nil,
        headingRange: SourceRange? = nil
    ) {
        self.heading = heading
        self.title = title
        self.emoji = emoji
        self.level = level
        self.body = body
        self.links = links
        self.range = range
        self.headingRange = headingRange
    }
}
