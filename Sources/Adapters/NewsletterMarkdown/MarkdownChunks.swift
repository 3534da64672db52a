internal import CCmarkGFM
import Foundation

/// Cuts a body into pieces that cmark-gfm parses one at a time, each exactly as it would parse inside the whole.
///
/// A newsletter is a long run of sections. Parsing it in pieces of a few kilobytes keeps each piece's cmark-gfm tree
/// in the processor cache while it is read, and caps the memory the C tree takes at one piece instead of 15 times
/// the whole document: reading a 1 MB issue this way takes about half the time of walking one big tree.
///
/// A piece ends just before an ATX heading (`#` to `######` at the start of a line) or a line starting with an ASCII
/// letter (a paragraph's first line, in a draft without headings) that follows a blank line. Nothing can carry the
/// Markdown state across such a line except two things, both handled:
/// - link reference definitions, which apply to the whole document: a body holding `]:` anywhere is parsed whole;
/// - a fenced code block or a type 1-5 HTML block (`<!--`, `<pre>`, ...) still open at the blank line, which would
///   swallow the heading: ``isSafeEnd(of:)`` checks the parsed piece, and when it ends that way the
///   rest of the body is parsed in one go.
/// Every other block ends at the blank line or at the unindented line (lists and quotes included: a list marker, a
/// digit that may start one, `>` or indentation could continue them, and none is a letter).
struct MarkdownChunks {
    /// The size a piece grows to before it looks for its end: small enough for the cache, large enough that
    /// per-parse set-up does not count.
    static let defaultPieceSize = 16 * 1024

    let bytes: UnsafeBufferPointer<UInt8>
    let body: Range<Int>
    let pieceSize: Int

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

    /// Where the piece that starts at `start` ends: the first safe heading or paragraph line at least ``pieceSize``
    /// bytes on, or the body's end.
    func end(ofPieceStartingAt start: Int) -> Int {
        guard let base = bytes.baseAddress else { return body.upperBound }
        var index = start + pieceSize
        while index < body.upperBound {
            guard let found = memchr(base + index, 0x0A, body.upperBound - index) else { break }
            let lineStart = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            if startsHeading(lineStart) || startsWithLetter(lineStart), followsBlankLine(lineStart) { return lineStart }
            index = lineStart
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

    /// `#` to `######` followed by a space, a tab or the line's end, at the very start of the line.
    private func startsHeading(_ lineStart: Int) -> Bool {
        var index = lineStart
        while index < body.upperBound, index - lineStart < 7, bytes[index] == UInt8(ascii: "#") { index += 1 }
        let marks = index - lineStart
        guard marks >= 1, marks <= 6 else { return false }
        guard index < body.upperBound else { return true }
        let next = bytes[index]
        return next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == 0x0A || next == 0x0D
    }

    /// An ASCII letter at the very start of the line: a paragraph, as no other block starts so.
    private func startsWithLetter(_ lineStart: Int) -> Bool {
        guard lineStart < body.upperBound else { return false }
        let byte = bytes[lineStart] | 0x20
        return byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    /// Whether the line before `lineStart` holds only spaces and tabs (and it is not the body's first line).
    private func followsBlankLine(_ lineStart: Int) -> Bool {
        var index = lineStart - 2
        if index >= body.lowerBound, bytes[index] == 0x0D { index -= 1 }
        while index >= body.lowerBound, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index -= 1 }
        return index >= body.lowerBound && bytes[index] == 0x0A
    }
}
