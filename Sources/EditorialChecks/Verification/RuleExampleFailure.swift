/// One way a rule's description, examples or corrections fail their promise, found by ``RuleExampleVerifier``.
///
/// A value, not a test failure: a test library turns it into a test issue at ``location``, and
/// `editorial-check rules --verify` prints it.
public struct RuleExampleFailure: Sendable, Hashable, CustomStringConvertible {
    /// Which promise was broken.
    public enum Check: String, Sendable, Hashable, CaseIterable {
        /// The description itself: identifier, name, summary, examples present, corrections for fixable rules.
        case description
        /// A non-triggering example triggered the rule.
        case nonTriggering
        /// A triggering example did not report exactly at its markers, at the rule's default severity.
        case triggering
        /// A triggering example with a multi-byte character inserted before its markers did not report at them.
        case multiByteOffsets
        /// A triggering example still reported with the rule disabled.
        case disabled
        /// A triggering example did not report at a severity set in the configuration.
        case configuredSeverity
        /// Fixing a correction's input did not give exactly its expected text, or was not stable.
        case correction
        /// An example or its configuration could not be read.
        case unreadable
    }

    /// The rule.
    public var ruleID: String
    /// Which promise was broken.
    public var check: Check
    /// The example's or correction's position in its list, from 0 (`nil` for the description).
    public var index: Int?
    /// What went wrong, one line.
    public var message: String
    /// Where the example or correction was written, when known.
    public var location: ExampleLocation?

    /// Creates a failure.
    public init(ruleID: String, check: Check, index: Int? = nil, message: String, location: ExampleLocation? = nil) {
        self.ruleID = ruleID
        self.check = check
        self.index = index
        self.message = message
        self.location = location
    }

    /// What was checked, as people count: `triggering example 2`, `correction 1`, `description`.
    public var subject: String {
        let number = (index ?? 0) + 1
        switch check {
        case .description: return "description"
        case .nonTriggering: return "non-triggering example \(number)"
        case .triggering, .multiByteOffsets, .disabled, .configuredSeverity: return "triggering example \(number)"
        case .correction: return "correction \(number)"
        case .unreadable: return index.map { "example \($0 + 1)" } ?? "examples"
        }
    }

    /// `path:line:column: rule-id: triggering example 2: message`, the location only when known.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(ruleID): \(subject): \(message)"
    }
}
