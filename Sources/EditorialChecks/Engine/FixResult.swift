/// What fixing a draft did.
public struct FixResult: Sendable, Equatable {
    /// The fixed text.
    public var text: String
    /// The fixes applied, in order. Ranges of a fix applied in pass `n` point into the text as it was after pass `n - 1`.
    public var applied: [AppliedFix]
    /// The diagnostics still reported on the fixed text.
    public var remaining: [Diagnostic]
    /// Whether checking the fixed text found nothing more to fix; `false` when the pass limit stopped the loop.
    public var isStable: Bool

    /// Creates a result.
    public init(text: String, applied: [AppliedFix], remaining: [Diagnostic], isStable: Bool) {
        self.text = text
        self.applied = applied
        self.remaining = remaining
        self.isStable = isStable
    }
}

/// One fix the engine applied, with the diagnostic it answered.
public struct AppliedFix: Sendable, Hashable, Codable {
    /// The diagnostic, positioned in the text of its pass.
    public var diagnostic: Diagnostic
    /// The fix applied.
    public var fix: Fix
    /// The pass it was applied in, from 1.
    public var pass: Int

    /// Creates a record of an applied fix.
    public init(diagnostic: Diagnostic, fix: Fix, pass: Int) {
        self.diagnostic = diagnostic
        self.fix = fix
        self.pass = pass
    }
}
