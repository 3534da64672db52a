import NewsletterCore

/// `link-spacing`: a link run into the word before or after it (`with[a link](...)`).
public struct LinkSpacingRule: Rule, StreamedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's identity, documentation and examples.
    public static let description = RuleDescription(
        id: "link-spacing",
        name: "Link spacing",
        summary: "Links are separated from the neighbouring words by a space.",
        rationale: "HTML-to-Markdown converters drop the space around links (`with[a link](...)`), so the link text renders glued to the word before or after it.",
        category: .style,
        defaultSeverity: .warning,
        fixSafety: .safe,
        nonTriggeringExamples: [
            "# Notes\n\nRead ([the guide](https://docs.acme.dev)), \"[quoted](https://acme.dev/q)\" and [this](https://acme.dev/t).\n",
            "# Notes\n\nA logo![Acme](https://cdn.acme.dev/logo.png) is an image, and <https://acme.dev>s is an autolink.\n",
        ],
        triggeringExamples: [
            "# Notes\n\nRead about it with↓[a link](https://blog.acme.dev/picks)↓today, or é↓[ü](https://acme.dev/u).\n",
        ],
        corrections: [
            RuleCorrection(
                "# Notes\n\nRead about it with[a link](https://blog.acme.dev/picks)today.\n",
                "# Notes\n\nRead about it with [a link](https://blog.acme.dev/picks) today.\n"
            ),
        ],
        // It reads and edits Markdown syntax in the file, which only Markdown formats have.
        textKinds: [.markdown]
    )

    /// Finds the problems this rule is about in one draft.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        collected(context)
    }

    package func check(_ context: CheckContext, reporting report: (Diagnostic) -> Void) {
        context.source.text.utf8.withContiguousStorageIfAvailable { bytes in
            let links = LinkSelection.links(context)
            for index in links.indices where links[index].kind == .inline || links[index].kind == .reference {
                guard let range = links[index].range else { continue }
                if WordCharacters.isWordCharacter(before: range.start.offset, in: bytes) {
                    report(MissingSpace.diagnostic("link starts right after a word", at: range.start.offset, context))
                }
                if WordCharacters.isWordCharacter(at: range.end.offset, in: bytes) {
                    report(MissingSpace.diagnostic("link runs into the next word", at: range.end.offset, context))
                }
            }
        }
    }
}
