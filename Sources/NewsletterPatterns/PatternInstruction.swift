/// One step of a compiled pattern: the instruction set of a Thompson NFA, run by ``PatternMatcher``.
enum PatternInstruction: Sendable {
    /// Consume this scalar (compared case-folded when the program ignores case).
    case scalar(Unicode.Scalar)
    /// Consume a scalar of the program's set at this index.
    case set(Int)
    /// Go on at both targets, the first one preferred (greedy or lazy repetition, alternation).
    case split(Int, Int)
    /// Go on at the target.
    case jump(Int)
    /// Go on at the next instruction if the condition holds here.
    case assertion(PatternAssertion)
    /// A match ends here.
    case match
}
