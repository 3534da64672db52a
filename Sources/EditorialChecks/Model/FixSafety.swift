/// Whether a fix may be applied without a person looking at it.
public enum FixSafety: String, Sendable, Codable, CaseIterable, Comparable {
    /// Shown with the diagnostic, applied only when the user asks for suggestions too.
    case suggestion
    /// Certainly right: applied by `fix` (`--fix`).
    case safe

    public static func < (lhs: FixSafety, rhs: FixSafety) -> Bool { lhs == .suggestion && rhs == .safe }
}
