internal import CCmarkGFM
import Foundation
import NewsletterCore

/// Gives every inline node of one leaf block (paragraph, heading, table cell) its exact range in the source.
///
/// cmark-gfm's inline positions cannot be trusted: after a backslash hard break they stay on the line before, on
/// continuation lines they ignore the stripped container prefix, and extension nodes sit at 0:0. So they are not
/// used at all. Instead the block's source is read forward once, node by node in document order, and each node
/// consumes exactly the bytes its syntax and its literal account for: a text node its literal (with backslash
/// escapes and character references as written), a code span its backtick runs, a link its brackets and the
/// destination that follows, a break its spaces and line ending and the next line's container prefix. Every step
/// is a match at the cursor, never a search near a hint; a block whose bytes do not match is reported as inexact.
struct InlineSourceReader {
    /// One inline node with its range, in document order; `depth` is 1 for the block's children.
    struct Entry {
        var kind: MarkdownNode.Kind
        var depth: Int
        var range: Range<Int>
        var link: MarkdownLinkDetails?
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// The parsed body, where reference definitions are looked for.
    let body: Range<Int>
    /// The whole file: its line starts, and its slices hold the destinations written as they resolve.
    let source: SourceText
    /// Where the block's text ends; nothing is read at or past it.
    private(set) var limit = 0
    /// How many `>` markers may stand before a continuation line's text.
    private(set) var quoteDepth = 0
    private(set) var cursor: Int
    private(set) var entries: [Entry] = []
    /// Where the source stopped matching, and the cmark-gfm node type it did not match, for the test report.
    private(set) var mismatch: (offset: Int, node: String)?
    /// How literals are written: `<...>` autolinks keep backslashes (but decode references), and GitHub's bare URLs
    /// are their source bytes exactly.
    private var literalForm = LiteralForm.markdown
    /// After a line break, where the new line's text starts once its block-quote markers are skipped: cmark-gfm skips
    /// the indentation after a soft break but keeps it after a backslash hard break, so a text node that begins with
    /// white space takes it back from there.
    private var lineIndentStart: Int?
    /// The plain text of the links being read, one after the other (a link's starts where it opened): built as the
    /// nodes are matched, so no link is walked twice.
    private var plainText: [UInt8] = []
    private var openLinks = 0

    private enum LiteralForm {
        case markdown
        case autolink
        case verbatim
    }

    /// Whether the table extension turned every `\|` into `|` before the text was read as Markdown (table cells and
    /// the paragraph a table interrupts), so that `\|` may stand for `|` and `\\|` for an escaped `|`.
    private(set) var unescapesPipes = false
    private var references = CharacterReferences()
    private var definitions: ReferenceDefinitions?

    /// A reader for the blocks of one body; its buffers are reused from block to block.
    init(bytes: UnsafeBufferPointer<UInt8>, body: Range<Int>, source: SourceText) {
        self.bytes = bytes
        self.body = body
        self.source = source
        self.cursor = body.lowerBound
    }

    /// Reads the inline children of `block` from `start`, no further than `limit`; `false` when the source does not
    /// match them (``mismatch`` says where). The nodes are in ``entries`` until the next call.
    mutating func read(childrenOf block: OpaquePointer, start: Int, limit: Int, quoteDepth: Int, unescapesPipes: Bool) -> Bool {
        cursor = start
        self.limit = limit
        self.quoteDepth = quoteDepth
        self.unescapesPipes = unescapesPipes
        entries.removeAll(keepingCapacity: true)
        plainText.removeAll(keepingCapacity: true)
        openLinks = 0
        mismatch = nil
        lineIndentStart = nil
        literalForm = .markdown
        return readChildren(of: block, depth: 1)
    }

    /// The body's link reference definitions, found the first time a reference link needs one.
    private mutating func referenceDefinitions() -> ReferenceDefinitions {
        if let definitions { return definitions }
        let found = ReferenceDefinitions(bytes: bytes, lineStarts: [body.lowerBound] + source.lineStarts.drop { $0 <= body.lowerBound }, body: body)
        definitions = found
        return found
    }

