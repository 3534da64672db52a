import NewsletterCore

/// `duplicate-section`: a required section that appears more than once.
public struct DuplicateSectionRule: Rule, StreamedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's identity, documentation and examples.
    public static let description = RuleDescription(
        id: "duplicate-section",
        name: "Duplicate section",
        summary: "Each section listed in `required_sections` appears once.",
        rationale: "A section pasted twice, or under two of its aliases, sends readers the same content twice.",
        category: .structure,
        defaultSeverity: .warning,
        nonTriggeringExamples: [
            RuleExample("# Notes\n\n## **Cool Tools**\n\nA.\n\n## **Our Picks**\n\nB.\n\n## **Extra**\n\nX.\n\n## **Extra**\n\nY.\n", configuration: MissingSectionRule.configuration),
        ],
        triggeringExamples: [
            RuleExample("# Notes\n\n## **Our Picks**\n\nB.\n\n↓### **🤌 BEN’S PICKS**\n\nB again.\n", configuration: MissingSectionRule.configuration),
        ]
    )

    /// Finds the problems this rule is about in one draft.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        collected(context)
    }

    package func check(_ context: CheckContext, reporting report: (Diagnostic) -> Void) {
        let required = context.configuration.requiredSections.sections
        let sections = context.issue.sections
        let matching = SectionMatching(context)
        for (requirement, indices) in matching.matches.enumerated() where indices.count > 1 {
            let first = SectionMatching.headingRange(of: sections[indices[0]], context)
            for index in indices.dropFirst() {
                report(context.diagnostic(
                    "duplicate section '\(required[requirement].title)'",
                    at: SectionMatching.headingRange(of: sections[index], context),
                    notes: [DiagnosticNote("first '\(required[requirement].title)' section is here", range: first)]
                ))
            }
        }
    }
}
