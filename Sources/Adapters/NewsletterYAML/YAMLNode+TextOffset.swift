package import NewsletterCore

extension YAMLNode {
    /// The UTF-8 offset in `source` of the byte at `offset` in this scalar's text, when the scalar is written as
    /// its text (plain, or quoted with no escape or doubled quote, on one line), so that a message about a part
    /// of a value (a character of a pattern) can point at it; `nil` when the text was unescaped or folded.
    package func sourceOffset(ofTextOffset offset: Int, in source: SourceText) -> Int? {
        guard let scalar else { return nil }
        let quotes: Int
        switch scalar.style {
        case .plain: quotes = 0
        case .singleQuoted, .doubleQuoted: quotes = 1
        case .literal, .folded: return nil
        }
        let text = scalar.text.utf8
        let written = source.text.utf8.dropFirst(range.start.offset).prefix(range.end.offset - range.start.offset)
        guard written.count == text.count + 2 * quotes,
              written.dropFirst(quotes).prefix(text.count).elementsEqual(text),
              (0...text.count).contains(offset) else { return nil }
        return range.start.offset + quotes + offset
    }
}
