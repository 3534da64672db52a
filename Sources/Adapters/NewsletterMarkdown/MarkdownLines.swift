import Foundation

/// The lines of a range of UTF-8 bytes, split at line feeds: where a line ends or starts, and whether it is blank.
///
/// What the piece cutter (``MarkdownChunks``) and the markup count (``MarkupLimits``) need of lines before cmark-gfm
/// has read them. A carriage return counts as blank, so that `\r\n` endings (and a lone `\r`, which CommonMark takes for
/// a line ending too) need no case of their own.
struct MarkdownLines {
    let bytes: UnsafeBufferPointer<UInt8>
    let range: Range<Int>

    /// Just past the line feed that ends the line holding `index`, or the range's end.
    func lineEnd(from index: Int) -> Int {
        guard let base = bytes.baseAddress, index < range.upperBound,
              let found = memchr(base + index, 0x0A, range.upperBound - index)
        else { return range.upperBound }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
    }

    /// The start of the line holding `index`: just past the line feed before it, or the range's start.
    func lineStart(holding index: Int) -> Int {
        var start = index
        while start > range.lowerBound && bytes[start - 1] != 0x0A { start -= 1 }
        return start
    }

    /// Where the line that ends just before `lineStart` starts, when that line is blank; `nil` when it is not, or when
    /// `lineStart` is the range's start. Read backwards from the line's end, so that a long line costs only its last bytes.
    func blankLineStart(before lineStart: Int) -> Int? {
        guard lineStart > range.lowerBound else { return nil }
        var index = lineStart - 2
        while index >= range.lowerBound, bytes[index] != 0x0A, Self.isBlank(bytes[index]) { index -= 1 }
        guard index >= range.lowerBound else { return range.lowerBound }
        return bytes[index] == 0x0A ? index + 1 : nil
    }

    /// Whether `bytes[span]` holds only spaces, tabs and line-ending bytes.
    func isBlank(_ span: Range<Int>) -> Bool {
        span.allSatisfy { Self.isBlank(bytes[$0]) }
    }

    /// A space, a tab, a carriage return or a line feed.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0x0D || byte == 0x0A
    }
}
