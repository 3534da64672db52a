import NewsletterCore

/// `missing-section`: a required section is not in the draft.
public struct MissingSectionRule: Rule {
    /// Creates the rule.
    public init() {}

    static let configuration = """
        required_sections:
          sections:
            - title: Cool Tools
            - title: Ben's Picks
              aliases: [Our Picks, PICKS]
            - title: See ya
        """

    /// ``configuration`` with the sections in any order. Made without Foundation: every rule's description, and so
    /// its examples, is made at each start of the tool.
    static let unorderedConfiguration = "required_sections:\n  ordered: false\n" + configuration.dropFirst("required_sections:\n".count)

    /// The rule's identity, documentation and examples.
    public static let description = RuleDescription(
        id: "missing-section",
        name: "Missing section",
        summary: "Every section listed in `required_sections` is in the draft.",
        rationale: """
            Readers expect a newsletter's regular sections every time, and a section lost while assembling a draft is \
            easy to miss by eye. Titles are matched loosely (level, markup, emoji mangled or not, case, apostrophes, aliases); \
            the diagnostic names the section after which the missing one is expected.
            """,
        category: .structure,
        defaultSeverity: .error,
        nonTriggeringExamples: [
            RuleExample(
                "# Notes\n\n### **🧰 COOL TOOLS**\n\nA.\n\n## <mark>**ü§å Ben’s picks**</mark>\n\nB.\n\n##### **üëã See ya!**\n\nC.\n",
                configuration: configuration
            ),
            RuleExample("# Notes\n\n## **Cool Tools**\n\nA.\n\n## **🤌 Our Picks**\n\nB.\n\n## See ya\n\nC.\n", configuration: configuration),
        ],
        triggeringExamples: [
            RuleExample("# Notes\n\n↓## **🧰 Cool Tools**\n\nA.\n\n## **See ya**\n\nC.\n", configuration: configuration),
            RuleExample("# Notes\n\n↓↓## **Our Picks**\n\nB.\n", configuration: configuration),
            RuleExample("↓↓↓# Notes\n\nNo sections at all.\n", configuration: configuration),
        ]
    )

    /// Finds the problems this rule is about in one draft.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        let required = context.configuration.requiredSections.sections
        let matching = SectionMatching(context)
        let sections = context.issue.sections
        var diagnostics: [Diagnostic] = []
        for (index, requirement) in required.enumerated() where matching.matches[index].isEmpty {
            if let previous = (0..<index).last(where: { !matching.matches[$0].isEmpty }) {
                let section = sections[matching.matches[previous][0]]
                diagnostics.append(context.diagnostic(
                    "missing section '\(requirement.title)'; expected after '\(required[previous].title)'",
                    at: SectionMatching.headingRange(of: section, context)
                ))
            } else if let next = (index + 1..<required.count).first(where: { !matching.matches[$0].isEmpty }) {
                let section = sections[matching.matches[next][0]]
                diagnostics.append(context.diagnostic(
                    "missing section '\(requirement.title)'; expected before '\(required[next].title)'",
                    at: SectionMatching.headingRange(of: section, context)
                ))
            } else {
                diagnostics.append(context.diagnostic("missing section '\(requirement.title)'", at: context.startOfFile))
            }
        }
        return diagnostics
    }
}
