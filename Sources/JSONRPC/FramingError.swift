/// A frame the reader could not take; the reader has skipped it and goes on with the next one.
public enum FramingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A header block without a valid `Content-Length` (missing, not a number, negative, or given twice differently).
    case invalidHeader(String)
    /// A header block longer than ``FramingLimits/maximumHeaderSize``; bytes are skipped up to the next blank line.
    case headerTooLarge(limit: Int)
    /// A `Content-Length` above ``FramingLimits/maximumMessageSize``; the body is skipped as it arrives, never held.
    case messageTooLarge(length: Int, limit: Int)

    /// What went wrong, for a log or an error response.
    public var description: String {
        switch self {
        case .invalidHeader(let reason): "invalid message header: \(reason)"
        case .headerTooLarge(let limit): "a message header is longer than the limit of \(limit) bytes"
        case .messageTooLarge(let length, let limit): "a message of \(length) bytes is larger than the limit of \(limit) bytes"
        }
    }
}
