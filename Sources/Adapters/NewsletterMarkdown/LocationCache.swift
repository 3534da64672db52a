import NewsletterCore

/// Converts UTF-8 offsets to ``NewsletterCore/SourceLocation``s exactly as ``NewsletterCore/SourceText`` does,
/// remembering the last line and column so that offsets visited in document order cost only the bytes between them.
///
/// Reading a large issue converts tens of thousands of link positions; recounting each line from its start
/// would cost more than the parse.
final class LocationCache {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let source: SourceText
    private let lineStarts: [Int]
    private var lineIndex = 0
    private var lastOffset = 0
    private var lastColumn = 1

    init(bytes: UnsafeBufferPointer<UInt8>, source: SourceText) {
        self.bytes = bytes
        self.source = source
        self.lineStarts = source.lineStarts
    }

    /// The location of `offset` (clamped to the text).
    func location(_ offset: Int) -> SourceLocation {
        let offset = min(max(offset, 0), bytes.count)
        let nextLineStart = lineIndex + 1 < lineStarts.count ? lineStarts[lineIndex + 1] : Int.max
        if offset >= lineStarts[lineIndex], offset < nextLineStart, offset >= lastOffset {
            lastColumn += SourceText.scalarCount(in: bytes, lastOffset..<offset)
        } else {
            lineIndex = nextLineIndex(containing: offset) ?? source.lineIndex(containing: offset)
            lastColumn = 1 + SourceText.scalarCount(in: bytes, lineStarts[lineIndex]..<offset)
        }
        lastOffset = offset
        return SourceLocation(offset: offset, line: lineIndex + 1, column: lastColumn)
    }

    /// The range between two offsets.
    func range(_ offsets: Range<Int>) -> SourceRange {
        let start = location(offsets.lowerBound)
        return SourceRange(start: start, end: location(offsets.upperBound))
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
}
