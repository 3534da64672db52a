internal import CCmarkGFM
import Foundation
import NewsletterCore

/// Copies cmark-gfm's trees of the pieces of one body into one ``NewsletterCore/MarkdownTree`` whose every node has its
/// exact range in the whole file, so that no C node outlives the parse.
///
/// Block positions come from cmark-gfm, which gets them right, except for tables (the header row and a paragraph the
/// table interrupts are placed at the paragraph's start, missing cells at 0:0): table rows and cells are read from
/// the row lines themselves. Inline positions are never taken from cmark-gfm; ``InlineSourceReader`` reads each leaf
/// block's source forward and gives each inline node the bytes its syntax and literal account for.
struct SyntaxTreeReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let source: SourceText
    let body: Range<Int>
    private(set) var tree: MarkdownTree
    /// The plain text of every top-level heading, in document order, since the last ``releaseRecords()``.
    private(set) var headingTexts: [String] = []
    /// Leaf blocks whose source did not match cmark-gfm's reading; their inlines are placed at the block. Tests
    /// require none.
    private(set) var inexactBlocks: [InexactBlock] = []
    private var inlines: InlineSourceReader

    init(bytes: UnsafeBufferPointer<UInt8>, source: SourceText, body: Range<Int>) {
        self.bytes = bytes
        self.source = source
        self.body = body
        tree = MarkdownTree(emptyDocumentAt: body)
        inlines = InlineSourceReader(bytes: bytes, body: body, source: source)
    }

    /// Adds the blocks of one piece (see ``MarkdownChunks``) as children of the document.
    mutating func read(document: OpaquePointer, positions: BodyPositions, maximumDepth: Int) throws(NewsletterError) {
        var child = cmark_node_first_child(document)
        while let node = child {
            try readBlock(node, parent: 0, depth: 1, quoteDepth: 0, positions: positions, maximumDepth: maximumDepth)
            child = cmark_node_next(node)
        }
    }

    /// Lets go of the link details and heading texts recorded so far, once headings and links are made of them.
    mutating func releaseRecords() {
        tree.releaseLinkDetails()
        headingTexts.removeAll(keepingCapacity: true)
    }

    /// Makes room for `nodes` nodes in all.
    mutating func reserveNodes(_ nodes: Int) {
        tree.reserveCapacity(nodes)
    }

    /// Closes the document node once every piece is read.
    mutating func finish() {
        tree.close(0, end: body.upperBound)
    }

    private mutating func readBlock(
        _ node: OpaquePointer,
        parent: Int,
        depth: Int,
        quoteDepth: Int,
        positions: BodyPositions,
        maximumDepth: Int
    ) throws(NewsletterError) {
        let range = blockRange(node, positions)
        guard depth <= maximumDepth else {
            throw NewsletterError(
                .limitExceeded,
                "Markdown nests more than \(maximumDepth) levels deep",
                at: source.location(atUTF8Offset: range.lowerBound),
                in: source
            )
        }
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_PARAGRAPH:
            var start = range.lowerBound
            var end = range.upperBound
            if cmark_node_get_start_line(node) == 0, let table = cmark_node_next(node) {
                // The paragraph a table interrupts: it starts where the table's (merged) paragraph started and ends
                // on the line before the header row.
                start = blockRange(table, positions).lowerBound
                end = max(start, positions.lineEnd(headerLine(of: table) - 1, includingTerminator: false))
            }
            readLeaf(
                node, kind: .paragraph, range: start..<end, contentStart: start, limit: end, parent: parent, quoteDepth: quoteDepth,
                positions: positions, unescapesPipes: cmark_node_get_start_line(node) == 0
            )
        case CMARK_NODE_HEADING:
            readHeading(node, range: range, parent: parent, quoteDepth: quoteDepth, positions: positions)
        case CMARK_NODE_CODE_BLOCK:
            var length: Int32 = 0, offset: Int32 = 0, character: CChar = 0
            let isFenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
            // cmark-gfm ends an indented block after the blank lines that follow it, and a fence its container closed
            // at the container's next line: the block's lines are its literal's (and the fence lines).
            let end = isFenced
                ? fencedEnd(node, positions, fence: UInt8(bitPattern: character), length: Int(length))
                : literalEnd(node, positions)
            tree.close(tree.open(isFenced ? .fencedCode : .indentedCode, start: range.lowerBound, parent: parent), end: end)
        case CMARK_NODE_HTML_BLOCK:
            // cmark-gfm gives an HTML block that interrupts a paragraph the paragraph's end: its lines are its literal's.
            tree.close(tree.open(.htmlBlock, start: range.lowerBound, parent: parent), end: literalEnd(node, positions))
        case CMARK_NODE_THEMATIC_BREAK:
            tree.close(tree.open(.thematicBreak, start: range.lowerBound, parent: parent), end: range.upperBound)
        case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM:
            let kind: MarkdownNode.Kind = type == CMARK_NODE_BLOCK_QUOTE ? .blockQuote : type == CMARK_NODE_LIST ? .list : .item
            try readContainer(node, kind: kind, range: range, parent: parent, depth: depth, quoteDepth: quoteDepth, positions: positions, maximumDepth: maximumDepth)
        default:
            if type.rawValue == CmarkParser.extensionTypes.table {
                readTable(node, range: range, parent: parent, quoteDepth: quoteDepth, positions: positions)
            }
        }
    }

    /// A block quote, list or item: the node, its blocks, and its end at its last block's.
    private mutating func readContainer(
        _ node: OpaquePointer,
        kind: MarkdownNode.Kind,
        range: Range<Int>,
        parent: Int,
        depth: Int,
        quoteDepth: Int,
        positions: BodyPositions,
        maximumDepth: Int
    ) throws(NewsletterError) {
        let index = tree.open(kind, start: range.lowerBound, parent: parent)
        var child = cmark_node_first_child(node)
        var end = range.lowerBound
        while let block = child {
            let childIndex = tree.count
            try readBlock(
                block, parent: index, depth: depth + 1, quoteDepth: quoteDepth + (kind == .blockQuote ? 1 : 0),
                positions: positions, maximumDepth: maximumDepth
            )
            end = tree.range(at: childIndex).upperBound
            child = cmark_node_next(block)
        }
        // cmark-gfm ends lists and items after the blank lines that follow them; a container ends with its last block.
        tree.close(index, end: cmark_node_first_child(node) == nil ? range.upperBound : end)
    }

    private mutating func readHeading(_ node: OpaquePointer, range: Range<Int>, parent: Int, quoteDepth: Int, positions: BodyPositions) {
        let startLine = Int(cmark_node_get_start_line(node))
        var first = range.lowerBound
        let lineEnd = positions.lineEnd(startLine, includingTerminator: false)
        while first < lineEnd, bytes[first] == UInt8(ascii: " ") { first += 1 }
        let isSetext = first >= lineEnd || bytes[first] != UInt8(ascii: "#")
        let start = parent == 0 ? positions.lineStart(startLine) : range.lowerBound
        let level = Int(cmark_node_get_heading_level(node))
        if isSetext {
            // Link reference definitions may stand before the text (cmark-gfm starts the heading there): the text is
            // on the first line from which it reads, and the underline follows its last line.
            let breaks = Self.lineBreaks(in: node)
            let endLine = Int(cmark_node_get_end_line(node))
            var textLine = startLine
            while textLine + breaks + 1 < endLine, isDefinitionLine(positions, textLine) { textLine += 1 }
            // A code span may hide line endings, so the underline is the first one after the text's first line.
            var underline = textLine + breaks + 1
            while underline < endLine, !isSetextUnderline(positions, underline) { underline += 1 }
            let end = max(start, positions.lineEnd(underline, includingTerminator: false))
            var textStart = range.lowerBound
            if textLine != startLine {
                textStart = positions.lineStart(textLine)
                while textStart < positions.lineEnd(textLine, includingTerminator: false),
                      [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">")].contains(bytes[textStart]) {
                    textStart += 1
                }
            }
            let textEnd = max(textStart, positions.lineEnd(underline - 1, includingTerminator: false))
            readLeaf(node, kind: .heading, range: start..<end, contentStart: textStart, limit: textEnd, parent: parent, quoteDepth: quoteDepth, positions: positions, level: level)
        } else {
            var content = first
            while content < lineEnd, bytes[content] == UInt8(ascii: "#") { content += 1 }
            while content < lineEnd, bytes[content] == UInt8(ascii: " ") || bytes[content] == UInt8(ascii: "\t") { content += 1 }
            readLeaf(node, kind: .heading, range: start..<max(start, lineEnd), contentStart: content, limit: lineEnd, parent: parent, quoteDepth: quoteDepth, positions: positions, level: level)
        }
    }

    /// A block holding inlines: the node, then its inlines read from `contentStart`, no further than `limit`.
    private mutating func readLeaf(
        _ node: OpaquePointer,
        kind: MarkdownNode.Kind,
        range: Range<Int>,
        contentStart: Int,
        limit: Int,
        parent: Int,
        quoteDepth: Int,
        positions: BodyPositions,
        level: Int = 0,
        unescapesPipes: Bool = false
    ) {
        let index = tree.open(kind, start: range.lowerBound, parent: parent, headingLevel: level)
        if kind == .heading, parent == 0 { headingTexts.append(InlineSourceReader.plainText(of: node)) }
        if cmark_node_first_child(node) != nil {
            var mismatch: (offset: Int, node: String)?
            var matched = readInlines(node, from: contentStart, limit: limit, quoteDepth: quoteDepth, unescapesPipes: unescapesPipes, mismatch: &mismatch)
            if !matched, kind == .paragraph || kind == .heading {
                // Link reference definitions at a paragraph's start are not in cmark-gfm's tree: its text starts on a later line.
                var line = source.lineIndex(containing: contentStart) + 1
                while !matched, line < source.lineStarts.count, source.lineStarts[line] < limit {
                    var later: (offset: Int, node: String)?
                    matched = readInlines(
                        node, from: source.lineStarts[line], limit: limit, quoteDepth: quoteDepth, unescapesPipes: unescapesPipes,
                        skippingPrefix: true, mismatch: &later
                    )
                    line += 1
                }
            }
            if matched {
                appendInlines(under: index)
            } else {
                inexactBlocks.append(InexactBlock(range: range, mismatchOffset: mismatch?.offset ?? range.lowerBound, node: mismatch?.node ?? ""))
                appendInexact(node, under: index, range: range)
            }
        }
        tree.close(index, end: range.upperBound)
    }

    private mutating func readInlines(
        _ node: OpaquePointer,
        from start: Int,
        limit: Int,
        quoteDepth: Int,
        unescapesPipes: Bool,
        skippingPrefix: Bool = false,
        mismatch: inout (offset: Int, node: String)?
    ) -> Bool {
        var start = start
        if skippingPrefix {
            var quotes = quoteDepth
            while start < limit {
                if bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") {
                    start += 1
                } else if quotes > 0, bytes[start] == UInt8(ascii: ">") {
                    start += 1
                    quotes -= 1
                } else {
                    break
                }
            }
        }
        let matched = inlines.read(childrenOf: node, start: start, limit: limit, quoteDepth: quoteDepth, unescapesPipes: unescapesPipes)
        mismatch = inlines.mismatch
        return matched
    }

    /// Adds the inline reader's entries (depth 1 = child of `parent`) to the tree.
    private mutating func appendInlines(under parent: Int) {
        var open: [(index: Int, end: Int)] = [(parent, 0)]
        for entry in inlines.entries {
            while open.count > entry.depth {
                let closed = open.removeLast()
                tree.close(closed.index, end: closed.end)
            }
            let index = tree.open(entry.kind, start: entry.range.lowerBound, parent: open[open.count - 1].index)
            if let link = entry.link { tree.setLink(index, link) }
            open.append((index, entry.range.upperBound))
        }
        while open.count > 1 {
            let closed = open.removeLast()
            tree.close(closed.index, end: closed.end)
        }
    }

    /// The inlines of a block whose source did not match, all placed over the block, so that nothing is lost.
    private mutating func appendInexact(_ node: OpaquePointer, under parent: Int, range: Range<Int>) {
        var child = cmark_node_first_child(node)
        while let inline = child {
            let kind = Self.inlineKind(inline)
            let index = tree.open(kind, start: range.lowerBound, parent: parent)
            if kind == .link || kind == .image {
                tree.setLink(index, MarkdownLinkDetails(
                    form: .inline,
                    destination: String(cString: cmark_node_get_url(inline)),
                    title: cmark_node_get_title(inline).flatMap { $0.pointee == 0 ? nil : String(cString: $0) },
                    destinationRange: nil,
                    text: InlineSourceReader.plainText(of: inline)
                ))
            }
            appendInexact(inline, under: index, range: range)
            tree.close(index, end: range.upperBound)
            child = cmark_node_next(inline)
        }
    }

    private static func inlineKind(_ node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .hardBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .html
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_IMAGE: .image
        default: cmark_node_get_type(node).rawValue == CmarkParser.extensionTypes.strikethrough ? .strikethrough : .text
        }
    }

    // MARK: Tables

    /// The body line of a table's header row: the table ends with its last body row, one line per row after the
    /// header and the delimiter row.
    private func headerLine(of table: OpaquePointer) -> Int {
        var rows = 0
        var child = cmark_node_first_child(table)
        while let row = child {
            rows += 1
            child = cmark_node_next(row)
        }
        return Int(cmark_node_get_end_line(table)) - max(rows - 1, 0) - 1
    }

    private mutating func readTable(_ node: OpaquePointer, range: Range<Int>, parent: Int, quoteDepth: Int, positions: BodyPositions) {
        let header = headerLine(of: node)
        let index = tree.open(.table, start: range.lowerBound, parent: parent)
        var line = header
        var row = cmark_node_first_child(node)
        while let rowNode = row {
            // The table's column is that of a paragraph it interrupted: rows start after their line's container prefix.
            var lineStart = positions.lineStart(line)
            let lineLimit = positions.lineEnd(line, includingTerminator: false)
            var quotes = quoteDepth
            while lineStart < lineLimit, bytes[lineStart] == UInt8(ascii: " ") || bytes[lineStart] == UInt8(ascii: "\t")
                || (quotes > 0 && bytes[lineStart] == UInt8(ascii: ">")) {
                if bytes[lineStart] == UInt8(ascii: ">") { quotes -= 1 }
                lineStart += 1
            }
            let lineEnd = max(lineStart, positions.lineEnd(line, includingTerminator: false))
            let rowIndex = tree.open(.tableRow, start: lineStart, parent: index)
            var cells = TableRowCells(bytes: bytes, line: lineStart..<lineEnd).cells.makeIterator()
            var cell = cmark_node_first_child(rowNode)
            while let cellNode = cell {
                let written = cells.next() ?? lineEnd..<lineEnd
                readLeaf(
                    cellNode, kind: .tableCell, range: written, contentStart: written.lowerBound, limit: written.upperBound,
                    parent: rowIndex, quoteDepth: quoteDepth, positions: positions, unescapesPipes: true
                )
                cell = cmark_node_next(cellNode)
            }
            tree.close(rowIndex, end: lineEnd)
            if line == header { tree.setStart(index, lineStart) }
            line += line == header ? 2 : 1
            row = cmark_node_next(rowNode)
        }
        tree.close(index, end: range.upperBound)
    }

    // MARK: Positions

    /// A block's range from cmark-gfm's start and end (end columns are inclusive), kept within the end line.
    private func blockRange(_ node: OpaquePointer, _ positions: BodyPositions) -> Range<Int> {
        let start = positions.offset(line: cmark_node_get_start_line(node), column: cmark_node_get_start_column(node))
        let endLine = Int(cmark_node_get_end_line(node))
        let lineEnd = positions.lineEnd(endLine, includingTerminator: false)
        let endColumn = cmark_node_get_end_column(node)
        let end = endColumn > 0 ? min(positions.offset(line: Int32(endLine), column: endColumn) + 1, lineEnd) : lineEnd
        return start..<max(start, end)
    }

    /// The end of the last line of a block whose literal holds its lines (HTML blocks, indented code).
    private func literalEnd(_ node: OpaquePointer, _ positions: BodyPositions) -> Int {
        let literal = InlineSourceReader.literal(node)
        var lines = 0
        for byte in literal where byte == 0x0A { lines += 1 }
        if let last = literal.last, last != 0x0A { lines += 1 }
        return positions.lineEnd(Int(cmark_node_get_start_line(node)) + max(lines, 1) - 1, includingTerminator: false)
    }

    /// The end of a fenced code block: its opening line, its literal's lines, and the closing fence if there is one.
    private func fencedEnd(_ node: OpaquePointer, _ positions: BodyPositions, fence: UInt8, length: Int) -> Int {
        let literal = InlineSourceReader.literal(node)
        var lines = 0
        for byte in literal where byte == 0x0A { lines += 1 }
        if let last = literal.last, last != 0x0A { lines += 1 }
        let lastContentLine = Int(cmark_node_get_start_line(node)) + lines
        let closing = lastContentLine + 1
        guard closing <= Int(cmark_node_get_end_line(node)) else { return positions.lineEnd(lastContentLine, includingTerminator: false) }
        let start = positions.lineStart(closing)
        let end = positions.lineEnd(closing, includingTerminator: false)
        var index = start
        while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: ">") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        var run = 0
        while index + run < end, bytes[index + run] == fence { run += 1 }
        var rest = index + run
        while rest < end, bytes[rest] == UInt8(ascii: " ") || bytes[rest] == UInt8(ascii: "\t") { rest += 1 }
        let isClosingFence = run >= max(length, 3) && rest == end
        return positions.lineEnd(isClosingFence ? closing : lastContentLine, includingTerminator: false)
    }

    /// The soft and hard line breaks among a node's descendants.
    private static func lineBreaks(in node: OpaquePointer) -> Int {
        var count = 0
        var child = cmark_node_first_child(node)
        while let inline = child {
            let type = cmark_node_get_type(inline)
            count += type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK ? 1 : lineBreaks(in: inline)
            child = cmark_node_next(inline)
        }
        return count
    }

    /// Whether a body line looks like a link reference definition (`[label]: destination`).
    private func isDefinitionLine(_ positions: BodyPositions, _ line: Int) -> Bool {
        var index = positions.lineStart(line)
        let end = positions.lineEnd(line, includingTerminator: false)
        while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: ">") { index += 1 }
        guard index < end, bytes[index] == UInt8(ascii: "[") else { return false }
        while index < end, bytes[index] != UInt8(ascii: "]") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
        return index + 1 < end && bytes[index + 1] == UInt8(ascii: ":")
    }

    /// Whether a body line is `===` or `---` (up to three spaces before, white space after).
    private func isSetextUnderline(_ positions: BodyPositions, _ line: Int) -> Bool {
        let start = positions.lineStart(line)
        let end = positions.lineEnd(line, includingTerminator: false)
        var index = start
        while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: ">") { index += 1 }
        guard index < end, bytes[index] == UInt8(ascii: "=") || bytes[index] == UInt8(ascii: "-") else { return false }
        let marker = bytes[index]
        while index < end, bytes[index] == marker { index += 1 }
        while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        return index == end
    }
}
