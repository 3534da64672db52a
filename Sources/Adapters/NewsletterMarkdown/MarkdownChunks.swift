internal import CCmarkGFM
import Foundation

/// Cuts a body into pieces that cmark-gfm parses one at a time, each exactly as it would parse inside the whole.
///
/// A newsletter is a long run of sections. Parsing it in pieces of a few kilobytes keeps each piece's cmark-gfm tree
/// in the processor cache while it is read, and caps the memory the C tree takes at one piece instead of 15 times
/// the whole document: reading a 1 MB issue this way takes about half the time of walking one big tree.
///
/// A piece ends just before a line that follows a blank line and starts a block that cannot belong to anything open
/// above it: a line whose first byte is printable and not a space or tab (indentation could continue a list item or
/// make code) and that does not start a list item (`-`, `+` or `*` followed by a space, a tab or the line's end; digits
/// followed by `.` or `)`), which could continue a list the blank line left open. So headings, paragraphs (whatever
/// they start with: a letter, `**`, an emoji, a link), quotes, tables, HTML and fences all start pieces; a draft of
/// paragraphs without headings is cut as finely as one with them. Nothing can carry the Markdown state across such a
/// line except two things, both handled:
/// - link reference definitions, which apply to the whole document: a body holding `]:` anywhere is parsed whole;
/// - a fenced code block or a type 1-5 HTML block (`<!--`, `<pre>`, ...) still open at the blank line, which would
///   swallow the line: ``isSafeEnd(of:)`` checks the parsed piece, and when it ends that way the reader parses a
///   piece twice as long from the same start.
/// Every other block ends at the blank line or at the unindented line: a blank line closes quotes, tables, paragraphs
/// and HTML blocks of types 6 and 7, and a list left open (with any fence inside it) is closed by an unindented line
/// that does not start an item, as by the end of the piece.
struct MarkdownChunks {
    /// The size a piece grows to before it looks for its end: small enough for the cache, large enough that
    /// per-parse set-up does not count.
    static let defaultPieceSize = 16 * 1024

    let bytes: UnsafeBufferPointer<UInt8>
    let body: Range<Int>
    let pieceSize: Int

    /// The body's lines.
    var lines: MarkdownLines { MarkdownLines(bytes: bytes, range: body) }

    /// Whether the body may be parsed in pieces at all.
    var isSplittable: Bool {
        guard body.count > pieceSize, let base = bytes.baseAddress else { return false }
        var index = body.lowerBound
        while index < body.upperBound - 1 {
            guard let found = memchr(base + index, Int32(UInt8(ascii: "]")), body.upperBound - 1 - index) else { return true }
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            if bytes[index] == UInt8(ascii: ":") { return false }
        }
        return true
    }

    /// Where the piece that starts at `start` ends: the first line at least `length` bytes on (``pieceSize`` unless
    /// given) that starts a block after a blank line (see the type's description), or the body's end.
    func end(ofPieceStartingAt start: Int, length: Int? = nil) -> Int {
        let length = length ?? pieceSize
        guard length < body.upperBound - start else { return body.upperBound }
        var lineStart = lines.lineEnd(from: start + length)
        while lineStart < body.upperBound {
            if startsUnattachedBlock(lineStart), followsBlankLine(lineStart) { return lineStart }
            lineStart = lines.lineEnd(from: lineStart)
        }
        return body.upperBound
    }

    /// Whether a parsed piece ends with no fenced code or HTML block left open, so the heading after it is a heading.
    ///
    /// cmark-gfm ends a block closed by the end of the input on the input's last line (the document's end line),
    /// which is the blank line before the next piece; a block that was closed ends on an earlier line.
    static func isSafeEnd(of document: OpaquePointer) -> Bool {
        guard let last = cmark_node_last_child(document) else { return true }
        let type = cmark_node_get_type(last)
        guard type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK else { return true }
        return cmark_node_get_end_line(last) < cmark_node_get_end_line(document)
    }

    /// A printable first byte, not a space or a tab, that does not open a list item: the line starts a block that
    /// nothing above a blank line can take in.
    private func startsUnattachedBlock(_ lineStart: Int) -> Bool {
        guard lineStart < body.upperBound else { return false }
        let first = bytes[lineStart]
        guard first > UInt8(ascii: " "), first != 0x7F else { return false }
        switch first {
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"):
            return !endsMarker(at: lineStart + 1)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var index = lineStart + 1
            while index < body.upperBound, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index < body.upperBound && bytes[index] != UInt8(ascii: ".") && bytes[index] != UInt8(ascii: ")")
        default:
            return true
        }
    }

    /// Whether a list marker ending before `index` is one: it is followed by a space, a tab or the line's end.
    private func endsMarker(at index: Int) -> Bool {
        index >= body.upperBound || MarkdownLines.isBlank(bytes[index])
    }

    /// Whether the line before `lineStart` is blank (and it is not the body's first line).
    private func followsBlankLine(_ lineStart: Int) -> Bool {
        guard let blankStart = lines.blankLineStart(before: lineStart) else { return false }
        return blankStart > body.lowerBound
    }
}
