import NewsletterCore
import Foundation

/// `section-order`: required sections out of their configured order.
public struct SectionOrderRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's identity, documentation and examples.
    public static let description = RuleDescription(
        id: "section-order",
        name: "Section order",
        summary: "Required sections appear in the order `required_sections` lists them, unless `ordered: false`.",
        rationale: """
            Regular readers find their way by the fixed order of a newsletter's sections. The fewest sections that break \
            the order are reported (those outside the longest run in order), each with where it belongs.
            """,
        category: .structure,
        defaultSeverity: .warning,
        nonTriggeringExamples: [
            RuleExample("# Notes\n\n## **Cool Tools**\n\nA.\n\n## **Extra**\n\nX.\n\n### **PICKS**\n\nB.\n\n## See ya\n\nC.\n", configuration: MissingSectionRule.configuration),
            RuleExample(
                "# Notes\n\n## See ya\n\nC.\n\n## **Cool Tools**\n\nA.\n",
                configuration: MissingSectionRule.unorderedConfiguration
            ),
        ],
        triggeringExamples: [
            RuleExample("# Notes\n\n↓## See ya\n\nC.\n\n## **Cool Tools**\n\nA.\n\n## **Our Picks**\n\nB.\n", configuration: MissingSectionRule.configuration),
            RuleExample("# Notes\n\n## **Cool Tools**\n\nA.\n\n## See ya\n\nC.\n\n↓## **Our Picks**\n\nB.\n", configuration: MissingSectionRule.configuration),
        ]
    )

    /// Finds the problems this rule is about in one draft.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard context.configuration.requiredSections.isOrdered else { return [] }
        let required = context.configuration.requiredSections.sections
        let sections = context.issue.sections
        let matching = SectionMatching(context)
        // The first occurrence of each present requirement, in document order; duplicates are duplicate-section's.
        let present = matching.matches.enumerated()
            .compactMap { requirement, indices in indices.first.map { (section: $0, requirement: requirement) } }
            .sorted { $0.section < $1.section }
        let inOrder = Set(Self.longestIncreasingRun(present.map(\.requirement)))
        var diagnostics: [Diagnostic] = []
        for (position, entry) in present.enumerated() where !inOrder.contains(position) {
            let anchors = inOrder.map { present[$0] }
            let title = required[entry.requirement].title
            let range = SectionMatching.headingRange(of: sections[entry.section], context)
            if let before = anchors.filter({ $0.requirement < entry.requirement }).max(by: { $0.requirement < $1.requirement }) {
                let anchor = SectionMatching.headingRange(of: sections[before.section], context)
                diagnostics.append(context.diagnostic(
                    "section '\(title)' is out of order; expected after '\(required[before.requirement].title)'",
                    at: range,
                    notes: [DiagnosticNote("'\(required[before.requirement].title)' is here", range: anchor)]
                ))
            } else if let after = anchors.filter({ $0.requirement > entry.requirement }).min(by: { $0.requirement < $1.requirement }) {
                let anchor = SectionMatching.headingRange(of: sections[after.section], context)
                diagnostics.append(context.diagnostic(
                    "section '\(title)' is out of order; expected before '\(required[after.requirement].title)'",
                    at: range,
                    notes: [DiagnosticNote("'\(required[after.requirement].title)' is here", range: anchor)]
                ))
            }
        }
        return diagnostics
    }

    /// Positions in `values` of a longest strictly increasing subsequence, preferring earlier elements on ties.
    static func longestIncreasingRun(_ values: [Int]) -> [Int] {
        guard !values.isEmpty else { return [] }
        var length = Array(repeating: 1, count: values.count)
        var previous = Array(repeating: -1, count: values.count)
        for index in values.indices {
            for earlier in 0..<index where values[earlier] < values[index] && length[earlier] + 1 > length[index] {
                length[index] = length[earlier] + 1
                previous[index] = earlier
            }
        }
        var best = 0
        for index in values.indices where length[index] > length[best] { best = index }
        var run: [Int] = []
        var cursor = best
        while cursor >= 0 {
            run.append(cursor)
            cursor = previous[cursor]
        }
        return run.reversed()
    }
}
