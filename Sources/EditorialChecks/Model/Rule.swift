/// An offline check: reads a decoded draft and reports diagnostics.
///
/// A rule is a stateless value; its settings arrive in the ``CheckContext``. Write one by describing
/// it, with examples, and implementing ``check(_:)``; registering it in a ``RuleRegistry`` makes the
/// generic example test run it.
///
/// ```swift
/// struct NoShoutingTitleRule: Rule {
///     static let description = RuleDescription(
///         id: "no-shouting-title", name: "No shouting title",
///         summary: "The title is not written in capitals.",
///         rationale: "Capitals read as shouting in an inbox.",
///         category: .style, defaultSeverity: .warning,
///         nonTriggeringExamples: ["# Weekly notes\n"],
///         triggeringExamples: ["↓# WEEKLY NOTES\n"]
///     )
///     func check(_ context: CheckContext) -> [Diagnostic] {
///         guard let title = context.issue.title, title == title.uppercased(), title != title.lowercased() else { return [] }
///         return [context.diagnostic("the title is in capitals", at: context.startOfFile)]
///     }
/// }
/// ```
public protocol Rule: Sendable {
    /// The rule's identity, documentation and examples.
    static var description: RuleDescription { get }
    /// Finds the problems in one draft.
    func check(_ context: CheckContext) -> [Diagnostic]
}

/// A check that waits on something outside the draft (the network, for link status).
///
/// The engine runs these after the offline rules, under the same configuration and suppressions.
/// They are not re-run while fixing: fixes come from offline rules only.
public protocol AsyncRule: Sendable {
    /// The rule's identity, documentation and examples.
    static var description: RuleDescription { get }
    /// Finds the problems in one draft.
    func check(_ context: CheckContext) async -> [Diagnostic]
}