    private mutating func readChildren(
        of parent: OpaquePointer,
        depth: Int
    ) -> Bool {
        var child = cmark_node_first_child(parent)
        while let node = child {
            guard readInline(node, depth: depth) else {
                if mismatch == nil { mismatch = (cursor, String(cString: cmark_node_get_type_string(node))) }
                return false
            }
            child = cmark_node_next(node)
        }
        return true
    }

    private mutating func readInline(
        _ node: OpaquePointer,
        depth: Int
    ) -> Bool {
        let type = cmark_node_get_type(node).rawValue
        if let indentStart = lineIndentStart {
            lineIndentStart = nil
            if type == CMARK_NODE_TEXT.rawValue {
                let literal = Self.literal(node)
                var indent = 0
                while indent < literal.count, literal[indent] == UInt8(ascii: " ") || literal[indent] == UInt8(ascii: "\t") { indent += 1 }
                cursor = max(indentStart, cursor - indent)
            }
        }
        let start = cursor
        switch type {
        case CMARK_NODE_TEXT.rawValue:
            let literal = Self.literal(node)
            guard matchText(literal) else { return false }
            if openLinks > 0 { plainText.append(contentsOf: literal) }
            entries.append(Entry(kind: .text, depth: depth, range: start..<cursor))
        case CMARK_NODE_SOFTBREAK.rawValue:
            skipSpaces()
            guard let next = afterLineEnding(cursor) else { return false }
            if openLinks > 0 { plainText.append(UInt8(ascii: " ")) }
            entries.append(Entry(kind: .softBreak, depth: depth, range: start..<next))
            cursor = afterContainerPrefix(next)
        case CMARK_NODE_LINEBREAK.rawValue:
            skipSpaces()
            if cursor < limit, bytes[cursor] == UInt8(ascii: "\\") { cursor += 1 }
            guard cursor > start, let next = afterLineEnding(cursor) else { return false }
            if openLinks > 0 { plainText.append(0x0A) }
            entries.append(Entry(kind: .hardBreak, depth: depth, range: start..<next))
            lineIndentStart = afterQuoteMarkers(next)
            cursor = afterContainerPrefix(next)
        case CMARK_NODE_CODE.rawValue:
            guard let end = codeSpanEnd(at: cursor) else { return false }
            if openLinks > 0 { plainText.append(contentsOf: Self.literal(node)) }
            cursor = end
            entries.append(Entry(kind: .code, depth: depth, range: start..<end))
        case CMARK_NODE_HTML_INLINE.rawValue:
            guard matchRaw(Self.literal(node)) else { return false }
            entries.append(Entry(kind: .html, depth: depth, range: start..<cursor))
        case CMARK_NODE_EMPH.rawValue, CMARK_NODE_STRONG.rawValue:
            let count = type == CMARK_NODE_STRONG.rawValue ? 2 : 1
            guard cursor < limit, bytes[cursor] == UInt8(ascii: "*") || bytes[cursor] == UInt8(ascii: "_") else { return false }
            return readDelimited(node, kind: count == 2 ? .strong : .emphasis, delimiter: bytes[cursor], count: count, depth: depth)
        case CMARK_NODE_LINK.rawValue, CMARK_NODE_IMAGE.rawValue:
            return readLink(node, isImage: type == CMARK_NODE_IMAGE.rawValue, depth: depth)
        case CmarkParser.extensionTypes.strikethrough:
            var count = 0
            while cursor + count < limit, bytes[cursor + count] == UInt8(ascii: "~"), count < 2 { count += 1 }
            guard count > 0 else { return false }
            return readDelimited(node, kind: .strikethrough, delimiter: UInt8(ascii: "~"), count: count, depth: depth)
        default:
            return false
        }
        return true
    }

    /// Emphasis, strong emphasis and strikethrough: `count` delimiters, the children, the same delimiters.
    private mutating func readDelimited(
        _ node: OpaquePointer,
        kind: MarkdownNode.Kind,
        delimiter: UInt8,
        count: Int,
        depth: Int
    ) -> Bool {
        let start = cursor
        guard consume(delimiter, count: count) else { return false }
        let index = entries.count
        entries.append(Entry(kind: kind, depth: depth, range: start..<start))
        guard readChildren(of: node, depth: depth + 1),
              consume(delimiter, count: count)
        else { return false }
        entries[index].range = start..<cursor
        return true
    }

