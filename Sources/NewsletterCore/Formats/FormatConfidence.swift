/// How sure an adapter is that a text is in its format.
public enum FormatConfidence: Int, Sendable, Comparable, Codable, CaseIterable {
    /// Certainly not this format.
    case none
    /// Could be this format (it is text, nothing contradicts it).
    case possible
    /// Shows marks of this format.
    case likely
    /// Has this format's signature (a front-matter fence, a `format` field).
    case certain

    public static func < (lhs: FormatConfidence, rhs: FormatConfidence) -> Bool { lhs.rawValue < rhs.rawValue }
}
