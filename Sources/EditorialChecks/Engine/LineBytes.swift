import NewsletterCore

/// Byte-level access to a draft's lines, for the rules and passes that scan raw text: substring searches on
/// `String` cost far more than a loop over UTF-8 bytes, and these scans run over every line of every draft.
enum LineBytes {
    /// Calls `body` with the whole text's UTF-8 bytes and each line's byte range (without its line ending),
    /// for every line that `include` accepts.
    static func forEachLine(
        of source: SourceText,
        where include: (Int) -> Bool = { _ in true },
        _ body: (UnsafeBufferPointer<UInt8>, Int, Range<Int>) -> Void
    ) {
        var text = source.text
        text.withUTF8 { bytes in
            for index in source.lineStarts.indices where include(index + 1) {
                let start = source.lineStarts[index]
                var end = index + 1 < source.lineStarts.count ? source.lineStarts[index + 1] : bytes.count
                if end > start && bytes[end - 1] == 0x0A { end -= 1 }
                if end > start && bytes[end - 1] == 0x0D { end -= 1 }
                body(bytes, index + 1, start..<end)
            }
        }
    }

    /// The offset of the first occurrence of `needle` within `range` of `bytes`, if any.
    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        guard let first = needle.first, range.count >= needle.count else { return nil }
        var index = range.lowerBound
        let last = range.upperBound - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = 1
                while matched < needle.count && bytes[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }
}
