import NewsletterCore

/// A Markdown text parsed once with cmark-gfm (tables, strikethrough, task lists, bare URLs): its syntax tree, with
/// an exact source range for every block and inline node, and the top-level headings and links derived from it.
///
/// The parsed part may be a slice of a larger file, such as the body after a front-matter block: positions are
/// always in the whole file's coordinates.
///
/// ```swift
/// let source = SourceText(text, path: "issue.md")
/// let document = try MarkdownDocument(parsing: source, bodyRange: bodyStart..<source.utf8Count)
/// let outline = document.outline { $0.level >= 2 }
/// for section in outline.sections { print(section.level, section.title) }
/// ```
///
/// What counts as a link: inline links, reference links (resolved through their definitions), `<...>` autolinks,
/// images (kind ``NewsletterCore/Link/Kind/image``, text = alt text), and bare URLs as GitHub links them (`www.` too,
/// trailing punctuation dropped, parentheses balanced): every link-like node of ``tree``. Nothing inside a code
/// block, a code span or raw HTML is a link.
public struct MarkdownDocument: Sendable {
    /// How deeply blocks and inlines may nest (quotes in lists in quotes, links in emphasis...) before parsing
    /// gives up with ``NewsletterError/Kind/limitExceeded``. cmark-gfm itself parses in linear time; the limit bounds
    /// the work spent per node here on crafted input. Real drafts nest fewer than ten levels.
    public static let maximumNestingDepth = 128

    /// How many columns a table may have before parsing gives up with ``NewsletterError/Kind/limitExceeded`` at its
    /// delimiter row: cmark-gfm's table extension works in time that grows with the square of the columns (10,000
    /// take it tens of seconds). Real tables (polls, schedules) have a handful.
    public static let maximumTableColumns = 256

    /// How many line breaks and inline markers (`*`, `_`, `[`, `]`, `` ` ``, `<`, `&`, `!`, `\`, `~`) a draft may
    /// hold before parsing gives up with ``NewsletterError/Kind/limitExceeded``: cmark-gfm makes a node of a few
    /// hundred bytes for nearly each, so this bounds the memory a crafted draft takes. Real drafts hold one in ten to
    /// thirty bytes: within the input limit of 64 MiB, only a draft made mostly of markup reaches it.
    public static let maximumMarkupMarkers = 1 << 23

    /// How many line breaks and inline markers a stretch that cmark-gfm is given at once may hold: the text between
    /// two blank lines that each come before an unindented block (see ``maximumMarkupMarkers`` for the markers). Its
    /// inline parser holds a node of 168 bytes for each marker of a paragraph until the paragraph is done, and more
    /// for some (`[a](` repeated takes four nodes and a bracket: 180 bytes a byte), so this bounds what one stretch
    /// takes to about 100 MB, whatever the draft's size. A newsletter's paragraph, list or table holds a few hundred;
    /// only a single block of several megabytes reaches it.
    public static let maximumMarkupMarkersBetweenHeadings = 1 << 18

    /// The whole file.
    public let source: SourceText
    /// The UTF-8 offsets that were parsed as Markdown (after a byte order mark, if the body starts with one).
    public let bodyRange: Range<Int>
    /// The headings that are direct children of the document, in order; headings in lists, quotes and tables are not here.
    public let headings: [MarkdownHeading]
    /// What ``headings`` are views of, and what the outline's sections are made from.
    package let headingTable: HeadingTable
    /// Every link and image in the body, in document order of their start.
    public let links: [Link]
    /// The syntax tree of the body: every node with its exact UTF-8 range in the whole file.
    public let tree: MarkdownTree
    /// Leaf blocks whose bytes did not match cmark-gfm's reading of them; their inlines are placed over the block.
    /// None are known: the differential tests against cmark-gfm require this to stay empty.
    package let inexactBlocks: [InexactBlock]

    /// Parses `source`, or only its `bodyRange` (UTF-8 offsets, clamped to the text) when given.
    ///
    /// - Throws: ``NewsletterError/Kind/limitExceeded`` when the text nests deeper than ``maximumNestingDepth``, has a
    ///   table wider than ``maximumTableColumns``, or more markup than ``maximumMarkupMarkers`` (in all) or
    ///   ``maximumMarkupMarkersBetweenHeadings``.
    public init(parsing source: SourceText, bodyRange: Range<Int>? = nil) throws(NewsletterError) {
        try self.init(parsing: source, bodyRange: bodyRange, pieceSize: MarkdownChunks.defaultPieceSize)
    }

