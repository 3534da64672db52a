/// What fixing a draft did, its diagnostics kept compactly: ``FixResult`` as the command-line tool uses it, so that a
/// draft with a quarter of a million fixes does not hold a `Diagnostic` and a `Fix` value for each.
package struct StoredFixResult: Sendable {
    /// The fixed text.
    package var text: String
    /// The diagnostics whose fixes were applied, in the order ``FixResult/applied`` lists them (or what a report of
    /// each fix says of it, see `EditorialChecker.fixStored(_:format:minimumSafety:maximumPasses:decoded:keepingAppliedInFull:decode:)`).
    package var applied: AppliedFixLog
    /// How many of `applied` were applied by the end of each pass, the first pass first: a number per pass rather
    /// than per fix.
    package var appliedCountsByPass: [Int]
    /// The diagnostics still reported on the fixed text.
    package var remaining: DiagnosticStore
    /// Whether checking the fixed text found nothing more to fix.
    package var isStable: Bool

    /// The pass each of `applied` was applied in, from 1.
    package var appliedPasses: [Int] {
        var passes: [Int] = []
        passes.reserveCapacity(applied.count)
        for (pass, end) in appliedCountsByPass.enumerated() {
            passes.append(contentsOf: repeatElement(pass + 1, count: end - passes.count))
        }
        return passes
    }

    /// The result as the public API gives it.
    package var values: FixResult {
        let applied = zip(applied, appliedPasses).compactMap { diagnostic, pass in
            diagnostic.fix.map { AppliedFix(diagnostic: diagnostic, fix: $0, pass: pass) }
        }
        return FixResult(text: text, applied: applied, remaining: Array(remaining), isStable: isStable)
    }
}
