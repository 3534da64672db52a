import NewsletterCore

/// The comparison key of a section title: what is left when everything that does not change the
/// title's meaning is removed.
///
/// Removed: HTML tags (`<mark>`), emphasis and escape characters, emoji and symbol tokens whether
/// written correctly or mangled (`🤌`, `ü§å`), variation selectors and joiners, trailing punctuation.
/// Folded: case, curly and mangled apostrophes (`’`, `‚Äô`, `â€™`) to `'`, runs of white space.
/// So `### **🤌 Ben’s Picks**`, `## <mark>BEN'S PICKS</mark>` and `##### ü§å Ben‚Äôs picks:` share a key.
enum SectionTitleKey {
    private static let apostrophes: [String] = ["‚Äô", "â€™", "‚Äò", "â€˜", "’", "‘", "ʼ", "′", "`"]

    static func key(_ title: String) -> String {
        var text = title
        for apostrophe in apostrophes where text.contains(apostrophe) {
            text = text.replacingOccurrences(of: apostrophe, with: "'")
        }
        text = withoutTags(text)
        let words = text.split(whereSeparator: \.isWhitespace).compactMap { token -> String? in
            guard !HeadingTitle.isDecoration(token) else { return nil }
            let kept = token.unicodeScalars.filter { scalar in
                !"*_~\\".unicodeScalars.contains(scalar) && !isEmojiOrJoiner(scalar)
            }
            return kept.isEmpty ? nil : String(String.UnicodeScalarView(kept))
        }
        var key = words.joined(separator: " ").lowercased()
        while let last = key.last, ":!.?-–—|".contains(last) || last == " " { key.removeLast() }
        return key
    }

    private static func isEmojiOrJoiner(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if scalar.isASCII { return false }
        return properties.isEmojiPresentation || properties.isVariationSelector || properties.isEmojiModifier
            || properties.isEmoji && !properties.isAlphabetic && properties.numericType == nil
            || scalar == "\u{200D}" || scalar == "\u{20E3}" || scalar == "\u{F8FF}"
    }

    private static func withoutTags(_ text: String) -> String {
        guard text.contains("<") else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "<") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else {
                rest = rest[open...]
                break
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}

private extension String.UnicodeScalarView {
    init(_ scalars: [Unicode.Scalar]) {
        self.init()
        append(contentsOf: scalars)
    }
}
