import NewsletterCore

/// A Markdown body cut into a preamble and flat sections, with every link in document order.
///
/// Built by ``MarkdownDocument/outline(from:isSection:)``. Sections are flat: each section heading starts a
/// section whose body runs to the next section heading, whatever the levels, because newsletter exports use
/// `##` and `###` as peers.
public struct MarkdownOutline: Sendable, Equatable {
    /// The text between the start offset and the first section heading (or the end), exactly as written.
    public var preamble: String
    /// The range of ``preamble``.
    public var preambleRange: SourceRange
    /// The sections in document order.
    public var sections: [Section]
    /// The links from the start offset to the end of the body, in document order (preamble and sections together).
    public var links: [Link]

    /// Creates an outline.
    public init(preamble: String, preambleRange: SourceRange, sections: [Section], links: [Link]) {
        self.preamble = preamble
        self.preambleRange = preambleRange
        self.sections = sections
        self.links = links
    }
}
