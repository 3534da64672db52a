/// One newsletter issue, read from any supported format.
///
/// Text is kept exactly as written: an adapter never normalises, trims inside, or repairs what it reads.
/// Finding problems is the job of the rules (`EditorialChecks`); repairing them goes through explicit edits.
///
/// Positions (``Section/range``, ``Link/range``, ...) point into the source the issue was decoded from,
/// and are `nil` for parts that were built in code or came from a format without positions.
public struct Issue: Sendable, Equatable, Codable {
    /// The title, as written (`nil` when the draft has none).
    public var title: String?
    /// The subtitle or description, as written.
    public var subtitle: String?
    /// Author names in order.
    public var authors: [String]
    /// The publication date as written, and parsed where it parses.
    public var date: PublicationDate?
    /// The URL slug.
    public var slug: String?
    /// Tags in order.
    public var tags: [String]
    /// Every other field the format holds (front-matter keys, JSON fields, beehiiv's author links), in source order.
    public var metadata: Metadata
    /// The content before the first section (a greeting, a row of links), as written.
    public var preamble: String {
        get { String(preambleText) }
        set { preambleText = Substring(newValue) }
    }
    /// Sections in document order, flat; each knows its heading level.
    public var sections: [Section]
    /// Every link in document order: header, preamble and sections together.
    public var links: [Link]
    /// Positions of an earlier draft that the decoded format stored as data (the JSON form's ranges), or `nil` when
    /// the issue was read from the draft itself or built in code; see ``RecordedPositions``.
    public var recordedPositions: RecordedPositions?
    /// The strings the source wrote with escapes of characters beyond ASCII (JSON's `\u00fc`), decoded, each with the
    /// way back to its source bytes, so that rules judging characters see them; empty for formats without escapes
    /// and for issues built in code. See ``EscapedText``.
    public var escapedTexts: [EscapedText]
    /// ``preamble`` as stored: an adapter keeps the part of the source's text, not a copy of it (a draft without
    /// sections is all preamble).
    package var preambleText: Substring

    /// Creates an issue; every part defaults to empty, which is what an empty draft decodes to.
    public init(
        title: String? = nil,
        subtitle: String? = nil,
        authors: [String] = [],
        date: PublicationDate? = nil,
        slug: String? = nil,
        tags: [String] = [],
        metadata: Metadata = Metadata(),
        preamble: String = "",
        sections: [Section] = [],
        links: [Link] = [],
        recordedPositions: RecordedPositions? = nil,
        escapedTexts: [EscapedText] = []
    ) {
        self.title = title
        self.subtitle = subtitle
        self.authors = authors
        self.date = date
        self.slug = slug
        self.tags = tags
        self.metadata = metadata
        self.preambleText = Substring(preamble)
        self.sections = sections
        self.links = links
        self.recordedPositions = recordedPositions
        self.escapedTexts = escapedTexts
    }

    /// The first section whose plain title matches `title` exactly.
    public func section(titled title: String) -> Section? {
        sections.first { $0.title == title }
    }

    private enum CodingKeys: String, CodingKey {
        case title, subtitle, authors, date, slug, tags, metadata, preamble, sections, links, recordedPositions, escapedTexts
    }

    /// Decodes an issue; `escapedTexts`, added after issues were first stored this way, may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            title: try container.decodeIfPresent(String.self, forKey: .title),
            subtitle: try container.decodeIfPresent(String.self, forKey: .subtitle),
            authors: try container.decode([String].self, forKey: .authors),
            date: try container.decodeIfPresent(PublicationDate.self, forKey: .date),
            slug: try container.decodeIfPresent(String.self, forKey: .slug),
            tags: try container.decode([String].self, forKey: .tags),
            metadata: try container.decode(Metadata.self, forKey: .metadata),
            preamble: try container.decode(String.self, forKey: .preamble),
            sections: try container.decode([Section].self, forKey: .sections),
            links: try container.decode([Link].self, forKey: .links),
            recordedPositions: try container.decodeIfPresent(RecordedPositions.self, forKey: .recordedPositions),
            escapedTexts: try container.decodeIfPresent([EscapedText].self, forKey: .escapedTexts) ?? []
        )
    }

    /// Encodes the issue's public parts under their names.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(subtitle, forKey: .subtitle)
        try container.encode(authors, forKey: .authors)
        try container.encodeIfPresent(date, forKey: .date)
        try container.encodeIfPresent(slug, forKey: .slug)
        try container.encode(tags, forKey: .tags)
        try container.encode(metadata, forKey: .metadata)
        try container.encode(preamble, forKey: .preamble)
        try container.encode(sections, forKey: .sections)
        try container.encode(links, forKey: .links)
        try container.encodeIfPresent(recordedPositions, forKey: .recordedPositions)
        try container.encode(escapedTexts, forKey: .escapedTexts)
    }
}
