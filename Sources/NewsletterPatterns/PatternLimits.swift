/// The bounds that keep a compiled pattern small, so that matching (time proportional to the input's length
/// times the program's size) stays fast whatever a configuration holds.
package enum PatternLimits {
    /// The largest count a repetition `{m}`, `{m,}` or `{m,n}` may name.
    package static let maximumRepetitionCount = 1_000
    /// The most instructions a compiled pattern may hold (each character, class or anchor is one; a repetition
    /// `x{m,n}` copies `x` up to `n` times).
    package static let maximumProgramSize = 10_000
    /// The deepest nesting of groups.
    package static let maximumGroupDepth = 100
}
