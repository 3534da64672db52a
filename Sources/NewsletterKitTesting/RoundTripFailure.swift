/// One way an adapter's round trip fails, found by ``RoundTripVerifier``.
public struct RoundTripFailure: Sendable, Hashable, CustomStringConvertible {
    /// The step of the round trip that failed.
    public enum Step: String, Sendable, Hashable, CaseIterable {
        /// Decoding the given text.
        case decoding
        /// Encoding the decoded (or given) issue.
        case encoding
        /// Decoding the encoded text and comparing the result.
        case redecoding
        /// Encoding the re-decoded issue and comparing the texts.
        case reencoding
    }

    /// The step that failed.
    public var step: Step
    /// What went wrong, one line.
    public var message: String

    /// Creates a failure.
    public init(_ step: Step, _ message: String) {
        self.step = step
        self.message = message
    }

    /// `step: message`.
    public var description: String { "\(step.rawValue): \(message)" }
}
