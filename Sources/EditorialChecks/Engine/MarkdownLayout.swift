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
        var lines: [Range<Int>] = []
        lines.reserveCapacity(source.lineCount)
        LineBytes.forEachLine(of: source) { _, _, range in lines.append(range) }
        var text = source.text
        text.withUTF8 { bytes in
            func line(_ index: Int) -> UnsafeBufferPointer<UInt8>.SubSequence { bytes[lines[index]] }
            var first = line(0)
            if first.starts(with: [0xEF, 0xBB, 0xBF]) { first = first.dropFirst(3) }
            var index = 0
            if first.elementsEqual("---".utf8),
               let closing = (1..<lines.count).first(where: { line($0).elementsEqual("---".utf8) || line($0).elementsEqual("...".utf8) }) {
                for covered in 0...closing { kinds[covered] = .frontMatter }
                index = closing + 1
            }
            var fence: (marker: UInt8, length: Int)?
            var inComment = false
            while index < lines.count {
                let text = line(index)
                let indent = text.prefix { $0 == 0x20 }.count
                let trimmed = text.dropFirst(indent)
                if let open = fence {
                    kinds[index] = .code
                    let run = trimmed.prefix { $0 == open.marker }.count
                    if run >= open.length && trimmed.dropFirst(run).allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { fence = nil }
                } else if inComment {
                    kinds[index] = .comment
                    if LineBytes.find(Self.commentClose, in: bytes, range: lines[index]) != nil { inComment = false }
                } else if indent < 4, let marker = trimmed.first, marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~"),
                          trimmed.prefix(while: { $0 == marker }).count >= 3 {
                    fence = (marker, trimmed.prefix { $0 == marker }.count)
                    kinds[index] = .code
                } else if let open = LineBytes.find(Self.commentOpen, in: bytes, range: lines[index]),
                          LineBytes.find(Self.commentClose, in: bytes, range: open + 4..<lines[index].upperBound) == nil {
                    inComment = true
                }
                index += 1
            }
        }
        lineKinds = kinds
    }

    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)

    /// Whether a 1-based line is Markdown prose.
    public func isMarkdown(line: Int) -> Bool {
        line >= 1 && line <= lineKinds.count && lineKinds[line - 1] == .markdown
    }

    /// The UTF-8 offset ranges, relative to the start of `line`, of the inline code spans in it (backticks included).
    public static func codeSpans(in line: Substring) -> [Range<Int>] {
        codeSpans(in: Array(line.utf8))
    }

    /// The code spans of a line given as UTF-8 bytes, as offsets into `bytes`.
    static func codeSpans(in bytes: [UInt8]) -> [Range<Int>] {
        guard bytes.contains(UInt8(ascii: "`")) else { return [] }
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
