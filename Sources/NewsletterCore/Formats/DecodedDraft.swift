/// A draft as an adapter read it: the ``Issue``, and the Markdown syntax tree its text was read from, if any.
///
/// Rules read both: the issue for sections, links and metadata, the tree for anything about how the Markdown is
/// written (emphasis, line breaks, what is code). A format that holds no Markdown prose gives no tree, and then no
/// Markdown rule looks at its text: whether a rule applies is decided by what the adapter declares, never by the
/// format's name.
public struct DecodedDraft: Sendable {
    /// The decoded issue; its positions point into the same source as the tree's.
    public var issue: Issue
    /// The Markdown syntax tree of the draft's body, `nil` for formats without Markdown prose.
    public var markdown: MarkdownTree?
    /// The UTF-8 offset where a missing metadata field would be written (the end of a front-matter block, after an
    /// export's header lines), so that "no title" points there; `nil` for the start of the file.
    public var metadataInsertionOffset: Int?

    /// Creates a decoded draft.
    public init(issue: Issue, markdown: MarkdownTree? = nil, metadataInsertionOffset: Int? = nil) {
        self.issue = issue
        self.markdown = markdown
        self.metadataInsertionOffset = metadataInsertionOffset
    }
}
