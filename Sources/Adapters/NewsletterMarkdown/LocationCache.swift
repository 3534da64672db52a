import NewsletterCore

/// Converts UTF-8 offsets to ``NewsletterCore/SourceLocation``s exactly as ``NewsletterCore/SourceText`` does,
/// remembering the last line and column so that offsets visited in document order cost only the bytes between them.
///
/// Reading a large issue converts tens of thousands of link positions; recounting each line from its start
/// would cost more than the parse.
final class LocationCache {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let lineStarts: [Int]
    private var lineIndex = 0
    private var lastOffset = 0
    private var lastColumn = 1

    init(bytes: UnsafeBufferPointer<UInt8>, lineStarts: [Int]) {
        self.bytes = bytes
        self.lineStarts = lineStarts
    }

    /// The location of `offset` (clamped to the text).
    func location(_ offset: Int) -> SourceLocation {
        let offset = min(max(offset, 0), bytes.count)
        let nextLineStart = lineIndex + 1 < lineStarts.count ? lineStarts[lineIndex + 1] : Int.max
        if offset >= lineStarts[lineIndex], offset < nextLineStart, offset >= lastOffset {
            lastColumn += scalarCount(lastOffset, offset)
        } else {
            lineIndex = nextLineIndex(containing: offset) ?? Self.lineIndex(containing: offset, in: lineStarts)
            lastColumn = 1 + scalarCount(lineStarts[lineIndex], offset)
        }
        lastOffset = offset
        return SourceLocation(offset: offset, line: lineIndex + 1, column: lastColumn)
    }

    /// The range between two offsets.
    func range(_ offsets: Range<Int>) -> SourceRange {
        let start = location(offsets.lowerBound)
        return SourceRange(start: start, end: location(offsets.upperBound))
    }

    /// The first byte of every scalar counts; continuation bytes (10xxxxxx) do not.
    private func scalarCount(_ start: Int, _ end: Int) -> Int {
        var count = 0
        var index = start
        // Eight bytes at a time: a continuation byte is one whose top bit is set and whose next bit is not.
        if let base = bytes.baseAddress {
            while index + 8 <= end {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                count += 8 - (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                index += 8
            }
        }
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// The line holding `offset` when it is one of the next few lines: offsets come in document order, mostly a
    /// line or two apart, and a step is cheaper than a search through every line of a large file.
    private func nextLineIndex(containing offset: Int) -> Int? {
        guard offset >= lineStarts[lineIndex] else { return nil }
        var index = lineIndex
        while index - lineIndex < 8 {
            if index + 1 == lineStarts.count || offset < lineStarts[index + 1] { return index }
            index += 1
        }
        return nil
    }

    private static func lineIndex(containing offset: Int, in lineStarts: [Int]) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
