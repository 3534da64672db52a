import NewsletterCore

/// `trailing-whitespace-break`: a hard line break written as two trailing spaces.
public struct TrailingWhitespaceBreakRule: Rule {
    /// Creates the rule.
    public init() {}

    public static let description = RuleDescription(
        id: "trailing-whitespace-break",
        name: "Trailing-whitespace line break",
        summary: "Hard line breaks are written as a backslash, not as trailing spaces.",
        rationale: """
            Two spaces at the end of a line make a line break nobody can see, and editors and tools strip trailing \
            white space, silently joining the lines (the author line and the date in a beehiiv export). A backslash is \
            the same break in CommonMark, and visible.
            """,
        category: .style,
        defaultSeverity: .info,
        fixSafety: .safe,
        nonTriggeringExamples: [
            "# Notes\n\n[Ada Lovelace](https://acme.dev/ada)\\\nJanuary 03, 2023\n\nEnd of paragraph.  \n\nNext.\n",
            "# Notes  \n\n- item  \n- item\n",
        ],
        triggeringExamples: [
            "# Notes\n\n[Ada Lovelace](https://acme.dev/ada)↓  \nJanuary 03, 2023\n",
        ],
        corrections: [
            RuleCorrection(
                "# Notes\n\n[Ada Lovelace](https://acme.dev/ada)   \nJanuary 03, 2023\n",
                "# Notes\n\n[Ada Lovelace](https://acme.dev/ada)\\\nJanuary 03, 2023\n"
            ),
        ]
    )

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard context.source.lineCount > 1 else { return [] }
        var diagnostics: [Diagnostic] = []
        for line in 1..<context.source.lineCount where context.layout.isMarkdown(line: line) && context.layout.isMarkdown(line: line + 1) {
            let text = context.source.lineText(line)
            guard text.hasSuffix("  "), let last = text.lastIndex(where: { $0 != " " }) else { continue }
            let content = text[...last].drop { $0 == " " }
            let next = context.source.lineText(line + 1).drop { $0 == " " }
            guard !content.hasPrefix("#"), !content.hasPrefix("|"), !next.isEmpty, !Self.startsBlock(next) else { continue }
            let offsets = context.source.lineOffsets(line)
            let spaces = text.utf8.count - text[...last].utf8.count
            let range = context.range(offsets.upperBound - spaces..<offsets.upperBound)
            diagnostics.append(context.diagnostic(
                "line break written as trailing spaces; use a backslash",
                at: range,
                fix: Fix(summary: "replace the trailing spaces with '\\'", edits: [TextEdit(range: range, replacement: "\\")], safety: .safe)
            ))
        }
        return diagnostics
    }

    /// Whether a line starts a new block, so the trailing spaces before it are not a line break.
    private static func startsBlock(_ line: Substring) -> Bool {
        if line.hasPrefix("#") || line.hasPrefix(">") || line.hasPrefix("|") || line.hasPrefix("```") || line.hasPrefix("~~~") { return true }
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " { return true }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = line.dropFirst(digits.count).first, after == "." || after == ")" { return true }
        return false
    }
}
