import NewsletterCore

/// `emphasis-spacing`: bold text run into the word before or after it (`an API**with**`, `from**spending**`).
public struct EmphasisSpacingRule: Rule {
    /// Creates the rule.
    public init() {}

    public static let description = RuleDescription(
        id: "emphasis-spacing",
        name: "Emphasis spacing",
        summary: "Bold text is separated from the neighbouring words by a space.",
        rationale: """
            HTML-to-Markdown converters drop the space between a word and bold text (`from**spending**`), so the words \
            render glued together. Only `**` and `***` pairs on one line are looked at; single `*` is too often \
            arithmetic or a list marker to judge.
            """,
        category: .style,
        defaultSeverity: .warning,
        fixSafety: .safe,
        nonTriggeringExamples: [
            "# Notes\n\nAcme is an **API** with **good docs**, and `a**b**c` is code.\n",
            "# Notes\n\n- Ledger - **what it is**. ([link](https://acme.dev))\n\n***\n\n2 ** 3 ** 2 is maths.\n",
            "# Notes\n\nAn escaped \\*\\*star\\*\\* and **bold's** apostrophe.\n",
        ],
        triggeringExamples: [
            "# Notes\n\nAcme is an API↓**with** good docs.\n",
            "# Notes\n\nSave money from↓**spending**↓less.\n",
            "## **🤌 Picks**\n\nThe ***whole***↓thing, not **bold***tail*.\n",
        ],
        corrections: [
            RuleCorrection("# Notes\n\nSave money from**spending**less.\n", "# Notes\n\nSave money from **spending** less.\n"),
            RuleCorrection("# Notes\n\nAn API**with** docs; é**ü**ñ.\n", "# Notes\n\nAn API **with** docs; é **ü** ñ.\n"),
        ]
    )

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for line in 1...context.source.lineCount where context.layout.isMarkdown(line: line) {
            let text = context.source.lineText(line)
            guard text.utf8.contains(UInt8(ascii: "*")) else { continue }
            let lineStart = context.source.lineOffsets(line).lowerBound
            let bytes = Array(text.utf8)
            let delimiters = Self.delimiterRuns(bytes, codeSpans: MarkdownLayout.codeSpans(in: text))
            var pair = 0
            while pair + 1 < delimiters.count {
                let open = delimiters[pair], close = delimiters[pair + 1]
                // `**bold***tail*` closes bold and opens italic: runs of different lengths are not one pair.
                guard open.count == close.count else { pair += 1; continue }
                pair += 2
                guard open.upperBound < close.lowerBound,
                      !Self.isSpace(bytes[open.upperBound]), !Self.isSpace(bytes[close.lowerBound - 1])
                else { continue }
                if WordCharacters.isWordCharacter(before: open.lowerBound, in: bytes) {
                    diagnostics.append(MissingSpace.diagnostic("bold text starts right after a word", at: lineStart + open.lowerBound, context))
                }
                if WordCharacters.isWordCharacter(at: close.upperBound, in: bytes) {
                    diagnostics.append(MissingSpace.diagnostic("bold text runs into the next word", at: lineStart + close.upperBound, context))
                }
            }
        }
        return diagnostics
    }

    /// Runs of exactly two or three unescaped `*` outside code spans, as byte ranges of the line.
    private static func delimiterRuns(_ bytes: [UInt8], codeSpans: [Range<Int>]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "*") else { index += 1; continue }
            var end = index
            while end < bytes.count && bytes[end] == UInt8(ascii: "*") { end += 1 }
            let escaped = index > 0 && bytes[index - 1] == UInt8(ascii: "\\")
            if (2...3).contains(end - index), !escaped, !codeSpans.contains(where: { $0.contains(index) }) {
                runs.append(index..<end)
            }
            index = end
        }
        return runs
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