    private mutating func readLink(
        _ node: OpaquePointer,
        isImage: Bool,
        depth: Int
    ) -> Bool {
        let start = cursor
        let index = entries.count
        let textStart = plainText.count
        openLinks += 1
        defer {
            openLinks -= 1
            if openLinks == 0 { plainText.removeAll(keepingCapacity: true) }
        }
        let form: MarkdownNode.LinkForm
        var destinationRange: Range<Int>?
        if isImage || (cursor < limit && bytes[cursor] == UInt8(ascii: "[")) {
            if isImage {
                guard consume(UInt8(ascii: "!"), count: 1) else { return false }
            }
            guard consume(UInt8(ascii: "["), count: 1) else { return false }
            entries.append(Entry(kind: isImage ? .image : .link, depth: depth, range: start..<start))
            let labelStart = cursor
            guard readChildren(of: node, depth: depth + 1) else { return false }
            let labelEnd = cursor
            guard consume(UInt8(ascii: "]"), count: 1) else { return false }
            if let tail = inlineTail(at: cursor) {
                cursor = tail.end
                form = .inline
                destinationRange = tail.range
            } else {
                var label = labelStart..<labelEnd
                if let written = labelTail(at: cursor) {
                    cursor = written.upperBound
                    if written.count > 2 { label = (written.lowerBound + 1)..<(written.upperBound - 1) }
                }
                let url = String(cString: cmark_node_get_url(node))
                form = .reference
                destinationRange = referenceDefinitions()
                    .definition(label: ReferenceDefinitions.normalizedLabel(bytes, label), resolvingTo: url, bytes: bytes)?.destinationRange
            }
        } else if cursor < limit, bytes[cursor] == UInt8(ascii: "<") {
            cursor += 1
            entries.append(Entry(kind: .autolink, depth: depth, range: start..<start))
            literalForm = .autolink
            defer { literalForm = .markdown }
            guard readChildren(of: node, depth: depth + 1) else { return false }
            destinationRange = (start + 1)..<cursor
            guard consume(UInt8(ascii: ">"), count: 1) else { return false }
            form = .angle
        } else {
            entries.append(Entry(kind: .bareURL, depth: depth, range: start..<start))
            literalForm = .verbatim
            defer { literalForm = .markdown }
            guard readChildren(of: node, depth: depth + 1), cursor > start else { return false }
            destinationRange = start..<cursor
            form = .bare
        }
        let title = form == .bare ? nil : cmark_node_get_title(node).flatMap { $0.pointee == 0 ? nil : String(cString: $0) }
        entries[index].range = start..<cursor
        entries[index].link = MarkdownLinkDetails(
            form: form,
            destinationText: destination(cmark_node_get_url(node), writtenAt: destinationRange),
            title: title,
            destinationRange: destinationRange,
            text: String(decoding: plainText[textStart...], as: UTF8.self)
        )
        return true
    }

    /// The destination cmark-gfm resolved: the source's slice when it is written there as it resolves (most are).
    private func destination(_ url: UnsafePointer<CChar>, writtenAt range: Range<Int>?) -> Substring {
        let resolved = UnsafeBufferPointer(start: UnsafeRawPointer(url).assumingMemoryBound(to: UInt8.self), count: strlen(url))
        if let range, resolved.hasSameBytes(as: UnsafeBufferPointer(rebasing: bytes[range])) {
            return source.slice(range)
        }
        return Substring(String(cString: url))
    }

    // MARK: Matching at the cursor

