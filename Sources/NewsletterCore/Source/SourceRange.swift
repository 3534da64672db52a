/// A half-open span of a source file: `start` is the first character, `end` is just past the last.
public struct SourceRange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The first position inside the range.
    public var start: SourceLocation
    /// The position just past the range (exclusive), like SARIF's `endColumn`.
    public var end: SourceLocation

    /// Creates a range; `end` must not precede `start`.
    public init(start: SourceLocation, end: SourceLocation) {
        precondition(start.offset <= end.offset, "a range cannot end before it starts")
        self.start = start
        self.end = end
    }

    /// The byte offsets the range covers, for slicing UTF-8 buffers and applying edits.
    public var utf8Offsets: Range<Int> { start.offset..<end.offset }

    /// Whether the range covers no text (an insertion point).
    public var isEmpty: Bool { start.offset == end.offset }

    /// Whether `other` lies entirely inside this range.
    public func contains(_ other: SourceRange) -> Bool {
        start.offset <= other.start.offset && other.end.offset <= end.offset
    }

    /// Whether the two ranges share at least one byte.
    public func overlaps(_ other: SourceRange) -> Bool {
        start.offset < other.end.offset && other.start.offset < end.offset
    }

    /// `line:column-line:column`.
    public var description: String { "\(start)-\(end)" }
}
