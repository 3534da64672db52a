import NewsletterCore

/// A Markdown body cut into a preamble and flat sections, with every link in document order.
///
/// Built by ``MarkdownDocument/outline(from:isSection:)``. Sections are flat: each section heading starts a
/// section whose body runs to the next section heading, whatever the levels, because newsletter exports use
/// `##` and `###` as peers.
public struct MarkdownOutline: Sendable, Equatable {
    /// The text between the start offset and the first section heading (or the end), exactly as written.
    public var preamble: String {
        get { String(preambleText) }
        set { preambleText = Substring(newValue) }
    }
    /// ``preamble`` as stored: a part of the source's text.
    package var preambleText: Substring
    /// The range of ``preamble``.
    public var preambleRange: SourceRange
    /// The sections in document order.
    public var sections: [Section]
    /// The links from the start offset to the end of the body, in document order (preamble and sections together).
    ///
    /// Built when asked for: an adapter that takes the document's own list does not pay for a copy.
    public var links: [Link] {
        get { firstLinkIndex == 0 ? documentLinks : Array(documentLinks[firstLinkIndex...]) }
        set {
            documentLinks = newValue
            firstLinkIndex = 0
        }
    }

    /// A list of links of which ``links`` is the part from `firstLinkIndex` on.
    private var documentLinks: [Link]
    private var firstLinkIndex: Int

    /// Creates an outline.
    public init(preamble: String, preambleRange: SourceRange, sections: [Section], links: [Link]) {
        self.init(preamble: Substring(preamble), preambleRange: preambleRange, sections: sections, documentLinks: links, firstLinkIndex: 0)
    }

    init(preamble: Substring, preambleRange: SourceRange, sections: [Section], documentLinks: [Link], firstLinkIndex: Int) {
        self.preambleText = preamble
        self.preambleRange = preambleRange
        self.sections = sections
        self.documentLinks = documentLinks
        self.firstLinkIndex = firstLinkIndex
    }

    public static func == (lhs: MarkdownOutline, rhs: MarkdownOutline) -> Bool {
        lhs.preambleText == rhs.preambleText && lhs.preambleRange == rhs.preambleRange && lhs.sections == rhs.sections
            && lhs.links == rhs.links
    }
}
