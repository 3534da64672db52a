import NewsletterCore

/// `empty-section`: a section heading with no content under it.
public struct EmptySectionRule: Rule, StreamedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's identity, documentation and examples.
    public static let description = RuleDescription(
        id: "empty-section",
        name: "Empty section",
        summary: "Every section has content, unless `required_sections` allows it to be empty.",
        rationale: """
            A heading followed directly by the next heading is usually content lost while assembling the draft. A heading \
            followed by deeper headings is a group, not empty. A required section with `allow_empty: true` may be empty.
            """,
        category: .structure,
        defaultSeverity: .warning,
        nonTriggeringExamples: [
            "# Notes\n\n## **Tools**\n\nA.\n\n## **Sponsors**\n\n### **Acme**\n\nB.\n",
            RuleExample(
                "# Notes\n\n## **Tools**\n\nA.\n\n## **See ya**\n",
                configuration: "required_sections:\n  sections:\n    - title: See ya\n      allow_empty: true\n"
            ),
        ],
        triggeringExamples: [
            "# Notes\n\n↓### **🧰 Tools**\n\n## **Picks**\n\nB.\n\n↓## **See ya**\n\n   \n",
        ]
    )

    /// Finds the problems this rule is about in one draft.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        collected(context)
    }

    package func check(_ context: CheckContext, reporting report: (Diagnostic) -> Void) {
        let sections = context.issue.sections
        let required = context.configuration.requiredSections.sections
        let matching = SectionMatching(context)
        for index in sections.indices {
            let section = sections[index]
            guard section.body.allSatisfy(\.isWhitespace) else { continue }
            if index + 1 < sections.count && sections[index + 1].level > section.level { continue }
            if let requirement = matching.requirement(ofSection: index), required[requirement].allowsEmpty { continue }
            report(context.diagnostic("section '\(section.title)' is empty", at: SectionMatching.headingRange(of: section, context)))
        }
    }
}
