import NewsletterCore

/// The `<!-- newsletterlint-... -->` comments of a draft and the lines they silence.
///
/// - `<!-- newsletterlint-disable rule-a rule-b -->` silences those rules (all rules when none is named)
///   from its line until a matching `-enable` or the end of the file;
/// - `<!-- newsletterlint-enable rule-a -->` turns them back on from its line;
/// - `<!-- newsletterlint-disable-next-line rule-a -->` silences the line after the comment.
///
/// A diagnostic is silenced when the line it starts on is.
package struct InlineSuppressions: Sendable {
    private struct Region: Sendable {
        var ruleID: String?
        var lines: ClosedRange<Int>
    }

    private static let prefix = "newsletterlint-"
    private static let prefixBytes = Array(prefix.utf8)
    private let regions: [Region]

    /// Reads the suppression comments of `source`: the HTML comments of its Markdown tree (HTML blocks and raw
    /// HTML), never text in code. A draft without a tree has none.
    package init(source: SourceText, markdown: MarkdownTree?) {
        var regions: [Region] = []
        var open: [String?: Int] = [:]
        var candidates: [(line: Int, text: String)] = []
        if let markdown {
            for index in 0..<markdown.count where markdown.kind(at: index) == .html || markdown.kind(at: index) == .htmlBlock {
                let range = markdown.range(at: index)
                let text = source.slice(range)
                let mentionsPrefix = text.utf8.withContiguousStorageIfAvailable { ByteSearch.find(Self.prefixBytes, in: $0, range: 0..<$0.count) != nil }
                    ?? (text.utf8.firstRange(of: Self.prefixBytes) != nil)
                guard mentionsPrefix else { continue }
                candidates.append((source.location(atUTF8Offset: range.lowerBound).line, String(text)))
            }
        }
        for (line, text) in candidates {
            for command in Self.commands(in: text[...]) {
                let ids: [String?] = command.ruleIDs.isEmpty ? [nil] : command.ruleIDs.map(Optional.some)
                switch command.verb {
                case "disable":
                    for id in ids where open[id] == nil { open[id] = line }
                case "enable":
                    for id in ids {
                        if let start = open.removeValue(forKey: id) { regions.append(Region(ruleID: id, lines: start...line)) }
                    }
                case "disable-next-line":
                    for id in ids { regions.append(Region(ruleID: id, lines: (line + 1)...(line + 1))) }
                default:
                    break
                }
            }
        }
        for (id, start) in open { regions.append(Region(ruleID: id, lines: start...Int.max)) }
        self.regions = regions
    }

    /// Whether diagnostics of `ruleID` starting on `line` are silenced.
    package func isSuppressed(ruleID: String, line: Int) -> Bool {
        regions.contains { ($0.ruleID == nil || $0.ruleID == ruleID) && $0.lines.contains(line) }
    }

    /// Whether the draft has no suppression comments.
    package var isEmpty: Bool { regions.isEmpty }

    private static func commands(in line: Substring) -> [(verb: String, ruleIDs: [String])] {
        var commands: [(verb: String, ruleIDs: [String])] = []
        var rest = line[...]
        while let open = rest.range(of: "<!--"), let close = rest[open.upperBound...].range(of: "-->") {
            let words = rest[open.upperBound..<close.lowerBound].split(whereSeparator: \.isWhitespace)
            if let first = words.first, first.hasPrefix(prefix) {
                commands.append((String(first.dropFirst(prefix.count)), words.dropFirst().map(String.init)))
            }
            rest = rest[close.upperBound...]
        }
        return commands
    }
}
