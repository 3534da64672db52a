import NewsletterCore

/// `heading-increment`: a section heading more than one level below the one before it.
public struct HeadingIncrementRule: Rule, StreamedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's identity, documentation and examples.
    public static let description = RuleDescription(
        id: "heading-increment",
        name: "Heading increment",
        summary: "Section headings go down one level at a time.",
        rationale: """
            Screen readers navigate by heading level, and a jump (`##` then `######`) usually comes from a converter \
            or a slip, and renders as tiny text. Only section headings are compared: beehiiv's `#` title followed by a \
            `###` subtitle is the format's own layout.
            """,
        category: .style,
        defaultSeverity: .warning,
        nonTriggeringExamples: [
            "# Notes\n\n### PLUS: more\n\n## **Tools**\n\nText.\n\n### **Picks**\n\nText.\n\n## **See ya**\n\nBye.\n",
        ],
        triggeringExamples: [
            "# Notes\n\n## **Tools**\n\nText.\n\n↓##### **Small print**\n\nText.\n",
        ]
    )

    /// Finds the problems this rule is about in one draft.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        collected(context)
    }

    package func check(_ context: CheckContext, reporting report: (Diagnostic) -> Void) {
        let sections = context.issue.sections
        for (previous, section) in zip(sections, sections.dropFirst()) {
            guard section.level > previous.level + 1, let range = section.headingRange else { continue }
            report(context.diagnostic(
                "heading level jumps from \(previous.level) to \(section.level)",
                at: range,
                notes: [DiagnosticNote("the previous section heading is level \(previous.level)", range: previous.headingRange)]
            ))
        }
    }
}