    /// Matches a text literal: each byte is itself, a backslash escape of it, or part of a character reference.
    private mutating func matchText(_ literal: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < literal.count {
            guard cursor < limit else { return false }
            let byte = bytes[cursor]
            if byte == literal[index], byte != UInt8(ascii: "\\"), byte != UInt8(ascii: "&") {
                cursor += 1
                index += 1
                continue
            }
            if unescapesPipes, byte == UInt8(ascii: "\\"), literal[index] == UInt8(ascii: "|") {
                if cursor + 1 < limit, bytes[cursor + 1] == UInt8(ascii: "|") {
                    cursor += 2
                    index += 1
                    continue
                }
                if literalForm == .markdown, cursor + 2 < limit, bytes[cursor + 1] == UInt8(ascii: "\\"), bytes[cursor + 2] == UInt8(ascii: "|") {
                    cursor += 3
                    index += 1
                    continue
                }
            }
            if byte == UInt8(ascii: "\\"), literalForm == .markdown, cursor + 1 < limit, MarkdownEscapes.isEscapable(bytes[cursor + 1]) {
                if bytes[cursor + 1] == literal[index] {
                    cursor += 2
                    index += 1
                    continue
                }
            }
            if byte == UInt8(ascii: "&"), literalForm != .verbatim, let reference = references.reference(in: bytes, at: cursor, limit: limit),
               literal.count - index >= reference.decoded.count,
               reference.decoded.indices.allSatisfy({ literal[index + $0] == reference.decoded[$0] }) {
                cursor += reference.length
                index += reference.decoded.count
                continue
            }
            guard byte == literal[index] else { return false }
            cursor += 1
            index += 1
        }
        return true
    }

    /// Matches a literal kept as written (raw HTML): line endings may differ in form, and a continuation line's
    /// container prefix and indentation are not part of the literal.
    private mutating func matchRaw(_ literal: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < literal.count {
            guard cursor < limit else { return false }
            if literal[index] == 0x0A, let next = afterLineEnding(cursor) {
                index += 1
                cursor = afterContainerPrefix(next)
                while index < literal.count, literal[index] == UInt8(ascii: " ") || literal[index] == UInt8(ascii: "\t") { index += 1 }
                continue
            }
            guard bytes[cursor] == literal[index] else { return false }
            cursor += 1
            index += 1
        }
        return true
    }

    private mutating func consume(_ byte: UInt8, count: Int) -> Bool {
        guard cursor + count <= limit else { return false }
        for offset in 0..<count where bytes[cursor + offset] != byte { return false }
        cursor += count
        lineIndentStart = nil
        return true
    }

    private mutating func skipSpaces() {
        while cursor < limit, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") { cursor += 1 }
    }

    /// The offset after a line ending (`\n`, `\r\n` or `\r`) at `offset`, or `nil` when there is none.
    private func afterLineEnding(_ offset: Int) -> Int? {
        guard offset < limit else { return nil }
        if bytes[offset] == 0x0A { return offset + 1 }
        guard bytes[offset] == 0x0D else { return nil }
        return offset + 1 < limit && bytes[offset + 1] == 0x0A ? offset + 2 : offset + 1
    }

    /// Skips a continuation line's block-quote markers (each after at most three spaces), not its indentation.
    private func afterQuoteMarkers(_ lineStart: Int) -> Int {
        var offset = lineStart
        var quotes = quoteDepth
        while quotes > 0 {
            var next = offset
            while next < limit, next - offset <= 3, bytes[next] == UInt8(ascii: " ") { next += 1 }
            guard next < limit, bytes[next] == UInt8(ascii: ">") else { break }
            offset = next + 1
            if offset < limit, bytes[offset] == UInt8(ascii: " ") { offset += 1 }
            quotes -= 1
        }
        return offset
    }

    /// Skips a continuation line's block-quote markers (each after at most three spaces) and indentation.
    private func afterContainerPrefix(_ lineStart: Int) -> Int {
        var offset = lineStart
        var quotes = quoteDepth
        while true {
            var next = offset
            while next < limit, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") { next += 1 }
            if quotes > 0, next < limit, bytes[next] == UInt8(ascii: ">"), next - offset <= 3 {
                offset = next + 1
                quotes -= 1
                continue
            }
            return next
        }
    }

