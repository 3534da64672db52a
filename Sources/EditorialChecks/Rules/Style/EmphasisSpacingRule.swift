import NewsletterCore

/// `emphasis-spacing`: bold text run into the word before or after it (`an API**with**`, `from**spending**`).
public struct EmphasisSpacingRule: Rule, StreamedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's identity, documentation and examples.
    public static let description = RuleDescription(
        id: "emphasis-spacing",
        name: "Emphasis spacing",
        summary: "Bold text is separated from the neighbouring words by a space.",
        rationale: """
            HTML-to-Markdown converters drop the space between a word and bold text (`from**spending**`), so the words \
            render glued together. Only text Markdown reads as strong emphasis written with `**` or `***` is looked \
            at; code, HTML and stars Markdown does not pair are left alone.
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
        ],
        // It reads and edits Markdown syntax in the file, which only Markdown formats have.
        textKinds: [.markdown]
    )

    /// Finds the problems this rule is about in one draft: every `**strong**` (or `***strong emphasis***`) node of
    /// the syntax tree whose delimiters touch a word character outside them.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        collected(context)
    }

    package func check(_ context: CheckContext, reporting report: (Diagnostic) -> Void) {
        guard let tree = context.markdown else { return }
        context.source.text.utf8.withContiguousStorageIfAvailable { bytes in
            for index in 0..<tree.count where tree.kind(at: index) == .strong {
                var range = tree.range(at: index)
                guard range.count >= 4, bytes[range.lowerBound] == UInt8(ascii: "*") else { continue }
                // `***text***` is emphasis around strong text (or the reverse): judge the whole run of three.
                if let parent = tree[index].parentIndex, tree.kind(at: parent) == .emphasis,
                   tree.range(at: parent) == (range.lowerBound - 1)..<(range.upperBound + 1) {
                    range = tree.range(at: parent)
                }
                if WordCharacters.isWordCharacter(before: range.lowerBound, in: bytes) {
                    report(MissingSpace.diagnostic("bold text starts right after a word", at: range.lowerBound, context))
                }
                if WordCharacters.isWordCharacter(at: range.upperBound, in: bytes) {
                    report(MissingSpace.diagnostic("bold text runs into the next word", at: range.upperBound, context))
                }
            }
        }
    }
}
