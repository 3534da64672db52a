/// A section of an issue: a heading and the content up to the next section heading.
///
/// Sections are flat, in document order, each with its heading ``level``: exports mix `##` and `###`
/// as peers, so a tree built from levels would nest sections that the writer meant as siblings.
///
/// The sections a Markdown adapter reads are small views of a table the draft's sections share (a draft may hold a
/// heading every few bytes): reading a part makes it from the table, and setting one makes the section a value of its
/// own, equal to what it was but for that part.
public struct Section: Sendable, Equatable, Codable {
    /// The heading exactly as written in the source, markers included: `### **🤌 Ben's Picks**`.
    public var heading: String {
        get { String(headingText) }
        set { headingText = Substring(newValue) }
    }
    /// The plain title: markup and the leading emoji or symbol run removed: `Ben's Picks`.
    public var title: String {
        get { read { $0.title(at: $1) } written: { $0.title } }
        set { change { $0.title = newValue } }
    }
    /// The leading emoji or symbol run as written (possibly mangled), or `nil` when the heading has none.
    public var emoji: String? {
        get { read { $0.emoji(at: $1) } written: { $0.emoji } }
        set { change { $0.emoji = newValue } }
    }
    /// The heading level, 1 to 6.
    public var level: Int {
        get { read { $0.level(at: $1) } written: { $0.level } }
        set { change { $0.level = newValue } }
    }
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
    public var range: SourceRange? {
        get { read { $0.range(at: $1) } written: { $0.range } }
        set { change { $0.range = newValue } }
    }
    /// The heading line(s) alone.
    public var headingRange: SourceRange? {
        get { read { $0.headingRange(at: $1) } written: { $0.headingRange } }
        set { change { $0.headingRange = newValue } }
    }
    /// ``heading`` as stored: a section an adapter reads keeps its heading line as a slice of the draft's text.
    package var headingText: Substring {
        get { read { $0.headingText(at: $1) } written: { $0.headingText } }
        set { change { $0.headingText = newValue } }
    }
    /// ``body`` as stored: the sections an adapter reads share the draft's text rather than each hold a copy.
    package var bodyText: Substring {
        get { read { $0.bodyText(at: $1) } written: { $0.bodyText } }
        set { change { $0.bodyText = newValue } }
    }
    /// ``links`` as stored: the sections an adapter reads share the list rather than each hold a copy.
    package var linkList: ArraySlice<Link> {
        get { read { $0.linkList(at: $1) } written: { $0.linkList } }
        set { change { $0.linkList = newValue } }
    }

    private struct Parts: Sendable {
        var headingText: Substring
        var title: String
        var emoji: String?
        var level: Int
        var bodyText: Substring
        var linkList: ArraySlice<Link>
        var range: SourceRange?
        var headingRange: SourceRange?
    }

    /// A view of an entry in the table its draft's sections share, until it is changed.
    private var storage: ViewOrValue<SectionTable, Parts>

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
        storage = ViewOrValue(Parts(
            headingText: headingText, title: title, emoji: emoji, level: level, bodyText: bodyText, linkList: linkList,
            range: range, headingRange: headingRange
        ))
    }

    /// The section at `index` in `table`, as a view of it.
    init(table: SectionTable, index: Int) {
        storage = ViewOrValue(table, index: index)
    }

    private func read<Value>(_ view: (SectionTable, Int) -> Value, written: (Parts) -> Value) -> Value {
        storage.read(view, value: written)
    }

    private mutating func change(_ body: (inout Parts) -> Void) {
        storage.change(reading: { table, index in
            Parts(
                headingText: table.headingText(at: index), title: table.title(at: index), emoji: table.emoji(at: index),
                level: table.level(at: index), bodyText: table.bodyText(at: index), linkList: table.linkList(at: index),
                range: table.range(at: index), headingRange: table.headingRange(at: index)
            )
        }, body)
    }

    /// Whether two sections have the same parts; two views of the same entry are equal without reading them.
    public static func == (lhs: Section, rhs: Section) -> Bool {
        if lhs.storage.isSameEntry(as: rhs.storage) { return true }
        return lhs.title == rhs.title && lhs.emoji == rhs.emoji && lhs.level == rhs.level && lhs.range == rhs.range
            && lhs.headingRange == rhs.headingRange && lhs.headingText == rhs.headingText && lhs.bodyText == rhs.bodyText
            && lhs.linkList == rhs.linkList
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
