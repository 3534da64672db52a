import NewsletterCore

/// Which lines of a draft hold Markdown prose, so that lexical rules (spacing, hard breaks, suppression
/// comments) skip front matter, fenced code and multi-line HTML comments.
///
/// Sections and links come from the adapters' parse; this is only the coarse line map that rules
/// scanning raw text need. Indented code blocks are not recognised (beehiiv exports do not use them);
/// inline code spans are found per line with ``codeSpans(in:)``.
public struct MarkdownLayout: Sendable {
    /// What a line is.
    public enum LineKind: Sendable, Equatable {
        /// Markdown prose, headings, lists, tables.
        case markdown
        /// A YAML front-matter line, delimiters included.
        case frontMatter
        /// Inside a fenced code block, fences included.
        case code
        /// Inside an HTML comment spanning several lines.
        case comment
        /// Not Markdown at all (a JSON draft).
        case other
    }

    /// The kind of each line; index 0 is line 1.
    public let lineKinds: [LineKind]

    /// Classifies the lines of `source`; drafts of format `json` have no Markdown lines.
    public init(source: SourceText, format: String) {
        guard format != "json" else {
            lineKinds = Array(repeating: .other, count: source.lineCount)
            return
        }
        var kinds = Array(repeating: LineKind.markdown, count: source.lineCount)
        var line = 1
        let first = source.lineText(1).drop { $0 == "\u{FEFF}" }
        if first == "---" {
            var closing = 2
            while closing <= source.lineCount && !["---", "..."].contains(source.lineText(closing)) { closing += 1 }
            if closing <= source.lineCount {
                for index in 0..<closing { kinds[index] = .frontMatter }
                line = closing + 1
            }
        }
        var fence: (character: Character, length: Int)?
        var inComment = false
        while line <= source.lineCount {
            let text = source.lineText(line)
            let trimmed = text.drop { $0 == " " }
            if let open = fence {
                kinds[line - 1] = .code
                let run = trimmed.prefix { $0 == open.character }.count
                if run >= open.length && trimmed.dropFirst(run).allSatisfy(\.isWhitespace) { fence = nil }
            } else if inComment {
                kinds[line - 1] = .comment
                if text.contains("-->") { inComment = false }
            } else if text.count - trimmed.count < 4, let marker = trimmed.first, marker == "`" || marker == "~",
                      trimmed.prefix(while: { $0 == marker }).count >= 3 {
                fence = (marker, trimmed.prefix { $0 == marker }.count)
                kinds[line - 1] = .code
            } else if let open = text.range(of: "<!--"), !text[open.upperBound...].contains("-->") {
                inComment = true
            }
            line += 1
        }
        lineKinds = kinds
    }

    /// Whether a 1-based line is Markdown prose.
    public func isMarkdown(line: Int) -> Bool {
        line >= 1 && line <= lineKinds.count && lineKinds[line - 1] == .markdown
    }

    /// The UTF-8 offset ranges, relative to the start of `line`, of the inline code spans in it (backticks included).
    public static func codeSpans(in line: Substring) -> [Range<Int>] {
        let bytes = Array(line.utf8)
        var spans: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "`") else { index += 1; continue }
            var run = 0
            while index + run < bytes.count && bytes[index + run] == UInt8(ascii: "`") { run += 1 }
            var search = index + run
            var closed: Int?
            while search < bytes.count {
                guard bytes[search] == UInt8(ascii: "`") else { search += 1; continue }
                var closingRun = 0
                while search + closingRun < bytes.count && bytes[search + closingRun] == UInt8(ascii: "`") { closingRun += 1 }
                if closingRun == run { closed = search + closingRun; break }
                search += closingRun
            }
            if let closed {
                spans.append(index..<closed)
                index = closed
            } else {
                index += run
            }
        }
        return spans
    }
}
