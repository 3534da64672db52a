/// How serious a diagnostic is. Ordered: `info < warning < error`.
///
/// Only errors fail a check by default; the command-line tool's `--strict` also fails on warnings.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    /// Worth knowing; never fails a check.
    case info
    /// Probably wrong; fails only in strict mode.
    case warning
    /// Wrong: readers will see it.
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
