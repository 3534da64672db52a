/// One node of a ``MarkdownTree``: what it is, exactly where it is written, and the attributes of its kind.
///
/// A node is a value copied out of its tree; ``index`` names it within that tree, and ``range`` is a range of UTF-8
/// offsets into the whole file the tree was parsed from (so a body after front matter, or Markdown inside a JSON
/// string, still reports file offsets).
public struct MarkdownNode: Sendable, Hashable {
    /// What a node is. Blocks first, then inlines, in CommonMark's and GitHub's vocabulary.
    public enum Kind: UInt8, Sendable, Hashable, CaseIterable {
        /// The parsed text as a whole.
        case document
        /// An ATX (`## Title`) or setext (`Title` over `===`) heading; see ``MarkdownNode/headingLevel``.
        case heading
        /// A paragraph.
        case paragraph
        /// A bullet or ordered list.
        case list
        /// One item of a list.
        case item
        /// A `>` block quote.
        case blockQuote
        /// A fenced code block (between fences of three or more backticks or `~~~`), fences included.
        case fencedCode
        /// A code block indented by four spaces.
        case indentedCode
        /// An HTML block (including `<!-- comments -->` on lines of their own).
        case htmlBlock
        /// A GitHub table.
        case table
        /// One row of a table; the delimiter row (`|---|`) is not a row.
        case tableRow
        /// One cell of a row, from its first to its last character (surrounding spaces and pipes excluded).
        case tableCell
        /// A `---`, `***` or `___` line.
        case thematicBreak
        /// Plain text, with its backslash escapes and entity references as written.
        case text
        /// `*emphasis*` or `_emphasis_`, delimiters included.
        case emphasis
        /// `**strong**` or `__strong__`, delimiters included.
        case strong
        /// `~~strikethrough~~`, delimiters included.
        case strikethrough
        /// A code span between backticks, backticks included.
        case code
        /// `[text](destination "title")`, `[text][label]`, `[text][]` or `[text]`.
        case link
        /// `![alt](source)` in any of the link forms.
        case image
        /// `<https://example.com>` or `<name@example.com>`.
        case autolink
        /// A URL written bare in text (`https://example.com`, `www.example.com`), as GitHub's autolink extension reads it.
        case bareURL
        /// Inline raw HTML (`<span>`, `<!-- comment -->` inside a paragraph).
        case html
        /// A line ending inside a paragraph, with the spaces before it.
        case softBreak
        /// A hard line break: a backslash or two or more spaces, then the line ending.
        case hardBreak

        /// Whether the node is a block (document through thematic break).
        public var isBlock: Bool { rawValue <= Kind.thematicBreak.rawValue }

        /// Whether the node's bytes are shown as written rather than read as prose: code, HTML.
        public var isVerbatim: Bool {
            switch self {
            case .fencedCode, .indentedCode, .htmlBlock, .code, .html: true
            default: false
            }
        }

        /// Whether the node is a link of any form (bracketed, autolink, bare URL) or an image.
        public var isLinkLike: Bool {
            switch self {
            case .link, .image, .autolink, .bareURL: true
            default: false
            }
        }
    }

    /// How a link or image names its destination.
    public enum LinkForm: UInt8, Sendable, Hashable {
        /// `[text](destination)`.
        case inline
        /// `[text][label]`, `[text][]` or `[text]`, resolved through a definition elsewhere in the text.
        case reference
        /// `<destination>`.
        case angle
        /// A URL written bare in text.
        case bare
    }

    /// The node's position in its tree's document order (the root is 0).
    public let index: Int
    /// What the node is.
    public let kind: Kind
    /// The UTF-8 offsets of the node's source text in the whole file, delimiters and markers included.
    public let range: Range<Int>
    /// The index of the enclosing node, `nil` for the root.
    public let parentIndex: Int?
    /// The index just past the node's last descendant: its descendants are `index + 1 ..< subtreeEnd`.
    public let subtreeEnd: Int
    /// The level of a heading (1 to 6); `nil` for other kinds.
    public let headingLevel: Int?
    /// The link details of a link, image, autolink or bare URL; `nil` for other kinds.
    public let link: MarkdownLinkDetails?

    /// Creates a node; trees are built by parsers (`NewsletterMarkdown`), not by hand.
    package init(
        index: Int,
        kind: Kind,
        range: Range<Int>,
        parentIndex: Int?,
        subtreeEnd: Int,
        headingLevel: Int?,
        link: MarkdownLinkDetails?
    ) {
        self.index = index
        self.kind = kind
        self.range = range
        self.parentIndex = parentIndex
        self.subtreeEnd = subtreeEnd
        self.headingLevel = headingLevel
        self.link = link
    }

    /// Whether the node has children.
    public var hasChildren: Bool { subtreeEnd > index + 1 }
}

/// What a link-like node points at, as the parser resolved it and as it is written.
public struct MarkdownLinkDetails: Sendable, Hashable {
    /// The destination as the parser resolved it: escapes and entities decoded, a reference looked up, a `www.` bare
    /// URL given `http://`, an e-mail autolink given `mailto:`.
    public var destination: String { String(destinationText) }
    /// ``destination`` without making a `String` of it: a slice of the source text when the destination is written
    /// there as it resolves (most are), so that reading a dense draft does not make a string per link.
    package let destinationText: Substring
    /// The title, if the link has one.
    public let title: String?
    /// Where the destination is written: inside the parentheses, the angle brackets, the definition of a reference
    /// link, or the bare URL itself; `nil` when it could not be found (a reference whose definition is elsewhere).
    public var destinationRange: Range<Int>? {
        hasDestinationRange ? Int(destinationStart)..<Int(destinationEnd) : nil
    }
    /// The link's text as plain text (an image's alt text): the literals of its text and code, a space for a soft
    /// break, a line feed for a hard one; an image inside a link gives its alt text to the link's text.
    public let text: String
    /// How the destination is written.
    public let form: MarkdownNode.LinkForm

    // The destination's range in 32 bits, as every offset of a tree (80 bytes a link rather than 96).
    private let destinationStart: UInt32
    private let destinationEnd: UInt32
    private let hasDestinationRange: Bool

    /// Creates link details; parsers do this.
    package init(form: MarkdownNode.LinkForm, destination: String, title: String?, destinationRange: Range<Int>?, text: String) {
        self.init(form: form, destinationText: Substring(destination), title: title, destinationRange: destinationRange, text: text)
    }

    /// Creates link details whose destination is `destinationText`, often a slice of the source.
    package init(form: MarkdownNode.LinkForm, destinationText: Substring, title: String?, destinationRange: Range<Int>?, text: String) {
        self.form = form
        self.destinationText = destinationText
        self.title = title
        self.text = text
        destinationStart = UInt32(destinationRange?.lowerBound ?? 0)
        destinationEnd = UInt32(destinationRange?.upperBound ?? 0)
        hasDestinationRange = destinationRange != nil
    }
}
