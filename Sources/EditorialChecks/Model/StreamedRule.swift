/// A rule that hands each diagnostic to the engine as it finds it, rather than all of them together.
///
/// The engine keeps diagnostics compactly (``DiagnosticStore``) as they come; an array of a rule's diagnostics would
/// hold all of them at full size first, which for a rule firing on every link of a large draft is the largest part of
/// the memory a check needs. The built-in rules that can fire once per character run, link, node or section stream
/// theirs; `check(_:)` collects the same diagnostics in the same order.
package protocol StreamedRule: Rule {
    /// Finds the rule's problems in the draft and reports each, in the order `check(_:)` returns them.
    func check(_ context: CheckContext, reporting report: (Diagnostic) -> Void)
}

extension StreamedRule {
    /// The diagnostics ``check(_:reporting:)`` reports, together.
    package func collected(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        check(context) { diagnostics.append($0) }
        return diagnostics
    }
}