    /// The end of the code span opening at `start`: the next backtick run of the same length.
    private func codeSpanEnd(at start: Int) -> Int? {
        var runEnd = start
        while runEnd < limit, bytes[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
        let length = runEnd - start
        guard length > 0 else { return nil }
        var index = runEnd
        while index < limit {
            guard bytes[index] == UInt8(ascii: "`") else {
                index += 1
                continue
            }
            var closeEnd = index
            while closeEnd < limit, bytes[closeEnd] == UInt8(ascii: "`") { closeEnd += 1 }
            if closeEnd - index == length { return closeEnd }
            index = closeEnd
        }
        return nil
    }

    /// Skips spaces and tabs and at most one line ending (with the next line's prefix), as link syntax allows.
    private func afterLinkWhitespace(_ offset: Int) -> Int {
        var index = offset
        while index < limit, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        if let next = afterLineEnding(index) { index = afterContainerPrefix(next) }
        return index
    }

    /// `(destination "title")` at `start`, as CommonMark reads an inline link's tail: where the destination is written
    /// and where the tail ends; `nil` when the bytes there are not such a tail.
    private func inlineTail(at start: Int) -> (range: Range<Int>, end: Int)? {
        guard start < limit, bytes[start] == UInt8(ascii: "(") else { return nil }
        var index = afterLinkWhitespace(start + 1)
        let destination: Range<Int>
        if index < limit, bytes[index] == UInt8(ascii: "<") {
            var end = index + 1
            while end < limit, bytes[end] != UInt8(ascii: ">") {
                if bytes[end] == 0x0A || bytes[end] == 0x0D || bytes[end] == UInt8(ascii: "<") { return nil }
                end += bytes[end] == UInt8(ascii: "\\") && end + 1 < limit ? 2 : 1
            }
            guard end < limit else { return nil }
            destination = (index + 1)..<end
            index = end + 1
        } else {
            let destinationStart = index
            var depth = 0
            while index < limit {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\"), index + 1 < limit, MarkdownEscapes.isEscapable(bytes[index + 1]) {
                    index += 2
                    continue
                }
                if byte <= 0x20 || byte == 0x7F { break }
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                index += 1
            }
            guard depth == 0 else { return nil }
            destination = destinationStart..<index
        }
        let beforeTitle = index
        index = afterLinkWhitespace(index)
        if index > beforeTitle, index < limit, let closer = Self.titleCloser(bytes[index]) {
            var end = index + 1
            while end < limit, bytes[end] != closer {
                if closer == UInt8(ascii: ")"), bytes[end] == UInt8(ascii: "(") { return nil }
                end += bytes[end] == UInt8(ascii: "\\") && end + 1 < limit ? 2 : 1
            }
            guard end < limit else { return nil }
            index = afterLinkWhitespace(end + 1)
        }
        guard index < limit, bytes[index] == UInt8(ascii: ")") else { return nil }
        return (destination, index + 1)
    }

    private static func titleCloser(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "'"): UInt8(ascii: "'")
        case UInt8(ascii: "("): UInt8(ascii: ")")
        default: nil
        }
    }

    /// A `[label]` or `[]` right after a link's text (brackets included), or `nil`.
    private func labelTail(at start: Int) -> Range<Int>? {
        guard start < limit, bytes[start] == UInt8(ascii: "[") else { return nil }
        var index = start + 1
        while index < limit, index - start <= 1000 {
            switch bytes[index] {
            case UInt8(ascii: "]"): return start..<(index + 1)
            case UInt8(ascii: "["): return nil
            case UInt8(ascii: "\\"): index += 2
            default: index += 1
            }
        }
        return nil
    }

    // MARK: cmark-gfm nodes

    /// A node's literal text as bytes, borrowed from cmark-gfm (valid until the tree is freed).
    static func literal(_ node: OpaquePointer) -> UnsafeBufferPointer<UInt8> {
        guard let pointer = cmark_node_get_literal(node) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
    }

    /// The plain text of a node's descendants: literals of text and code, a space for a soft break, a line feed for a
    /// hard one (an image's alt text is part of the link around it).
    static func plainText(of node: OpaquePointer) -> String {
        var text: [UInt8] = []
        func collect(_ parent: OpaquePointer) {
            var child = cmark_node_first_child(parent)
            while let node = child {
                switch cmark_node_get_type(node) {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE: text.append(contentsOf: literal(node))
                case CMARK_NODE_SOFTBREAK: text.append(UInt8(ascii: " "))
                case CMARK_NODE_LINEBREAK: text.append(UInt8(ascii: "\n"))
                case CMARK_NODE_HTML_INLINE: break
                default: collect(node)
                }
                child = cmark_node_next(node)
            }
        }
        collect(node)
        return String(decoding: text, as: UTF8.self)
    }
}
