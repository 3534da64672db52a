/// Splits a heading's plain text into its leading emoji (or symbol) run and the title after it.
///
/// The emoji is often mangled (`ü§å Ben's Picks` for `🤌 Ben's Picks`), so the leading token counts as
/// decoration when it is a run of emoji or symbols, as written or once ``Mojibake`` repairs it.
public enum HeadingTitle {
    /// The leading decoration (as written) and the title with surrounding white space removed.
    public static func split(_ plainText: String) -> (emoji: String?, title: String) {
        let trimmed = plainText.drop { $0.isWhitespace }
        var end = trimmed.startIndex
        var sawDecoration = false
        var tokenEnd = trimmed.startIndex
        // The decoration may be several tokens ("🔥 🔥 Hot"), each checked on its own.
        while end < trimmed.endIndex {
            let tokenStart = end
            while end < trimmed.endIndex && !trimmed[end].isWhitespace { end = trimmed.index(after: end) }
            guard isDecoration(trimmed[tokenStart..<end]) else { break }
            sawDecoration = true
            tokenEnd = end
            while end < trimmed.endIndex && trimmed[end].isWhitespace { end = trimmed.index(after: end) }
        }
        let title = trimmed[tokenEnd...].trimmingWhitespace()
        guard sawDecoration else { return (nil, String(trimmed.trimmingWhitespace())) }
        return (String(trimmed[..<tokenEnd]), String(title))
    }

    /// Whether a whitespace-free token is an emoji or symbol run (possibly mangled) rather than a word.
    ///
    /// A mangled token counts when mojibake repair turns it into such a run (`ü§å`, `ðŸ‘‹`, `‚úÖ`).
    public static func isDecoration(_ token: Substring) -> Bool {
        guard !token.isEmpty else { return false }
        if isSymbolRun(token) { return true }
        let repaired = Mojibake.repair(String(token))
        return repaired.changed && isSymbolRun(Substring(repaired.text))
    }

    private static func isSymbolRun(_ token: Substring) -> Bool {
        var hasSymbol = false
        for scalar in token.unicodeScalars {
            if scalar.isASCII {
                if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                    // Keycaps (1️⃣) are digits followed by the combining keycap mark.
                    if !token.unicodeScalars.contains("\u{20E3}") { return false }
                }
                continue
            }
            let properties = scalar.properties
            guard properties.isEmojiPresentation || properties.isEmoji && !properties.isAlphabetic
                || [.otherSymbol, .mathSymbol, .currencySymbol, .modifierSymbol, .otherPunctuation,
                    .privateUse, .control, .format, .nonspacingMark, .enclosingMark,
                    .initialPunctuation, .finalPunctuation, .openPunctuation].contains(properties.generalCategory)
            else { return false }
            hasSymbol = true
        }
        return hasSymbol
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }
}
