import Foundation
import NewsletterCore

/// Finds where an inline node cmark-gfm reported really starts in the source.
///
/// cmark-gfm's inline columns drift on continuation lines indented differently from a paragraph's first line
/// (lazy lines in list items, quotes, indented text) and are wrong for `<...>` autolinks. The line is right, so
/// the candidates on that line are tried nearest to the hint first, and the first whose source matches what
/// cmark-gfm parsed (the same destination, the same code span content, the same HTML) wins.
struct InlineLocator {
    let bytes: UnsafeBufferPointer<UInt8>
    let source: SourceText
    let body: Range<Int>

    /// The first offset on the hint's line (`line`, an index into ``NewsletterCore/SourceText/lineStarts``; from `floor`
    /// on) that `accept` takes, trying `preferred`, then `hint`, then offsets ever further from it. The search stops
    /// at the first match, so a long line costs only the drift.
    func nearest(hint: Int, line lineIndex: Int, preferred: Int? = nil, notBefore floor: Int = 0, where accept: (Int) -> Bool) -> Int? {
        let line = source.lineOffsets(lineIndex + 1)
        let lower = max(line.lowerBound, body.lowerBound, floor)
        let upper = min(line.upperBound, body.upperBound)
        guard lower < upper else { return nil }
        if let preferred, preferred >= lower, preferred < upper, accept(preferred) { return preferred }
        var distance = 0
        while hint - distance >= lower || hint + distance < upper {
            if hint + distance >= lower, hint + distance < upper, accept(hint + distance) { return hint + distance }
            if distance > 0, hint - distance >= lower, hint - distance < upper, accept(hint - distance) { return hint - distance }
            distance += 1
        }
        return nil
    }

    /// The range of the code span whose content cmark-gfm gives as `literal`, near `hint` (the content's start).
    func codeSpan(hint: Int, line: Int, literal: ArraySlice<UInt8>) -> Range<Int>? {
        func isOpener(_ offset: Int) -> Bool {
            bytes[offset] == UInt8(ascii: "`") && (offset == body.lowerBound || bytes[offset - 1] != UInt8(ascii: "`"))
        }
        let exact = nearest(hint: hint, line: line) { offset in
            guard isOpener(offset), let span = codeSpan(openingAt: offset) else { return false }
            return codeSpanContent(span, equals: literal)
        }
        return (exact ?? nearest(hint: hint, line: line) { isOpener($0) && codeSpan(openingAt: $0) != nil }).flatMap(codeSpan(openingAt:))
    }

    /// The range of raw HTML cmark-gfm gives as `literal`, near `hint`.
    func html(hint: Int, line: Int, literal: ArraySlice<UInt8>) -> Range<Int>? {
        let firstLine = literal.prefix { $0 != 0x0A && $0 != 0x0D }
        let start = nearest(hint: hint, line: line) { offset in
            offset + firstLine.count <= body.upperBound && bytes[offset..<(offset + firstLine.count)].elementsEqual(firstLine)
        }
        return start.map { $0..<min($0 + literal.count, body.upperBound) }
    }

    /// A code span from its opening backtick run to the next run of the same length.
    private func codeSpan(openingAt start: Int) -> Range<Int>? {
        var runEnd = start
        while runEnd < body.upperBound, bytes[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
        let length = runEnd - start
        var index = runEnd
        while index < body.upperBound {
            guard bytes[index] == UInt8(ascii: "`") else {
                index += 1
                continue
            }
            var closeEnd = index
            while closeEnd < body.upperBound, bytes[closeEnd] == UInt8(ascii: "`") { closeEnd += 1 }
            if closeEnd - index == length { return start..<closeEnd }
            index = closeEnd
        }
        return nil
    }

    /// Whether a code span's content reads as `literal` the way CommonMark reads it: line endings become spaces,
    /// and one space is stripped from each end when both ends have one.
    private func codeSpanContent(_ span: Range<Int>, equals literal: ArraySlice<UInt8>) -> Bool {
        var runLength = 0
        while bytes[span.lowerBound + runLength] == UInt8(ascii: "`") { runLength += 1 }
        var content = (span.lowerBound + runLength)..<(span.upperBound - runLength)
        let hasLineEnding = content.contains { bytes[$0] == 0x0A || bytes[$0] == 0x0D }
        guard !hasLineEnding else { return normalisedContent(content).elementsEqual(literal) }
        if content.count >= 2, bytes[content.lowerBound] == 0x20, bytes[content.upperBound - 1] == 0x20,
           content.contains(where: { bytes[$0] != 0x20 }) {
            content = (content.lowerBound + 1)..<(content.upperBound - 1)
        }
        return literal.count == content.count && literal.withUnsafeBufferPointer { literalBytes in
            content.isEmpty || memcmp(literalBytes.baseAddress!, bytes.baseAddress! + content.lowerBound, content.count) == 0
        }
    }

    /// A multi-line code span's content with line endings turned into spaces and the end spaces stripped.
    private func normalisedContent(_ range: Range<Int>) -> [UInt8] {
        var content: [UInt8] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == 0x0D, index + 1 < range.upperBound, bytes[index + 1] == 0x0A { index += 1 }
            content.append(byte == 0x0A || byte == 0x0D ? 0x20 : byte)
            index += 1
        }
        if content.count >= 2, content.first == 0x20, content.last == 0x20, content.contains(where: { $0 != 0x20 }) {
            content.removeFirst()
            content.removeLast()
        }
        return content
    }
}
