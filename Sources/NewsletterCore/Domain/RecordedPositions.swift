/// Positions a format recorded for another draft: where sections and links were in the draft an issue was first
/// read from, when the issue was decoded from a format that stores such positions as data (the JSON form's `range`
/// fields) rather than from that draft itself.
///
/// ``Section/range`` and ``Link/range`` always point into the source the issue was decoded from, so that
/// diagnostics land in the file being checked. The recorded positions of the earlier draft are kept here instead,
/// keyed by the part's range in the decoded source, so that an encoder writing them back finds them for the same
/// part even after code reorders or removes parts; a part built in code has no range and so no recorded position.
///
/// ```swift
/// let issue = try JSONAdapter().decode(source)       // source: a .json file
/// issue.links[0].range                               // the link's object in the .json file
/// issue.recordedPositions?[issue.links[0].range]?.range   // where the link was in the Markdown draft
/// ```
public struct RecordedPositions: Sendable, Equatable, Codable {
    /// The recorded ranges of one section or link.
    public struct Ranges: Sendable, Equatable, Codable {
        /// The whole part, as ``Section/range`` or ``Link/range`` were in the earlier draft.
        public var range: SourceRange?
        /// The section's heading (``Section/headingRange``) or the link's destination (``Link/destinationRange``)
        /// in the earlier draft.
        public var innerRange: SourceRange?

        /// Creates recorded ranges.
        public init(range: SourceRange? = nil, innerRange: SourceRange? = nil) {
            self.range = range
            self.innerRange = innerRange
        }
    }

    /// Recorded ranges keyed by the part's ``Section/range`` or ``Link/range`` in the decoded source.
    public var byDecodedRange: [SourceRange: Ranges]

    /// Creates recorded positions; empty means the format records positions and recorded none.
    public init(_ byDecodedRange: [SourceRange: Ranges] = [:]) {
        self.byDecodedRange = byDecodedRange
    }

    /// The recorded ranges of the part whose range in the decoded source is `decodedRange`.
    public subscript(decodedRange: SourceRange?) -> Ranges? {
        decodedRange.flatMap { byDecodedRange[$0] }
    }
}
