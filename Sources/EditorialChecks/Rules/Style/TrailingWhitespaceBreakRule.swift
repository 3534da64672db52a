import NewsletterCore

/// `trailing-whitespace-break`: a hard line break written as two trailing spaces.
public struct TrailingWhitespaceBreakRule: Rule, StreamedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's identity, documentation and examples.
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
        ],
        // It reads and edits Markdown syntax in the file, which only Markdown formats have.
        textKinds: [.markdown]
    )

    /// Finds the problems this rule is about in one draft: the hard-break nodes of the syntax tree written with spaces.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        collected(context)
    }

    package func check(_ context: CheckContext, reporting report: (Diagnostic) -> Void) {
        guard let tree = context.markdown else { return }
        _ = context.source.text.utf8.withContiguousStorageIfAvailable { bytes in
            for index in 0..<tree.count where tree.kind(at: index) == .hardBreak {
                let node = tree.range(at: index)
                var spacesEnd = node.lowerBound
                while spacesEnd < node.upperBound, bytes[spacesEnd] == UInt8(ascii: " ") || bytes[spacesEnd] == UInt8(ascii: "\t") {
                    spacesEnd += 1
                }
                guard spacesEnd > node.lowerBound else { continue }
                let range = context.range(node.lowerBound..<spacesEnd)
                report(context.diagnostic(
                    "line break written as trailing spaces; use a backslash",
                    at: range,
                    fix: Fix(summary: "replace the trailing spaces with '\\'", edits: [TextEdit(range: range, replacement: "\\")], safety: .safe)
                ))
            }
        }
    }
}
