/// How many terminal cells a piece of text takes, so that a caret lands under the right character
/// after emoji (two cells), East Asian wide characters (two cells) and combining marks (none).
package enum DisplayWidth {
    package static func of<S: StringProtocol>(_ text: S) -> Int {
        // Most lines are printable ASCII throughout: a cell per byte, no characters to form.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    /// Whether `text` takes at most `limit` cells, found without measuring past the limit: a line of emoji or CJK
    /// that is too wide is known so after the first `limit` cells, not after all of its characters are formed.
    package static func fits<S: StringProtocol>(_ text: S, in limit: Int) -> Bool {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count <= limit }
        if cellBound(text.utf8) <= limit { return true }
        var cells = 0
        for character in text {
            cells += of(character)
            if cells > limit { return false }
        }
        return true
    }

    /// At least the cells `text` takes, counted on its bytes: no character takes more than two cells, nor more than
    /// one when it is a single ASCII scalar. Settles most short lines that hold a few emoji or accents without forming
    /// their characters, which was most of the time a text report spent measuring lines.
    static func cellBound(_ utf8: some Collection<UInt8>) -> Int {
        func bound(_ bytes: some Sequence<UInt8>) -> Int {
            // ASCII counts one, a lead byte two, a continuation byte nothing.
            bytes.reduce(0) { $0 + ($1 < 0x80 ? 1 : $1 >= 0xC0 ? 2 : 0) }
        }
        return utf8.withContiguousStorageIfAvailable(bound) ?? bound(utf8)
    }

    /// What goes before a caret under the end of `text` (already escaped): a space per cell, a tab for a tab.
    package static func indent<S: StringProtocol>(under text: S) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return ASCIIRun.of(" ", count: text.utf8.count) }
        // The spaces since the last tab are counted and written at once.
        var indent = ""
        var spaces = 0
        for character in text {
            if character == "\t" {
                indent += ASCIIRun.of(" ", count: spaces) + "\t"
                spaces = 0
            } else {
                spaces += of(character)
            }
        }
        return indent + ASCIIRun.of(" ", count: spaces)
    }

    package static func of(_ character: Character) -> Int {
        of(cluster: character.unicodeScalars)
    }

    /// The width of one character given as its scalars (a slice holding exactly one character), so that a caller
    /// that has found the character's bounds does not form a `Character` again.
    package static func of<Scalars: Collection<Unicode.Scalar>>(cluster scalars: Scalars) -> Int {
        guard let first = scalars.first else { return 0 }
        let isSingle = scalars.index(after: scalars.startIndex) == scalars.endIndex
        // Printable ASCII and tab take one cell, other ASCII controls none (a carriage return and line feed is one
        // character): decided without looking up properties.
        if first.isASCII && (isSingle || first == "\r") {
            return first.value >= 0x20 && first.value < 0x7F || first.value == 0x09 ? 1 : 0
        }
        if isSingle, let width = commonWidth(first.value) { return width }
        return propertyWidth(of: scalars, first: first)
    }

    /// The width of a character alone from the blocks drafts use most, settled by its value: Latin-1 and Latin
    /// Extended letters and signs, general punctuation (`’`, `–`, `…`), CJK ideographs and Hangul syllables, which
    /// hold no emoji, marks or format characters besides the soft hyphen (a test compares every one with
    /// ``propertyWidth(of:first:)``). `nil` for the rest.
    static func commonWidth(_ value: UInt32) -> Int? {
        switch value {
        case 0xA0...0xAC, 0xAE...0x2FF, 0x2010...0x2027, 0x2030...0x205E: return 1
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: return 2
        default: return nil
        }
    }

    /// The width from the character's Unicode properties: emoji presentation takes two cells, marks and format
    /// characters none, East Asian wide characters two.
    static func propertyWidth<Scalars: Collection<Unicode.Scalar>>(of scalars: Scalars, first: Unicode.Scalar) -> Int {
        if scalars.count > 1 && scalars.contains(where: { $0.properties.isEmojiPresentation || $0.value == 0xFE0F }) {
            return 2
        }
        if first.properties.isEmojiPresentation { return 2 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        return isWide(first.value) ? 2 : 1
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
