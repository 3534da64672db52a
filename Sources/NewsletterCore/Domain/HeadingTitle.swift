/// Splits a heading's plain text into its leading emoji (or symbol) run and the title after it.
///
/// The emoji is often mangled (`ü§å Ben's Picks` for `🤌 Ben's Picks`), so the leading token counts as
/// decoration when it is a run of emoji or symbols, as written or once ``Mojibake`` repairs it.
public enum HeadingTitle {
    /// The leading decoration (as written) and the title with surrounding white space removed.
    public static func split(_ plainText: String) -> (emoji: String?, title: String) {
        split(plainText, isDecoration: isDecoration)
    }

    /// Splits the headings of one document, remembering each non-ASCII token's verdict: a document repeats its
    /// decorations (the same emoji heads many sections), and deciding on a mangled one costs a mojibake scan.
    public struct Splitter: Sendable {
        private var verdicts: [Substring: Bool] = [:]

        /// A splitter that remembers nothing yet.
        public init() {}

        /// The same result as ``HeadingTitle/split(_:)``.
        public mutating func split(_ plainText: String) -> (emoji: String?, title: String) {
            HeadingTitle.split(plainText) { token in
                // An ASCII token is decided without a repair attempt; remembering it would cost more than deciding.
                guard token.utf8.contains(where: { $0 >= 0x80 }) else { return HeadingTitle.isDecoration(token) }
                if let verdict = verdicts[token] { return verdict }
                let verdict = HeadingTitle.isDecoration(token)
                verdicts[token] = verdict
                return verdict
            }
        }
    }

    private static func split(
        _ plainText: String,
        isDecoration: (Substring) -> Bool
    ) -> (emoji: String?, title: String) {
        // Unicode scalars, not Characters: grapheme breaking would cost more than the Markdown parse of a section.
        let scalars = plainText.unicodeScalars
        let start = scalars.firstIndex { !isWhitespace($0) } ?? scalars.endIndex
        var end = start
        var tokenEnd = start
        // The decoration may be several tokens ("🔥 🔥 Hot"), each checked on its own.
        while end < scalars.endIndex {
            let tokenStart = end
            while end < scalars.endIndex && !isWhitespace(scalars[end]) { end = scalars.index(after: end) }
            guard isDecoration(Substring(scalars[tokenStart..<end])) else { break }
            tokenEnd = end
            while end < scalars.endIndex && isWhitespace(scalars[end]) { end = scalars.index(after: end) }
        }
        let titleEnd = scalars[tokenEnd...].lastIndex { !isWhitespace($0) }.map { scalars.index(after: $0) } ?? tokenEnd
        let titleStart = scalars[tokenEnd..<titleEnd].firstIndex { !isWhitespace($0) } ?? titleEnd
        let title = String(scalars[titleStart..<titleEnd])
        guard tokenEnd > start else { return (nil, title) }
        return (String(scalars[start..<tokenEnd]), title)
    }

    /// White space as `Character.isWhitespace` sees it, with ASCII answered without a property lookup.
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
    /// A mangled token counts when mojibake repair turns it into such a run (`ü§å`, `ðŸ‘‹`, `‚úÖ`).
    public static func isDecoration(_ token: Substring) -> Bool {
        guard !token.isEmpty else { return false }
        if isSymbolRun(token) { return true }
        // Mojibake is made of non-ASCII characters: a plain word needs no repair attempt.
        guard token.utf8.contains(where: { $0 >= 0x80 }) else { return false }
        let repaired = Mojibake.repair(String(token))
        return repaired.changed && isSymbolRun(Substring(repaired.text))
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
