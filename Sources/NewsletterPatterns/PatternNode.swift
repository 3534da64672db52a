/// The parsed form of a pattern: what ``PatternParser`` produces and ``PatternProgram`` compiles.
indirect enum PatternNode: Sendable {
    /// Matches the empty string.
    case empty
    /// One Unicode scalar (already case-folded when the pattern ignores case).
    case scalar(Unicode.Scalar)
    /// One scalar from a set: `.`, `[...]`, `\d`, ...
    case set(ScalarSet)
    /// A zero-width condition.
    case assertion(PatternAssertion)
    /// Each node in turn.
    case concatenation([PatternNode])
    /// The first alternative that leads to a match, in order.
    case alternation([PatternNode])
    /// `node` at least `minimum` and at most `maximum` times (`nil`: no upper bound); greedy tries more first.
    case repetition(PatternNode, minimum: Int, maximum: Int?, isGreedy: Bool)
}
