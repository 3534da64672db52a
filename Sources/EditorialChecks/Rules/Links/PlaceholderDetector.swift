import Foundation

/// Finds unfilled values in link destinations and link text: placeholders, merge tags nobody filled in,
/// to-do words and the reserved example domains.
///
/// The built-in patterns are matched by hand rather than by regular expression: they run on every link
/// of every draft, and the configuration's extra patterns are the only regular expressions evaluated.
struct PlaceholderDetector {
    /// Merge-tag delimiters of common email platforms: Liquid/Handlebars, Mailchimp, Salesforce, wiki-style.
    private static let delimiters: [(open: String, close: String)] = [("{{", "}}"), ("*|", "|*"), ("%%", "%%"), ("[[", "]]")]
    private static let words = ["TODO", "TBD", "XXX"]
    private static let exampleDomains = ["example.com", "example.org", "example.net", "example.edu"]

    let extraPatterns: [TextPattern]

    /// The placeholder found in a destination, or `nil`.
    func placeholder(inDestination destination: String) -> String? {
        let trimmed = destination.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return "" }
        if trimmed == "#" { return "#" }
        if let found = placeholder(inText: trimmed) { return found }
        if trimmed.contains("%"), let decoded = trimmed.removingPercentEncoding, decoded != trimmed,
           let found = placeholder(inText: decoded) {
            return found
        }
        if let host = Self.host(of: trimmed)?.lowercased(),
           let domain = Self.exampleDomains.first(where: { host == $0 || host.hasSuffix("." + $0) }) {
            return domain
        }
        return nil
    }

    /// The placeholder found in free text (link text), or `nil`.
    func placeholder(inText text: String) -> String? {
        if text.contains("PLACEHOLDER") { return "PLACEHOLDER" }
        for (open, close) in Self.delimiters {
            guard let start = text.range(of: open),
                  let end = text[start.upperBound...].range(of: close) else { continue }
            return String(text[start.lowerBound..<end.upperBound])
        }
        for word in Self.words {
            var search = text.startIndex..<text.endIndex
            while let found = text.range(of: word, range: search) {
                let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
                let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
                if !(before?.isLetter ?? false) && !(before?.isNumber ?? false)
                    && !(after?.isLetter ?? false) && !(after?.isNumber ?? false) {
                    return word
                }
                search = found.upperBound..<text.endIndex
            }
        }
        for pattern in extraPatterns {
            if let range = pattern.firstMatch(in: text) { return String(text[range]) }
        }
        return nil
    }

    /// The host of an absolute URL with an authority (`scheme://host...`), without user info or port.
    static func host(of destination: String) -> Substring? {
        guard let separator = destination.range(of: "://") else { return nil }
        let authority = destination[separator.upperBound...].prefix { !"/?#".contains($0) }
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
        if hostAndPort.hasPrefix("[") { return hostAndPort.prefix { $0 != "]" }.dropFirst() }
        return hostAndPort.prefix { $0 != ":" }
    }
}
