import NewsletterCore
import NewsletterMarkdown

/// Reads and writes beehiiv posts exported to Markdown.
///
/// The layout, as HTML-to-Markdown converters write a beehiiv post:
///
/// ```markdown
/// # Title
///
/// ### PLUS: the subtitle
///
/// ![Author](https://media.beehiiv.com/.../profile_picture/avatar.jpg)
///
/// [Ada Writer](https://example.beehiiv.com/authors/ada)\
/// January 03, 2023
///
/// Hey friends, the greeting or a row of links (the preamble).
///
/// ### **🤌 Cool Tools**
///
/// - Name - **what it is**. ([<u>link</u>](https://...))
/// ```
///
/// Every top-level heading after the header block starts a section, whatever its level (`##`, `###` and `######`
/// are peers in these exports); headings inside lists, quotes and tables (a poll) do not. The avatar and the author's
/// link go to ``NewsletterCore/Issue/metadata`` as `author_avatar` and `author_url`.
///
/// Decoding is lenient (no title, no author, no sections all decode) and keeps text exactly as written, mojibake
/// included. Encoding writes the same layout; a file in canonical layout re-encodes byte for byte.
public struct BeehiivAdapter: FormatAdapter {
    /// The metadata key holding the author's link destination, as written.
    public static let authorURLKey = "author_url"
    /// The metadata key holding the author's avatar image destination, as written.
    public static let authorAvatarKey = "author_avatar"

    /// `beehiiv`.
    public let identifier = "beehiiv"
    /// `beehiiv export (Markdown)`.
    public let name = "beehiiv export (Markdown)"
    /// `md` and `markdown`.
    public let fileExtensions = ["md", "markdown"]
    /// `TextKind.markdown`: every rule reads the body, whose syntax tree ``decodeDraft(_:)`` returns.
    public let textKind = TextKind.markdown

    /// Creates the adapter.
    public init() {}

    /// `certain` with the `![Author](...)` avatar near the top; `likely` for a `#` title followed by a `###`
    /// subtitle or for bold headings starting a section; `none` for a front-matter fence or JSON; else `possible`.
    public func sniff(_ source: SourceText) -> FormatConfidence {
        let head = source.slice(0..<min(source.utf8Count, 8192))
        let start = head.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        if start.hasPrefix("{") || start.hasPrefix("[{") { return .none }
        // Prefixes are compared as UTF-8 bytes: this runs for every Markdown file of a folder, and comparing by
        // character cost more than reading the head's lines.
        // The lines are read one at a time and reading stops once the answer is known: an export's avatar is within
        // its first lines, so most of the head is never split into lines.
        var number = 0
        var titleThenSubtitle = false
        var boldHeading = false
        var firstLine: Substring?
        var answer: FormatConfidence?
        start.forEachNonEmptyLine { line in
            defer { number += 1 }
            if number == 0 {
                if line.trimmingSuffix() == "---" { answer = FormatConfidence.none; return false }
                firstLine = line
            }
            if number < 12 && line.utf8.starts(with: "![Author](".utf8) { answer = .certain; return false }
            if number == 1, let firstLine, firstLine.utf8.starts(with: "# ".utf8), line.utf8.starts(with: "### ".utf8) { titleThenSubtitle = true }
            if line.utf8.starts(with: "## **".utf8) || line.utf8.starts(with: "### **".utf8) { boldHeading = true }
            // Past the lines where the avatar may stand, a heading that makes the draft likely settles it.
            return number < 11 || !(titleThenSubtitle || boldHeading)
        }
        return answer ?? (titleThenSubtitle || boldHeading ? .likely : .possible)
    }

    /// Reads a beehiiv export; see the type's documentation for the layout.
    ///
    /// - Throws: ``NewsletterError/Kind/limitExceeded`` for Markdown nested beyond ``MarkdownDocument/maximumNestingDepth``.
    public func decode(_ source: SourceText) throws(NewsletterError) -> Issue {
        try decodeDraft(source).issue
    }

    /// Reads a beehiiv export with the syntax tree of its Markdown; a missing title belongs at the start, any other
    /// missing header field after the header lines.
    ///
    /// - Throws: As ``decode(_:)``.
    public func decodeDraft(_ source: SourceText) throws(NewsletterError) -> DecodedDraft {
        guard source.utf8Count > 0 else { return DecodedDraft(issue: Issue(), markdown: MarkdownTree(emptyDocumentAt: 0..<0), textKind: textKind) }
        let document = try MarkdownDocument(parsing: source)
        let header = BeehiivHeader(document: document)
        let outline = document.outline(from: header.end) { _ in true }
        var metadata = Metadata()
        metadata[Self.authorAvatarKey] = header.avatar.map(MetadataValue.string)
        metadata[Self.authorURLKey] = header.authorURL.map(MetadataValue.string)
        var issue = Issue(
            title: header.title,
            subtitle: header.subtitle,
            authors: header.author.map { [$0] } ?? [],
            date: header.date,
            metadata: metadata,
            sections: outline.sections,
            links: document.links
        )
        issue.preambleText = outline.preambleText
        return DecodedDraft(issue: issue, markdown: document.tree, metadataInsertionOffset: header.title == nil ? nil : header.end, textKind: textKind)
    }

    /// Writes an issue in the export layout, with warnings for what the layout cannot hold (slug, tags, other
    /// metadata, authors after the first) and for every part the written text does not read back as
    /// (`MarkdownReadBack` of NewsletterMarkdown): a link no body mentions, a title its heading does not give.
    ///
    /// - Throws: ``NewsletterError/Kind/unrepresentable`` when a one-line field (title, subtitle, author, date) holds a line break.
    public func encode(_ issue: Issue) throws(NewsletterError) -> EncodedIssue {
        var encoded = try BeehiivWriter(issue: issue).encoded()
        let readBack = try decode(SourceText(encoded.text))
        encoded.warnings += MarkdownReadBack.lostParts(of: issue, readBack: readBack, reported: encoded.warnings)
        return encoded
    }
}

extension Substring {
    /// Hands `body` each line that is not empty, in order, until it returns `false`. Lines are split at `\n`, `\r` and
    /// `\r\n`, the same lines as splitting the characters (a line break is always a character of its own), found on
    /// bytes: breaking the head of the file into characters cost more than the rest of sniffing a draft. The bytes are
    /// read in place, and an index made only where a line starts or ends: stepping through the view's indices a byte
    /// at a time was most of sniffing a folder's drafts.
    fileprivate func forEachNonEmptyLine(_ body: (Substring) -> Bool) {
        func line(_ offsets: Range<Int>) -> Substring {
            self[utf8.index(utf8.startIndex, offsetBy: offsets.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: offsets.upperBound)]
        }
        func walk(_ bytes: UnsafeBufferPointer<UInt8>) {
            var lineStart = 0
            for offset in bytes.indices where bytes[offset] == UInt8(ascii: "\n") || bytes[offset] == UInt8(ascii: "\r") {
                if lineStart < offset, !body(line(lineStart..<offset)) { return }
                lineStart = offset + 1
            }
            if lineStart < bytes.count { _ = body(line(lineStart..<bytes.count)) }
        }
        if utf8.withContiguousStorageIfAvailable(walk) == nil { Array(utf8).withUnsafeBufferPointer(walk) }
    }

    fileprivate func trimmingSuffix() -> Substring {
        var result = self
        while result.last == " " || result.last == "\t" { result = result.dropLast() }
        return result
    }
}