    /// Parses with cmark-gfm reading pieces of about `pieceSize` bytes at a time; tests compare piece sizes.
    init(parsing source: SourceText, bodyRange: Range<Int>?, pieceSize: Int) throws(NewsletterError) {
        let count = source.utf8Count
        let requested = bodyRange ?? 0..<count
        var body = min(max(requested.lowerBound, 0), count)..<min(max(requested.upperBound, 0), count)
        self.source = source
        let parsed: Result<(read: MarkdownReader.Result, body: Range<Int>), NewsletterError>
        parsed = source.text.utf8.withContiguousStorageIfAvailable { bytes in
            if body.count >= 3, bytes[body.lowerBound] == 0xEF, bytes[body.lowerBound + 1] == 0xBB, bytes[body.lowerBound + 2] == 0xBF {
                body = (body.lowerBound + 3)..<body.upperBound
            }
            return Result { () throws(NewsletterError) in
                let reader = MarkdownReader(bytes: bytes, source: source, body: body, pieceSize: pieceSize)
                return (try reader.read(), body)
            }
        } ?? .failure(NewsletterError(.malformedInput, "the text is not stored contiguously", path: source.path))
        let result = try parsed.get()
        self.bodyRange = result.body
        self.headingTable = result.read.headings
        self.headings = result.read.headings.entries.indices.map { MarkdownHeading(table: result.read.headings, index: $0) }
        self.links = result.read.links
        self.tree = result.read.tree
        self.inexactBlocks = result.read.inexactBlocks
    }

    /// Cuts the body into a preamble and flat sections.
    ///
    /// - Parameters:
    ///   - start: The UTF-8 offset where the preamble starts (after a header block the caller has read itself);
    ///     the body start when `nil`. Headings before it are not sections.
    ///   - isSection: Which top-level headings start a section. Each section's body runs from after its heading line
    ///     to the next section heading, so a heading that is not a section stays in the body of the one before.
    public func outline(from start: Int? = nil, isSection: (MarkdownHeading) -> Bool) -> MarkdownOutline {
        let from = min(max(start ?? bodyRange.lowerBound, bodyRange.lowerBound), bodyRange.upperBound)
        let table = headingTable
        let allLinks = self.links
        let firstLink = allLinks.firstIndex { ($0.range?.start.offset ?? Int.max) >= from } ?? allLinks.endIndex
        var linkIndex = firstLink
        // A section's links are a run of the document's list, found by walking it once beside the headings.
        func linksStart(before end: Int) -> Int {
            while linkIndex < allLinks.count, (allLinks[linkIndex].range?.start.offset ?? Int.max) < end { linkIndex += 1 }
            return linkIndex
        }
        var entries: [SectionTable.Entry] = []
        entries.reserveCapacity(headings.count)
        var splitter = HeadingTitle.Splitter()
        for (index, heading) in headings.enumerated() where table.entries[index].range.start.offset >= from && isSection(heading) {
            let start = linksStart(before: table.entries[index].range.start.offset)
            let (emoji, title) = table.withPlainText(at: index) { splitter.ranges(in: $0) }
            entries.append(SectionTable.Entry(heading: index, linkStart: start, emoji: emoji, title: title))
        }
        // Sections end at the next section's heading, whose location is already known.
        let bodyEnd = source.location(atUTF8Offset: bodyRange.upperBound)
        let preambleEnd = entries.first.map { table.entries[Int($0.heading)].range.start } ?? bodyEnd
        let sectionTable = SectionTable(
            headings: table, links: allLinks, entries: entries, end: bodyEnd, linkEnd: linksStart(before: bodyEnd.offset)
        )
        let sections = entries.indices.map { sectionTable.section(at: $0) }
        return MarkdownOutline(
            preamble: source.slice(from..<preambleEnd.offset),
            preambleRange: SourceRange(start: source.location(atUTF8Offset: from), end: preambleEnd),
            sections: sections,
            documentLinks: allLinks,
            firstLinkIndex: firstLink
        )
    }
}
