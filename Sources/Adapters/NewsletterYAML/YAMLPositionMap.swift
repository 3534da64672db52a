internal import CYAML
import NewsletterCore

/// Turns libyaml marks (0-based line, 0-based column and character index, all relative to the parsed slice)
/// into ``NewsletterCore/SourceLocation``s of the whole file.
///
/// libyaml counts characters, not bytes, so byte offsets come from a cursor that walks the UTF-8 text from the
/// previous mark (marks arrive almost in order, so the walk is short); for ASCII text the index is the offset.
/// Lines and columns come from libyaml's own counts, shifted by where the slice starts, unless the slice holds
/// NEL, LINE SEPARATOR or PARAGRAPH SEPARATOR, which libyaml counts as line breaks and ``SourceText`` does not.
struct YAMLPositionMap {
    private let source: SourceText
    private let bytes: UnsafeBufferPointer<UInt8>
    private let start: SourceLocation
    private let isASCII: Bool
    private let hasUnicodeLineBreaks: Bool
    private var cursorIndex = 0
    private var cursorOffset: Int

    /// A map for the byte range `slice` of `source`, whose UTF-8 bytes are `bytes`.
    init(source: SourceText, bytes: UnsafeBufferPointer<UInt8>, slice: Range<Int>) {
        self.source = source
        self.bytes = bytes
        self.start = source.location(atUTF8Offset: slice.lowerBound)
        var ascii = true
        var unicodeBreaks = false
        for offset in slice where bytes[offset] >= 0x80 {
            ascii = false
            let byte = bytes[offset]
            if byte == 0xC2 && offset + 1 < slice.upperBound && bytes[offset + 1] == 0x85 { unicodeBreaks = true }
            if byte == 0xE2 && offset + 2 < slice.upperBound && bytes[offset + 1] == 0x80
                && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9) {
                unicodeBreaks = true
            }
        }
        self.isASCII = ascii
        self.hasUnicodeLineBreaks = unicodeBreaks
        self.cursorOffset = slice.lowerBound
    }

    /// The location of a mark.
    mutating func location(_ mark: yaml_mark_t) -> SourceLocation {
        let offset = offset(ofCharacterIndex: mark.index)
        if hasUnicodeLineBreaks { return source.location(atUTF8Offset: offset) }
        let line = start.line + mark.line
        let column = mark.line == 0 ? start.column + mark.column : mark.column + 1
        return SourceLocation(offset: offset, line: line, column: column)
    }

    /// The range between two marks.
    mutating func range(_ start: yaml_mark_t, _ end: yaml_mark_t) -> SourceRange {
        let lower = location(start)
        let upper = location(end)
        return SourceRange(start: lower, end: upper.offset >= lower.offset ? upper : lower)
    }

    /// The location of a byte offset within the slice (libyaml reports reader errors in bytes).
    func location(atSliceOffset offset: Int) -> SourceLocation {
        source.location(atUTF8Offset: start.offset + offset)
    }

    private mutating func offset(ofCharacterIndex index: Int) -> Int {
        if isASCII { return start.offset + index }
        while cursorIndex < index && cursorOffset < bytes.count {
            cursorOffset += Self.sequenceLength(bytes[cursorOffset])
            cursorIndex += 1
        }
        while cursorIndex > index && cursorOffset > start.offset {
            cursorOffset -= 1
            while cursorOffset > start.offset && bytes[cursorOffset] & 0xC0 == 0x80 { cursorOffset -= 1 }
            cursorIndex -= 1
        }
        return cursorOffset
    }

    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }
}
