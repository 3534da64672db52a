import NewsletterCore

/// Maps cmark-gfm positions (1-based lines of the parsed body, 1-based UTF-8 byte columns) to UTF-8 offsets
/// in the whole file, so that a body parsed after a front-matter block reports file positions.
struct BodyPositions {
    let source: SourceText
    let bodyRange: Range<Int>
    /// The 0-based index in ``SourceText/lineStarts`` of the line holding the body's first byte.
    let firstLineIndex: Int

    init(source: SourceText, bodyRange: Range<Int>) {
        self.source = source
        self.bodyRange = bodyRange
        firstLineIndex = source.location(atUTF8Offset: bodyRange.lowerBound).line - 1
    }

    /// The offset where the body's `line` starts (the body start itself for its first line).
    func lineStart(_ line: Int) -> Int {
        guard line > 1 else { return bodyRange.lowerBound }
        return min(max(source.lineStarts[lineIndex(line)], bodyRange.lowerBound), bodyRange.upperBound)
    }

    /// The offset of the body's `line` end, with or without its line ending.
    func lineEnd(_ line: Int, includingTerminator: Bool) -> Int {
        let index = lineIndex(line)
        let end = includingTerminator
            ? (index + 1 < source.lineStarts.count ? source.lineStarts[index + 1] : source.utf8Count)
            : source.lineOffsets(index + 1).upperBound
        return min(max(end, bodyRange.lowerBound), bodyRange.upperBound)
    }

    /// The index in ``NewsletterCore/SourceText/lineStarts`` of the body's `line`.
    func lineIndex(_ line: Int) -> Int {
        min(firstLineIndex + max(line, 1) - 1, source.lineStarts.count - 1)
    }

    /// The offset of a cmark position, kept on its line; columns count UTF-8 bytes from 1.
    func offset(line: Int32, column: Int32) -> Int {
        let line = Int(max(line, 1))
        let start = lineStart(line)
        // The last byte of the line (its line ending, if any) still belongs to the line.
        let last = max(start, lineEnd(line, includingTerminator: true) - 1)
        return min(start + Int(max(column, 1)) - 1, last)
    }
}
