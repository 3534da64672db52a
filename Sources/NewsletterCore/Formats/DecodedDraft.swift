/// A draft as an adapter read it: the ``Issue``, the Markdown syntax tree its text was read from (if any), what kind
/// of text it is, and which ranges of the file rules should read as prose.
///
/// Rules read all of it: the issue for sections, links and metadata, the tree for anything about how the Markdown is
/// written (emphasis, line breaks, what is code), ``textKind`` to know what the file's bytes are, and
/// ``proseRanges`` for the text a writer typed. Whether a rule applies is decided by what the adapter declares here,
/// never by the format's name.
///
/// ```swift
/// // An adapter for a format whose `content` field holds plain text:
/// DecodedDraft(issue: issue, textKind: .plainText, proseRanges: [contentStart..<contentEnd])
/// ```
public struct DecodedDraft: Sendable {
    /// The decoded issue; its positions point into the same source as the tree's.
    public var issue: Issue
    /// The Markdown syntax tree of the draft's body, `nil` for formats without Markdown in the file itself.
    public var markdown: MarkdownTree?
    /// The UTF-8 offset where a missing metadata field would be written (the end of a front-matter block, after an
    /// export's header lines), so that "no title" points there; `nil` for the start of the file.
    public var metadataInsertionOffset: Int?
    /// What the draft's text is; rules run only on the kinds they declare.
    public var textKind: TextKind
    /// The prose ranges the adapter declared, `nil` to derive them from ``markdown``.
    package private(set) var declaredProseRanges: [Range<Int>]?

    /// Creates a decoded draft.
    ///
    /// - Parameters:
    ///   - issue: The decoded issue, its positions in the source being decoded.
    ///   - markdown: The syntax tree the issue was derived from, for Markdown formats.
    ///   - metadataInsertionOffset: Where a missing metadata field would be written; `nil` for the start of the file.
    ///   - textKind: What the text is; by default ``TextKind/markdown`` when there is a syntax tree, otherwise
    ///     ``TextKind/plainText``.
    ///   - proseRanges: The UTF-8 ranges of the file that hold prose, sorted and not overlapping; by default the
    ///     tree's ``MarkdownTree/proseRanges``, or none without a tree.
    public init(
        issue: Issue,
        markdown: MarkdownTree? = nil,
        metadataInsertionOffset: Int? = nil,
        textKind: TextKind? = nil,
        proseRanges: [Range<Int>]? = nil
    ) {
        self.issue = issue
        self.markdown = markdown
        self.metadataInsertionOffset = metadataInsertionOffset
        self.textKind = textKind ?? (markdown == nil ? .plainText : .markdown)
        self.declaredProseRanges = proseRanges
    }

    /// The UTF-8 ranges of the file that rules judging prose should read, sorted by start and not overlapping: for
    /// Markdown, ``MarkdownTree/proseRanges`` (text outside code, HTML and link destinations); for other kinds, what
    /// the adapter declared (the content of the string fields holding prose, as written in the file, escapes
    /// included: read them decoded with ``EscapedText/init(decoding:in:quoting:)``).
    public var proseRanges: [Range<Int>] {
        get { declaredProseRanges ?? markdown?.proseRanges ?? [] }
        set { declaredProseRanges = newValue }
    }
}
