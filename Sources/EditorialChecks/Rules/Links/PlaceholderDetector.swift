import Foundation

/// Finds unfilled values in link destinations and link text: placeholders, merge tags nobody filled in,
/// to-do words and the reserved example domains.
///
/// The built-in patterns are matched on UTF-8 bytes by hand rather than by regular expression: they run on
/// every link of every draft, and the configuration's extra patterns are the only regular expressions evaluated.
struct PlaceholderDetector {
    /// Merge-tag delimiters of common email platforms: Liquid/Handlebars, Mailchimp, Salesforce, wiki-style.
    private static let delimiters: [(open: [UInt8], close: [UInt8])] = [("{{", "}}"), ("*|", "|*"), ("%%", "%%"), ("[[", "]]")]
        .map { (Array($0.utf8), Array($1.utf8)) }
    private static let words = ["TODO", "TBD", "XXX"].map { Array($0.utf8) }
    private static let placeholder = Array("PLACEHOLDER".utf8)
    private static let exampleDomains = ["example.com", "example.org", "example.net", "example.edu"]

    let extraPatterns: [TextPattern]

    /// The placeholder found in a destination, or `nil`.
    func placeholder(inDestination destination: Substring) -> String? {
        let trimmed = destination.utf8.drop { $0 == 0x20 || $0 == 0x09 }
        if trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return "" }
        if trimmed.elementsEqual("#".utf8) { return "#" }
        if let found = placeholder(inText: destination) { return found }
        if Self.containsPercentSign(destination), let decoded = destination.removingPercentEncoding, decoded != destination,
           let found = placeholder(inText: decoded[...]) {
            return found
        }
        if let host = Self.host(of: destination),
           let domain = Self.exampleDomains.first(where: { Self.isDomain(host, orSubdomainOf: $0) }) {
            return domain
        }
        return nil
    }

    /// The placeholder found in free text (link text), or `nil`.
    func placeholder(inText text: Substring) -> String? {
        let found: String? = text.utf8.withContiguousStorageIfAvailable(Self.builtInPlaceholder) ?? nil
        if let found { return found }
        guard !extraPatterns.isEmpty else { return nil }
        let whole = String(text)
        for pattern in extraPatterns {
            if let range = pattern.firstMatch(in: whole) { return String(whole[range]) }
        }
        return nil
    }

    /// The first built-in placeholder in `bytes`, by kind: `PLACEHOLDER`, then the merge tags in the order of
    /// ``delimiters`` (from the first opening delimiter to the first closing one after it), then the to-do words
    /// in the order of ``words`` (standing alone).
    ///
    /// One pass over the bytes notes where each kind first occurs: destinations are long and most bytes start
    /// none of the patterns, so a search per pattern cost several passes for nothing.
    private static func builtInPlaceholder(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // Offsets for the four delimiters, -1 while not found, and a bit per word found standing alone: kept out of the heap,
        // as this runs for every link.
        var mergeTagOpen = SIMD4<Int>(repeating: -1), mergeTagClose = SIMD4<Int>(repeating: -1)
        var wordsFound: UInt8 = 0
        var index = 0
        while index < bytes.count {
            // Sixteen bytes at a time are passed over when no pattern can start among them.
            if index + 17 <= bytes.count && !mayStartPattern(bytes, at: index) {
                index += 16
                continue
            }
            defer { index += 1 }
            guard isPatternByte(bytes[index]) else { continue }
            switch bytes[index] {
            case UInt8(ascii: "P"):
                if matches(placeholder, bytes, at: index) { return "PLACEHOLDER" }
            case UInt8(ascii: "T"), UInt8(ascii: "X"):
                for (number, word) in words.enumerated() where wordsFound & 1 << number == 0 && matches(word, bytes, at: index) {
                    if !isWordByte(index > 0 ? bytes[index - 1] : nil) && !isWordByte(index + word.count < bytes.count ? bytes[index + word.count] : nil) {
                        wordsFound |= 1 << number
                    }
                }
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "*"), UInt8(ascii: "|"), UInt8(ascii: "%"), UInt8(ascii: "["),
                 UInt8(ascii: "]"):
                for (number, delimiter) in delimiters.enumerated() where mergeTagClose[number] < 0 {
                    let open = mergeTagOpen[number]
                    if open >= 0 {
                        if index >= open + delimiter.open.count && matches(delimiter.close, bytes, at: index) { mergeTagClose[number] = index }
                    } else if matches(delimiter.open, bytes, at: index) {
                        mergeTagOpen[number] = index
                    }
                }
            default:
                break
            }
        }
        for (number, delimiter) in delimiters.enumerated() where mergeTagClose[number] >= 0 {
            return String(decoding: bytes[mergeTagOpen[number]..<mergeTagClose[number] + delimiter.close.count], as: UTF8.self)
        }
        guard wordsFound != 0 else { return nil }
        return String(decoding: words[wordsFound.trailingZeroBitCount], as: UTF8.self)
    }

    /// Whether a built-in pattern may start at one of the sixteen bytes from `index` (`index + 16` is in `bytes`): every
    /// pattern starts with one of the pairs `PL`, `TO`, `TB`, `XX`, `{{`, `}}`, `*|`, `|*`, `%%`, `[[`, `]]`, looked for
    /// in all sixteen places at once.
    private static func mayStartPattern(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let raw = UnsafeRawPointer(bytes.baseAddress! + index)
        let first = raw.loadUnaligned(as: SIMD16<UInt8>.self)
        let second = raw.loadUnaligned(fromByteOffset: 1, as: SIMD16<UInt8>.self)
        func equal(_ vector: SIMD16<UInt8>, _ character: Unicode.Scalar) -> SIMDMask<SIMD16<Int8>> {
            vector .== SIMD16(repeating: UInt8(character.value))
        }
        let words = equal(first, "P") .& equal(second, "L")
            .| equal(first, "T") .& (equal(second, "O") .| equal(second, "B"))
            .| equal(first, "X") .& equal(second, "X")
        let doubled = first .== second .& (equal(first, "{") .| equal(first, "}") .| equal(first, "%") .| equal(first, "[") .| equal(first, "]"))
        let crossed = equal(first, "*") .& equal(second, "|") .| equal(first, "|") .& equal(second, "*")
        return any(words .| doubled .| crossed)
    }

    /// Whether a byte starts or ends a built-in pattern: the others, nearly every byte of a URL, are passed over
    /// without a look at each pattern.
    private static func isPatternByte(_ byte: UInt8) -> Bool {
        // A bit per byte: `%` and `*` below 0x40; `P` `T` `X` `[` `]` `{` `|` `}` from 0x40.
        let below40: UInt64 = 1 << 0x25 | 1 << 0x2A
        let from40: UInt64 = 1 << 0x10 | 1 << 0x14 | 1 << 0x18 | 1 << 0x1B | 1 << 0x1D | 1 << 0x3B | 1 << 0x3C | 1 << 0x3D
        return byte < 0x40 ? below40 >> byte & 1 != 0 : byte < 0x80 && from40 >> (byte - 0x40) & 1 != 0
    }

    /// Whether the text holds a `%`, looked for with `memchr`: most destinations hold none.
    private static func containsPercentSign(_ text: Substring) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(UInt8(ascii: "%")), bytes.count) != nil
        } ?? text.utf8.contains(UInt8(ascii: "%"))
    }

    /// Whether `pattern` occurs in `bytes` at `index`.
    private static func matches(_ pattern: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in pattern.indices where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    /// The host of an absolute URL with an authority (`scheme://host...`), without user info or port.
    static func host(of destination: Substring) -> Substring? {
        let found = destination.utf8.withContiguousStorageIfAvailable(hostBounds) ?? Array(destination.utf8).withUnsafeBufferPointer(hostBounds)
        guard let (start, end, isASCII) = found else { return nil }
        let utf8 = destination.utf8
        let hostAndPort = destination[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
        // Outside ASCII a bracket or colon may be part of a larger character, which then does not count as one.
        guard isASCII else {
            if hostAndPort.hasPrefix("[") { return hostAndPort.prefix { $0 != "]" }.dropFirst() }
            return hostAndPort.prefix { $0 != ":" }
        }
        return hostAndPort
    }

    /// The UTF-8 offsets of the host in `bytes` and whether the authority is ASCII; for an ASCII authority, without
    /// user info, brackets and port, otherwise the whole of host and port (the caller reads those by character).
    /// Read on bytes: this runs for every link, and walking a `String`'s indices cost more than the rest of the test.
    private static func hostBounds(in bytes: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int, isASCII: Bool)? {
        // The scheme is short: look for "://" among the first few characters only.
        var index = 0
        while index < bytes.count && index < 32 && bytes[index] != UInt8(ascii: ":") { index += 1 }
        guard index + 2 < bytes.count, bytes[index] == UInt8(ascii: ":"),
              bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") else { return nil }
        var start = index + 3
        var end = start
        var isASCII = true
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
            if byte == UInt8(ascii: "@") {
                start = end + 1
                isASCII = true
            } else if byte >= 0x80 {
                isASCII = false
            }
            end += 1
        }
        guard isASCII else { return (start, end, false) }
        if start < end && bytes[start] == UInt8(ascii: "[") {
            var close = start + 1
            while close < end && bytes[close] != UInt8(ascii: "]") { close += 1 }
            return (start + 1, close, true)
        }
        var colon = start
        while colon < end && bytes[colon] != UInt8(ascii: ":") { colon += 1 }
        return (start, colon, true)
    }

    /// Whether `host` is `domain` or ends in `.domain`, ignoring ASCII case, without allocating.
    private static func isDomain(_ host: Substring, orSubdomainOf domain: String) -> Bool {
        let hostBytes = host.utf8, domainBytes = domain.utf8
        guard hostBytes.count >= domainBytes.count else { return false }
        let tail = hostBytes.suffix(domainBytes.count)
        guard zip(tail, domainBytes).allSatisfy({ ($0 | 0x20) == $1 }) else { return false }
        return hostBytes.count == domainBytes.count || hostBytes[hostBytes.index(before: tail.startIndex)] == UInt8(ascii: ".")
    }

    /// Letters, digits and any byte of a non-ASCII character count as part of a word.
    private static func isWordByte(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
}
