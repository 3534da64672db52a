internal import CCmarkGFM
import NewsletterCore

/// One pass over a cmark-gfm tree that copies out what NewsletterKit needs, so that no C node outlives the parse.
///
/// cmark-gfm's positions for inline nodes are hints: they are exact for ordinary lines but drift on continuation
/// lines whose indentation differs from the first line's. Block positions are exact. Inline positions are therefore
/// recorded as hints here and confirmed against the source by ``InlineLocator``.
struct CmarkTreeReader {
    /// A link, image or `<...>` autolink node.
    struct LinkNode {
        var isImage: Bool
        var url: String
        var title: String?
        var hintOffset: Int
        /// Where the first child (the link text) starts: cmark misplaces `<...>` autolinks but not their text.
        var contentHintOffset: Int?
        var text: String = ""
    }

    /// A heading that is a direct child of the document.
    struct HeadingNode {
        var level: Int
        var startLine: Int
        var endLine: Int
        var plainText: String = ""
    }

    /// An inline node whose extent is excluded from the bare-URL search (code span, raw HTML).
    struct InlineSpan {
        /// cmark's start: the `<` of raw HTML, but the content after the backticks of a code span.
        var hintOffset: Int
        var literal: [UInt8]
    }

    private(set) var links: [LinkNode] = []
    private(set) var headings: [HeadingNode] = []
    private(set) var codeSpans: [InlineSpan] = []
    private(set) var htmlSpans: [InlineSpan] = []
    /// The blocks whose text may hold bare URLs (paragraphs, headings, tables), in document order.
    private(set) var textBlocks: [Range<Int>] = []

    /// Where plain text currently goes: an open link's text or a top-level heading's text.
    private enum TextSink {
        case link(Int)
        case heading(Int)
    }

    /// Reads the tree under `document`.
    ///
    /// - Throws: ``NewsletterError/Kind/limitExceeded`` when blocks and inlines nest deeper than `maximumDepth`,
    ///   which bounds the work spent per node on pathological input.
    init(document: OpaquePointer, positions: BodyPositions, maximumDepth: Int) throws(NewsletterError) {
        let iterator = cmark_iter_new(document)!
        defer { cmark_iter_free(iterator) }
        var sinks: [(sink: TextSink, text: String)] = []
        var depth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            let node = cmark_iter_get_node(iterator)!
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                depth -= 1
                if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE
                    || type == CMARK_NODE_HEADING && cmark_node_parent(node) == document {
                    let closed = sinks.removeLast()
                    switch closed.sink {
                    case .link(let index): links[index].text = closed.text
                    case .heading(let index): headings[index].plainText = closed.text
                    }
                    // An image inside a link (a badge) lends its alt text to the link's text.
                    if !sinks.isEmpty { sinks[sinks.count - 1].text += closed.text }
                }
                continue
            }
            if !Self.isLeaf(type) {
                depth += 1
                if depth > maximumDepth {
                    let offset = positions.offset(line: cmark_node_get_start_line(node), column: cmark_node_get_start_column(node))
                    throw NewsletterError(
                        .limitExceeded,
                        "Markdown nests more than \(maximumDepth) levels deep",
                        at: positions.source.location(atUTF8Offset: offset),
                        in: positions.source
                    )
                }
            }
            switch type {
            case CMARK_NODE_TEXT:
                if !sinks.isEmpty { sinks[sinks.count - 1].text += Self.literal(node) }
            case CMARK_NODE_CODE:
                let literal = Self.literal(node)
                if !sinks.isEmpty { sinks[sinks.count - 1].text += literal }
                codeSpans.append(InlineSpan(hintOffset: Self.startOffset(node, positions), literal: Array(literal.utf8)))
            case CMARK_NODE_SOFTBREAK:
                if !sinks.isEmpty { sinks[sinks.count - 1].text += " " }
            case CMARK_NODE_LINEBREAK:
                if !sinks.isEmpty { sinks[sinks.count - 1].text += "\n" }
            case CMARK_NODE_HTML_INLINE:
                htmlSpans.append(InlineSpan(hintOffset: Self.startOffset(node, positions), literal: Array(Self.literal(node).utf8)))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let title = String(cString: cmark_node_get_title(node))
                links.append(LinkNode(
                    isImage: type == CMARK_NODE_IMAGE,
                    url: String(cString: cmark_node_get_url(node)),
                    title: title.isEmpty ? nil : title,
                    hintOffset: Self.startOffset(node, positions),
                    contentHintOffset: cmark_node_first_child(node).map { Self.startOffset($0, positions) }
                ))
                sinks.append((.link(links.count - 1), ""))
            case CMARK_NODE_HEADING:
                textBlocks.append(Self.blockRange(node, positions))
                if cmark_node_parent(node) == document {
                    headings.append(HeadingNode(
                        level: Int(cmark_node_get_heading_level(node)),
                        startLine: Int(cmark_node_get_start_line(node)),
                        endLine: Int(cmark_node_get_end_line(node))
                    ))
                    sinks.append((.heading(headings.count - 1), ""))
                }
            case CMARK_NODE_PARAGRAPH:
                // A table's cells are not paragraphs; a paragraph inside a table cannot occur.
                textBlocks.append(Self.blockRange(node, positions))
            default:
                if type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK),
                   String(cString: cmark_node_get_type_string(node)) == "table" {
                    textBlocks.append(Self.blockRange(node, positions))
                }
            }
        }
    }

    /// cmark's iterator sends only an enter event for these node types.
    private static func isLeaf(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
             CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_FOOTNOTE_REFERENCE:
            true
        default:
            false
        }
    }

    private static func literal(_ node: OpaquePointer) -> String {
        guard let pointer = cmark_node_get_literal(node) else { return "" }
        return String(cString: pointer)
    }

    private static func startOffset(_ node: OpaquePointer, _ positions: BodyPositions) -> Int {
        positions.offset(line: cmark_node_get_start_line(node), column: cmark_node_get_start_column(node))
    }

    /// A block's full lines: block positions are exact, and whole lines keep container prefixes out of nothing that matters.
    private static func blockRange(_ node: OpaquePointer, _ positions: BodyPositions) -> Range<Int> {
        let start = startOffset(node, positions)
        let end = positions.lineEnd(Int(cmark_node_get_end_line(node)), includingTerminator: false)
        return start..<max(start, end)
    }
}
