import NewsletterCore

/// Substring search over UTF-8 bytes, for the suppression prefix looked for in every HTML node: the generic
/// `firstRange(of:)` of the standard library costs far more than a loop over bytes.
enum ByteSearch {
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
