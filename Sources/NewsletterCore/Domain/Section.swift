/// A section of an issue: a heading and the content up to the next section heading.
///
/// Sections are flat, in document order, each with its heading ``level``: exports mix `##` and `###`
/// as peers, so a tree built from levels would nest sections that the writer meant as siblings.
public struct Section: Sendable, Equatable, Codable {
    /// The heading exactly as written in the source, markers included: `### **🤌 Ben's Picks**`.
    public var heading: String {
        get { String(headingText) }
        set { headingText = Substring(newValue) }
    }
    /// The plain title: markup and the leading emoji or symbol run removed: `Ben's Picks`.
    public var title: String
    /// The leading emoji or symbol run as written (possibly mangled), or `nil` when the heading has none.
    public var emoji: String?
    /// The heading level, 1 to 6.
    public var level: Int
    /// The content after the heading up to the next section, exactly as written.
    public var body: String {
        get { String(bodyText) }
        set { bodyText = Substring(newValue) }
    }
    /// Links in this section (heading and body), in document order.
    public var links: [Link] {
        get { Array(linkList) }
        set { linkList = newValue[...] }
    }
    /// From the heading's first character to the end of the body.
    public var range: SourceRange?
    /// The heading line(s) alone.
    public var headingRange: SourceRange?
    /// ``heading`` as stored: a section an adapter reads keeps its heading line as a slice of the draft's text.
    package var headingText: Substring
    /// ``body`` as stored: the sections an adapter reads share the draft's text rather than each hold a copy.
    package var bodyText: Substring
    /// ``links`` as stored: the sections an adapter reads share the list rather than each hold a copy.
    package var linkList: ArraySlice<Link>

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
        self.init(
            headingText: Substring(heading), title: title, emoji: emoji, level: level, bodyText: Substring(body), linkList: links[...],
            range: range, headingRange: headingRange
        )
    }

    /// Creates a section whose heading, body and links are parts of the draft's text and of the list.
    package init(
        headingText: Substring,
        title: String,
        emoji: String?,
        level: Int,
        bodyText: Substring,
        linkList: ArraySlice<Link>,
        range: SourceRange?,
        headingRange: SourceRange?
    ) {
        self.headingText = headingText
        self.title = title
        self.emoji = emoji
        self.level = level
        self.bodyText = bodyText
        self.linkList = linkList
        self.range = range
        self.headingRange = headingRange
    }

    private enum CodingKeys: String, CodingKey {
        case heading, title, emoji, level, body, links, range, headingRange
    }

    /// Decodes a section.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            heading: try container.decode(String.self, forKey: .heading),
            title: try container.decode(String.self, forKey: .title),
            emoji: try container.decodeIfPresent(String.self, forKey: .emoji),
            level: try container.decode(Int.self, forKey: .level),
            body: try container.decode(String.self, forKey: .body),
            links: try container.decode([Link].self, forKey: .links),
            range: try container.decodeIfPresent(SourceRange.self, forKey: .range),
            headingRange: try container.decodeIfPresent(SourceRange.self, forKey: .headingRange)
        )
    }

    /// Encodes a section.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(heading, forKey: .heading)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(emoji, forKey: .emoji)
        try container.encode(level, forKey: .level)
        try container.encode(body, forKey: .body)
        try container.encode(links, forKey: .links)
        try container.encodeIfPresent(range, forKey: .range)
        try container.encodeIfPresent(headingRange, forKey: .headingRange)
    }
}
