import NewsletterCore

/// Where the front-matter block of a draft is: the YAML between the opening `---` line (after an optional byte
/// order mark) and the closing `---` or `...` line, and where the Markdown body starts.
struct FrontMatterBlock: Equatable {
    /// The UTF-8 offsets of the YAML between the delimiter lines (empty for an empty block).
    var yamlRange: Range<Int>
    /// The closing delimiter as written: `---` or `...`.
    var closingDelimiter: String
    /// The UTF-8 offset where the body starts, after the closing line's line ending.
    var bodyStart: Int

    /// Finds the block; `nil` when the file does not open with a `---` line, so it has no front matter.
    ///
    /// - Throws: ``NewsletterCore/NewsletterError`` pointing at the opening line: `malformedInput` when no
    ///   closing line follows (neither all front matter nor all body is a safe guess), `limitExceeded` as soon as
    ///   the block passes `maximumBytes`, without reading the rest of a large file.
    static func locate(in source: SourceText, maximumBytes: Int) throws(NewsletterError) -> FrontMatterBlock? {
        guard opensWithDelimiter(source) else { return nil }
        let opening = source.location(atUTF8Offset: source.hasByteOrderMark ? 3 : 0)

        for line in stride(from: 2, through: source.lineCount, by: 1) {
            guard source.lineStarts[line - 1] - source.lineStarts[1] <= maximumBytes else {
                throw NewsletterError(
                    .limitExceeded,
                    "front matter is more than \(maximumBytes) bytes, the limit (is its closing '---' line missing?)",
                    at: opening,
                    in: source
                )
            }
            let text = source.lineText(line)
            guard isDelimiter(text, "---") || isDelimiter(text, "...") else { continue }
            // A final line without a line ending is still a line; an empty last "line" after one is not.
            let bodyStart = line < source.lineCount ? source.lineStarts[line] : source.utf8Count
            return FrontMatterBlock(
                yamlRange: source.lineStarts[1]..<source.lineStarts[line - 1],
                closingDelimiter: String(text.prefix(3)),
                bodyStart: bodyStart
            )
        }
        throw NewsletterError(
            .malformedInput,
            "front matter opened here is never closed: add a line holding only '---' after the YAML",
            at: opening,
            in: source
        )
    }

    /// Whether the first line, after an optional byte order mark, is `---` alone.
    static func opensWithDelimiter(_ source: SourceText) -> Bool {
        isDelimiter(source.lineText(1).dropFirst(source.hasByteOrderMark ? 1 : 0), "---")
    }

    /// Whether the line holds only the delimiter, trailing blanks allowed.
    private static func isDelimiter(_ line: Substring, _ delimiter: String) -> Bool {
        line.hasPrefix(delimiter) && line.dropFirst(delimiter.count).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
