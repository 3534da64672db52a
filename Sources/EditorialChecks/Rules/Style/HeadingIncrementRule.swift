import NewsletterCore

/// `heading-increment`: a section heading more than one level below the one before it.
public struct HeadingIncrementRule: Rule {
    /// Creates the rule.
    public init() {}

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

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let sections = context.issue.sections
        return zip(sections, sections.dropFirst()).compactMap { previous, section in
            guard section.level > previous.level + 1, let range = section.headingRange else { return nil }
            return context.diagnostic(
                "heading level jumps from \(previous.level) to \(section.level)",
                at: range,
                notes: [DiagnosticNote("the previous section heading is level \(previous.level)", range: previous.headingRange)]
            )
        }
    }
}
