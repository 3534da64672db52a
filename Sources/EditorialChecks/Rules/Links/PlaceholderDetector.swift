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
    func placeholder(inDestination destination: String) -> String? {
        let trimmed = destination.utf8.drop { $0 == 0x20 || $0 == 0x09 }
        if trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return "" }
        if trimmed.elementsEqual("#".utf8) { return "#" }
        if let found = placeholder(inText: destination) { return found }
        if destination.utf8.contains(UInt8(ascii: "%")), let decoded = destination.removingPercentEncoding, decoded != destination,
           let found = placeholder(inText: decoded) {
            return found
        }
        if let host = Self.host(of: destination),
           let domain = Self.exampleDomains.first(where: { Self.isDomain(host, orSubdomainOf: $0) }) {
            return domain
        }
        return nil
    }

    /// The placeholder found in free text (link text), or `nil`.
    func placeholder(inText text: String) -> String? {
        let found: String? = text.utf8.withContiguousStorageIfAvailable { bytes in
            if ByteSearch.find(Self.placeholder, in: bytes, range: 0..<bytes.count) != nil { return "PLACEHOLDER" }
            for (open, close) in Self.delimiters {
                guard let start = ByteSearch.find(open, in: bytes, range: 0..<bytes.count),
                      let end = ByteSearch.find(close, in: bytes, range: start + open.count..<bytes.count) else { continue }
                return String(decoding: bytes[start..<end + close.count], as: UTF8.self)
            }
            for word in Self.words {
                var from = 0
                while let start = ByteSearch.find(word, in: bytes, range: from..<bytes.count) {
                    let end = start + word.count
                    if !Self.isWordByte(start > 0 ? bytes[start - 1] : nil) && !Self.isWordByte(end < bytes.count ? bytes[end] : nil) {
                        return String(decoding: word, as: UTF8.self)
                    }
                    from = start + 1
                }
            }
            return nil
        } ?? nil
        if let found { return found }
        for pattern in extraPatterns {
            if let range = pattern.firstMatch(in: text) { return String(text[range]) }
        }
        return nil
    }

    /// The host of an absolute URL with an authority (`scheme://host...`), without user info or port.
    static func host(of destination: String) -> Substring? {
        let utf8 = destination.utf8
        var index = utf8.startIndex
        // The scheme is short: look for "://" among the first few characters only.
        var scanned = 0
        while index < utf8.endIndex && scanned < 32 && utf8[index] != UInt8(ascii: ":") {
            index = utf8.index(after: index)
            scanned += 1
        }
        guard index < utf8.endIndex, utf8[index] == UInt8(ascii: ":"),
              utf8[index...].starts(with: "://".utf8) else { return nil }
        var start = utf8.index(index, offsetBy: 3)
        var end = start
        while end < utf8.endIndex, ![UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#")].contains(utf8[end]) {
            if utf8[end] == UInt8(ascii: "@") { start = utf8.index(after: end) }
            end = utf8.index(after: end)
        }
        let hostAndPort = destination[start..<end]
        if hostAndPort.hasPrefix("[") { return hostAndPort.prefix { $0 != "]" }.dropFirst() }
        return hostAndPort.prefix { $0 != ":" }
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
