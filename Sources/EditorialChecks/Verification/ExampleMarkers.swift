/// Reads the `↓` markers of rule examples, and makes the variant of an example with a multi-byte character before
/// its markers, so that a rule that counts columns in bytes or characters instead of scalars is caught.
enum ExampleMarkers {
    /// The example text without markers, and the UTF-8 offsets where the markers stood.
    static func strip(_ text: String) -> (text: String, offsets: [Int]) {
        var stripped = ""
        var offsets: [Int] = []
        for character in text {
            if character == RuleExample.marker {
                offsets.append(stripped.utf8.count)
            } else {
                stripped.append(character)
            }
        }
        return (stripped, offsets)
    }

    /// The character inserted by ``insertingMultiByteCharacters(_:)``: four UTF-8 bytes, one scalar, two cells.
    static let insertion = "🤌 "

    /// The example with ``insertion`` on every marked line, after the line's block prefix (`## `, `- `, `> `),
    /// when that point comes before the line's first marker; and on the first line too when it has no marker
    /// (a title), so that markers at the start of a line still move by bytes. `nil` when nothing could be inserted.
    static func insertingMultiByteCharacters(_ text: String) -> String? {
        var changed = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line -> String in
            let marker = line.firstIndex(of: RuleExample.marker)
            guard marker != nil || (index == 0 && line.hasPrefix("# ")) else { return String(line) }
            let prefix = blockPrefixEnd(line)
            guard prefix < (marker ?? line.endIndex) else { return String(line) }
            changed = true
            return String(line[..<prefix]) + insertion + String(line[prefix...])
        }
        return changed ? lines.joined(separator: "\n") : nil
    }

    private static func blockPrefixEnd(_ line: Substring) -> Substring.Index {
        var index = line.startIndex
        while index < line.endIndex && line[index] == " " { index = line.index(after: index) }
        let rest = line[index...]
        for marker in ["- ", "* ", "+ ", "> ", "| "] where rest.hasPrefix(marker) {
            return line.index(index, offsetBy: 2)
        }
        let hashes = rest.prefix { $0 == "#" }
        if (1...6).contains(hashes.count), rest.dropFirst(hashes.count).first == " " {
            return line.index(index, offsetBy: hashes.count + 1)
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, rest.dropFirst(digits.count).hasPrefix(". ") {
            return line.index(index, offsetBy: digits.count + 2)
        }
        return index
    }
}
