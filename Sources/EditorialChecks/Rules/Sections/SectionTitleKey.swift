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
        if title.utf8.allSatisfy({ $0 < 0x80 }) { return asciiKey(title) }
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

    /// The same key for pure-ASCII titles, the common case, without Unicode property lookups.
    private static func asciiKey(_ title: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(title.utf8.count)
        var inTag = false
        var pendingSpace = false
        for byte in title.utf8 {
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "<"): inTag = true
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "\\"): break
            case 0x20, 0x09, 0x0A, 0x0D: pendingSpace = !bytes.isEmpty
            default:
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                let folded = byte == UInt8(ascii: "`") ? UInt8(ascii: "'") : byte
                bytes.append(folded >= 0x41 && folded <= 0x5A ? folded + 0x20 : folded)
            }
        }
        while let last = bytes.last, ":!.?-|".utf8.contains(last) || last == 0x20 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
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
