internal import CCmarkGFM
import Foundation
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
        /// The hint's line, an index into ``NewsletterCore/SourceText/lineStarts``: the line is right even when the column drifts.
        var hintLine: Int
        /// Where the first child (the link text) starts: cmark misplaces `<...>` autolinks but not their text.
        var contentHintOffset: Int?
        var text: String = ""
    }

    /// A heading that is a direct child of the document, its lines counted from the body's first line.
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
        /// The hint's line, an index into ``NewsletterCore/SourceText/lineStarts``.
        var hintLine: Int
        /// Where the node's literal text is in ``CmarkTreeReader/literals``.
        var literal: Range<Int>
    }

    private(set) var links: [LinkNode] = []
    private(set) var headings: [HeadingNode] = []
    private(set) var codeSpans: [InlineSpan] = []
    private(set) var htmlSpans: [InlineSpan] = []
    /// The literal text of every code span and raw HTML node, one after the other: one buffer instead of an
    /// array per node.
    private(set) var literals: [UInt8] = []
    /// The blocks whose text may hold bare URLs (paragraphs, headings, tables), in document order.
    private(set) var textBlocks: [Range<Int>] = []

    /// Where plain text currently goes: an open link's text or a top-level heading's text.
    private enum TextSink {
        case link(Int)
        case heading(Int)
    }

    /// Adds what the tree under `document` holds, a piece of the body parsed on its own (see ``MarkdownChunks``)
    /// whose lines start `lineShift` lines into the body.
    ///
    /// - Throws: ``NewsletterError/Kind/limitExceeded`` when blocks and inlines nest deeper than `maximumDepth`,
    ///   which bounds the work spent per node on pathological input.
    mutating func read(
        document: OpaquePointer,
        positions: BodyPositions,
        lineShift: Int,
        maximumDepth: Int
    ) throws(NewsletterError) {
        let iterator = cmark_iter_new(document)!
        defer { cmark_iter_free(iterator) }
        // The plain text of open links and headings, gathered as bytes in one buffer: an open node's text runs from
        // its start mark to the end, so an image's alt text is also part of the link around it (a badge).
        var text: [UInt8] = []
        var openSinks: [(sink: TextSink, start: Int)] = []
        var tableType: UInt32?
        var depth = 0
        // cmark-gfm's table extension re-creates the paragraph that a table interrupts without a position: its
        // inlines count lines and columns from 0 within the paragraph. The table starts where the paragraph did.
        var detachedParagraphStart: (line: Int32, column: Int32)?
        func start(_ node: OpaquePointer) -> (offset: Int, line: Int) {
            var line = cmark_node_get_start_line(node)
            var column = cmark_node_get_start_column(node)
            if let start = detachedParagraphStart {
                line += start.line
                column += start.column
            }
            return (positions.offset(line: line, column: column), positions.lineIndex(Int(line)))
        }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            let node = cmark_iter_get_node(iterator)!
            let type = cmark_node_get_type(node).rawValue
            if event == CMARK_EVENT_EXIT {
                depth -= 1
                if type == NodeType.paragraph { detachedParagraphStart = nil }
                if type == NodeType.link || type == NodeType.image || type == NodeType.heading && cmark_node_parent(node) == document {
                    let closed = openSinks.removeLast()
                    let plain = String(decoding: text[closed.start...], as: UTF8.self)
                    switch closed.sink {
                    case .link(let index): links[index].text = plain
                    case .heading(let index): headings[index].plainText = plain
                    }
                    if openSinks.isEmpty { text.removeAll(keepingCapacity: true) }
                }
                continue
            }
            if !Self.isLeaf(type) {
                depth += 1
                if depth > maximumDepth {
                    let offset = start(node).offset
                    throw NewsletterError(
                        .limitExceeded,
                        "Markdown nests more than \(maximumDepth) levels deep",
                        at: positions.source.location(atUTF8Offset: offset),
                        in: positions.source
                    )
                }
            }
            switch type {
            case NodeType.text:
                if !openSinks.isEmpty { text.append(contentsOf: Self.literal(node)) }
            case NodeType.code:
                let literal = Self.literal(node)
                if !openSinks.isEmpty { text.append(contentsOf: literal) }
                let hint = start(node)
                codeSpans.append(InlineSpan(hintOffset: hint.offset, hintLine: hint.line, literal: keep(literal)))
            case NodeType.softBreak:
                if !openSinks.isEmpty { text.append(UInt8(ascii: " ")) }
            case NodeType.lineBreak:
                if !openSinks.isEmpty { text.append(UInt8(ascii: "\n")) }
            case NodeType.htmlInline:
                let hint = start(node)
                htmlSpans.append(InlineSpan(hintOffset: hint.offset, hintLine: hint.line, literal: keep(Self.literal(node))))
            case NodeType.link, NodeType.image:
                let title = cmark_node_get_title(node).flatMap { $0.pointee == 0 ? nil : String(cString: $0) }
                let hint = start(node)
                links.append(LinkNode(
                    isImage: type == NodeType.image,
                    url: String(cString: cmark_node_get_url(node)),
                    title: title,
                    hintOffset: hint.offset,
                    hintLine: hint.line,
                    contentHintOffset: cmark_node_first_child(node).map { start($0).offset }
                ))
                openSinks.append((.link(links.count - 1), text.count))
            case NodeType.heading:
                textBlocks.append(Self.blockRange(node, positions))
                if cmark_node_parent(node) == document {
                    headings.append(HeadingNode(
                        level: Int(cmark_node_get_heading_level(node)),
                        startLine: Int(cmark_node_get_start_line(node)) + lineShift,
                        endLine: Int(cmark_node_get_end_line(node)) + lineShift
                    ))
                    openSinks.append((.heading(headings.count - 1), text.count))
                }
            case NodeType.paragraph:
                // A table's cells are not paragraphs; a paragraph inside a table cannot occur.
                if cmark_node_get_start_line(node) > 0 {
                    textBlocks.append(Self.blockRange(node, positions))
                } else if let table = cmark_node_next(node), cmark_node_get_start_line(table) > 0 {
                    // The table's range, added next, covers this paragraph's text.
                    detachedParagraphStart = (cmark_node_get_start_line(table), cmark_node_get_start_column(table))
                }
            default:
                // The table extension's node type is assigned at run time; learn it from the first extension block.
                if tableType == nil, type > NodeType.lastCoreBlock, type & NodeType.kindMask == NodeType.block,
                   strcmp(cmark_node_get_type_string(node), "table") == 0 {
                    tableType = type
                }
                if type == tableType { textBlocks.append(Self.blockRange(node, positions)) }
            }
        }
    }

    /// Copies a literal into ``literals``.
    private mutating func keep(_ literal: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let start = literals.count
        literals.append(contentsOf: literal)
        return start..<literals.count
    }

    /// cmark's iterator sends only an enter event for these node types.
    private static func isLeaf(_ type: UInt32) -> Bool {
        switch type {
        case NodeType.text, NodeType.softBreak, NodeType.lineBreak, NodeType.code, NodeType.htmlInline,
             NodeType.codeBlock, NodeType.htmlBlock, NodeType.thematicBreak, NodeType.footnoteReference:
            true
        default:
            false
        }
    }

    /// cmark-gfm's node types as plain integers, so that the walk's switch compares numbers. Computed, not stored:
    /// a stored static is initialised lazily and checked on every read, and the walk reads these for every node.
    private enum NodeType {
        static var text: UInt32 { CMARK_NODE_TEXT.rawValue }
        static var softBreak: UInt32 { CMARK_NODE_SOFTBREAK.rawValue }
        static var lineBreak: UInt32 { CMARK_NODE_LINEBREAK.rawValue }
        static var code: UInt32 { CMARK_NODE_CODE.rawValue }
        static var htmlInline: UInt32 { CMARK_NODE_HTML_INLINE.rawValue }
        static var link: UInt32 { CMARK_NODE_LINK.rawValue }
        static var image: UInt32 { CMARK_NODE_IMAGE.rawValue }
        static var footnoteReference: UInt32 { CMARK_NODE_FOOTNOTE_REFERENCE.rawValue }
        static var heading: UInt32 { CMARK_NODE_HEADING.rawValue }
        static var paragraph: UInt32 { CMARK_NODE_PARAGRAPH.rawValue }
        static var codeBlock: UInt32 { CMARK_NODE_CODE_BLOCK.rawValue }
        static var htmlBlock: UInt32 { CMARK_NODE_HTML_BLOCK.rawValue }
        static var thematicBreak: UInt32 { CMARK_NODE_THEMATIC_BREAK.rawValue }
        static var lastCoreBlock: UInt32 { CMARK_NODE_FOOTNOTE_DEFINITION.rawValue }
        static var kindMask: UInt32 { UInt32(CMARK_NODE_TYPE_MASK) }
        static var block: UInt32 { UInt32(CMARK_NODE_TYPE_BLOCK) }
    }

    /// A node's literal text as bytes, borrowed from cmark-gfm (valid until the tree is freed).
    private static func literal(_ node: OpaquePointer) -> UnsafeBufferPointer<UInt8> {
        guard let pointer = cmark_node_get_literal(node) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
    }

    /// A block's full lines: block positions are exact, and whole lines keep container prefixes out of nothing that matters.
    private static func blockRange(_ node: OpaquePointer, _ positions: BodyPositions) -> Range<Int> {
        let start = positions.offset(line: cmark_node_get_start_line(node), column: cmark_node_get_start_column(node))
        let end = positions.lineEnd(Int(cmark_node_get_end_line(node)), includingTerminator: false)
        return start..<max(start, end)
    }
}
