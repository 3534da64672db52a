/// Splits a heading's plain text into its leading emoji (or symbol) run and the title after it.
///
/// The emoji is often mangled (`ü§å Ben's Picks` for `🤌 Ben's Picks`), so the leading token counts as
/// decoration when it is a run of emoji or symbols, as written or read back as UTF-8 from the Windows-1252 or
/// Mac OS Roman characters it was misread as (up to three times). This needs no repair engine: it decides
/// only whether a token is decoration, never what to repair.
public enum HeadingTitle {
    /// The leading decoration (as written) and the title with surrounding white space removed.
    public static func split(_ plainText: String) -> (emoji: String?, title: String) {
        split(plainText) { isDecoration(Substring($0)) }
    }

    /// Splits the headings of one document, remembering each token's verdict: a document repeats its decorations
    /// (the same emoji heads many sections), and deciding on a mangled one costs reading it back through code pages.
    package struct Splitter: Sendable {
        private var verdicts: [String: Bool] = [:]

        /// A splitter that remembers nothing yet.
        package init() {}

        /// The same result as ``HeadingTitle/split(_:)``.
        package mutating func split(_ plainText: String) -> (emoji: String?, title: String) {
            var text = plainText
            return text.withUTF8 { bytes in
                let (emoji, title) = ranges(in: bytes)
                return (emoji.map { HeadingTitle.string(bytes, $0) }, HeadingTitle.string(bytes, title))
            }
        }

        /// Where ``split(_:)`` finds the emoji and the title in the UTF-8 bytes of a plain text.
        package mutating func ranges(in bytes: UnsafeBufferPointer<UInt8>) -> (emoji: Range<Int>?, title: Range<Int>) {
            HeadingTitle.ranges(in: bytes) { token in
                if let verdict = verdicts[token] { return verdict }
                let verdict = HeadingTitle.isDecoration(Substring(token))
                verdicts[token] = verdict
                return verdict
            }
        }
    }

    /// Works on UTF-8 bytes: a large issue has thousands of headings, and walking them as Characters or even
    /// as scalars through String indices would cost more than parsing their sections.
    private static func split(
        _ plainText: String,
        isDecoration: (String) -> Bool
    ) -> (emoji: String?, title: String) {
        var text = plainText
        return text.withUTF8 { bytes in
            let (emoji, title) = ranges(in: bytes, isDecoration: isDecoration)
            return (emoji.map { string(bytes, $0) }, string(bytes, title))
        }
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private static func ranges(
        in bytes: UnsafeBufferPointer<UInt8>,
        isDecoration: (String) -> Bool
    ) -> (emoji: Range<Int>?, title: Range<Int>) {
        let start = skipWhitespace(bytes, from: 0)
        var end = start
        var tokenEnd = start
        // The decoration may be several tokens ("🔥 🔥 Hot"), each checked on its own. A token of ASCII
        // characters alone is never one: it has no emoji, no symbol beyond ASCII and nothing to repair.
        while end < bytes.count {
            let tokenStart = end
            var isASCII = true
            while end < bytes.count, whitespaceLength(bytes, at: end) == 0 {
                isASCII = isASCII && bytes[end] < 0x80
                end += 1
            }
            guard !isASCII, isDecoration(string(bytes, tokenStart..<end)) else { break }
            tokenEnd = end
            end = skipWhitespace(bytes, from: end)
        }
        let titleStart = skipWhitespace(bytes, from: tokenEnd)
        let title = titleStart..<max(titleStart, trailingWhitespaceStart(bytes))
        guard tokenEnd > start else { return (nil, title) }
        return (start..<tokenEnd, title)
    }

    private static func skipWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count, case let length = whitespaceLength(bytes, at: index), length > 0 { index += length }
        return index
    }

    /// Where the white space that ends `bytes` starts, read from the end: a long title (a tagline heading of many
    /// links) is not walked character by character to find its last.
    private static func trailingWhitespaceStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = bytes.count
        while end > 0 {
            var start = end - 1
            while start > 0 && end - start < 4 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            guard whitespaceLength(bytes, at: start) == end - start else { break }
            end = start
        }
        return end
    }

    /// The length in bytes of the white-space character at `index`, or 0 when another character (or a
    /// continuation byte) stands there. Non-ASCII white space starts with 0xC2, 0xE1, 0xE2 or 0xE3.
    private static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return lead == 0x20 || (0x09...0x0D).contains(lead) ? 1 : 0 }
        let length = lead == 0xC2 ? 2 : (0xE1...0xE3).contains(lead) ? 3 : 0
        guard length > 0, index + length <= bytes.count else { return 0 }
        var value = UInt32(lead) & (length == 2 ? 0x1F : 0x0F)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value).map(isWhitespace) == true ? length : 0
    }

    /// The Unicode White_Space set (stable since Unicode 6.3) by value: headings are full of emoji, and a property
    /// lookup for each would cost more than the rest of the split.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09...0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Whether a whitespace-free token is an emoji or symbol run (possibly mangled) rather than a word.
    ///
    /// A mangled token counts when reading it back as UTF-8 from Windows-1252 or Mac OS Roman, once or up to
    /// three times for text mangled in layers, gives such a run (`ü§å`, `ðŸ‘‹`, `‚úÖ`, `Ã°Å¸Â¤Å’`).
    package static func isDecoration(_ token: Substring) -> Bool {
        guard !token.isEmpty else { return false }
        if isSymbolRun(token) { return true }
        // Mojibake is made of non-ASCII characters: a plain word has nothing to read back.
        guard token.utf8.contains(where: { $0 >= 0x80 }) else { return false }
        var layer = token
        for _ in 0..<3 {
            guard let readBack = MangledSymbols.readBack(layer), readBack != layer else { return false }
            if isSymbolRun(Substring(readBack)) { return true }
            layer = Substring(readBack)
        }
        return false
    }

    private static func isSymbolRun(_ token: Substring) -> Bool {
        var hasSymbol = false
        for scalar in token.unicodeScalars {
            if scalar.isASCII {
                // ASCII letters and digits by value: a property lookup per character of every title word adds up.
                let lowercased = scalar.value | 0x20
                if (0x61...0x7A).contains(lowercased) || ("0"..."9").contains(scalar) {
                    // Keycaps (1️⃣) are digits followed by the combining keycap mark.
                    if !token.unicodeScalars.contains("\u{20E3}") { return false }
                }
                continue
            }
            let properties = scalar.properties
            guard properties.isEmojiPresentation || properties.isEmoji && !properties.isAlphabetic
                || isSymbolCategory(properties.generalCategory)
            else { return false }
            hasSymbol = true
        }
        return hasSymbol
    }

    private static func isSymbolCategory(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .otherSymbol, .mathSymbol, .currencySymbol, .modifierSymbol, .otherPunctuation, .privateUse, .control, .format,
             .nonspacingMark, .enclosingMark, .initialPunctuation, .finalPunctuation, .openPunctuation:
            true
        default:
            false
        }
    }
}
