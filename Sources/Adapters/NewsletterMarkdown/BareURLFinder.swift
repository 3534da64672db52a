/// Finds URLs written as plain text (`see https://example.org/x.`) in the text blocks of a body, the way a
/// link checker such as lychee reads them: `http://`, `https://`, `ftp://` and `www.` starts, ended by white space
/// or `<`, with trailing punctuation dropped and a closing `)` or `]` kept only when balanced inside the URL.
///
/// Code spans, raw HTML and links are excluded spans: a URL inside them is not a bare URL.
struct BareURLFinder {
    let bytes: UnsafeBufferPointer<UInt8>

    /// The bare URLs in `blocks` outside `excluded` (both sorted by start), as byte ranges in document order.
    func urls(in blocks: [Range<Int>], excluding excluded: [Range<Int>]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var exclusionIndex = 0
        for block in blocks {
            var index = block.lowerBound
            while index < block.upperBound {
                while exclusionIndex < excluded.count, excluded[exclusionIndex].upperBound <= index { exclusionIndex += 1 }
                var limit = block.upperBound
                if exclusionIndex < excluded.count {
                    let next = excluded[exclusionIndex]
                    if next.lowerBound <= index {
                        index = next.upperBound
                        continue
                    }
                    limit = min(limit, next.lowerBound)
                }
                if let url = url(at: index, blockStart: block.lowerBound, limit: limit) {
                    found.append(url)
                    index = url.upperBound
                } else {
                    index += 1
                }
            }
        }
        return found
    }

    private static let schemes: [[UInt8]] = ["https://", "http://", "ftp://", "www."].map { Array($0.utf8) }

    private func url(at start: Int, blockStart: Int, limit: Int) -> Range<Int>? {
        let first = bytes[start] | 0x20
        guard first == UInt8(ascii: "h") || first == UInt8(ascii: "f") || first == UInt8(ascii: "w") else { return nil }
        if start > blockStart, !Self.canPrecede(bytes[start - 1]) { return nil }
        guard let scheme = Self.schemes.first(where: { hasPrefix($0, at: start, limit: limit) }) else { return nil }
        var end = start + scheme.count
        while end < limit, bytes[end] > 0x20, bytes[end] != UInt8(ascii: "<") { end += 1 }
        end = trimmedEnd(start: start, end: end)
        var hostEnd = start + scheme.count
        while hostEnd < end, Self.isHostByte(bytes[hostEnd]) { hostEnd += 1 }
        guard hostEnd > start + scheme.count else { return nil }
        if first == UInt8(ascii: "w"), !((start + scheme.count)..<hostEnd).contains(where: { bytes[$0] == UInt8(ascii: ".") }) {
            return nil
        }
        return start..<end
    }

    private func hasPrefix(_ prefix: [UInt8], at start: Int, limit: Int) -> Bool {
        guard start + prefix.count <= limit else { return false }
        for (offset, byte) in prefix.enumerated() where bytes[start + offset] | 0x20 != byte {
            return false
        }
        return true
    }

    /// Drops what ends a sentence or closes markup rather than the URL, as GitHub and lychee do.
    private func trimmedEnd(start: Int, end initialEnd: Int) -> Int {
        var end = initialEnd
        while end > start {
            let last = bytes[end - 1]
            switch last {
            case UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"),
                 UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "'"), UInt8(ascii: "\""),
                 UInt8(ascii: "\\"):
                end -= 1
            case UInt8(ascii: ")"):
                guard count(UInt8(ascii: "("), start..<end) < count(UInt8(ascii: ")"), start..<end) else { return end }
                end -= 1
            case UInt8(ascii: "]"):
                guard count(UInt8(ascii: "["), start..<end) < count(UInt8(ascii: "]"), start..<end) else { return end }
                end -= 1
            case UInt8(ascii: ";"):
                // `&amp;` at the end is an entity, not part of the URL.
                var ampersand = end - 2
                while ampersand > start, Self.isAlphanumeric(bytes[ampersand]) { ampersand -= 1 }
                end = ampersand > start && bytes[ampersand] == UInt8(ascii: "&") && ampersand < end - 2 ? ampersand : end - 1
            default:
                return end
            }
        }
        return end
    }

    private func count(_ byte: UInt8, _ range: Range<Int>) -> Int {
        range.reduce(0) { $0 + (bytes[$1] == byte ? 1 : 0) }
    }

    /// A URL starts a word, or follows markup or an opening bracket (`**https://`, `(https://`), never a letter.
    private static func canPrecede(_ byte: UInt8) -> Bool {
        !isAlphanumeric(byte) && ![UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "@"), UInt8(ascii: "-"),
                                   UInt8(ascii: ":"), UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "%")].contains(byte)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// Letters, digits, `-`, `_`, `.` and any non-ASCII byte (internationalised names) make up a host.
    private static func isHostByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte >= 0x80
    }
}
