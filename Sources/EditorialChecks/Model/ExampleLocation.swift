/// Where a rule example or correction was written: a line of Swift source, or a position in a configuration file.
///
/// Examples written with ``RuleExample/init(_:format:configuration:testsMultiByteOffsets:fileID:filePath:line:column:)``
/// or ``RuleCorrection/init(_:_:format:configuration:minimumSafety:fileID:filePath:line:column:)`` record it, as do
/// the examples of custom rules read from `.newsletterlint.yml`; a failed verification points there. Examples
/// written as string literals have none, and neither has `RuleExample("...")` with the text alone, which Swift reads
/// as a literal (SE-0213): give another argument (`format: "beehiiv"`) to record the place.
public struct ExampleLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `Module/File.swift` for Swift source (what Swift Testing needs to place an issue), `nil` for other files.
    public var fileID: String?
    /// The file's path.
    public var filePath: String
    /// The line, from 1.
    public var line: Int
    /// The column, from 1.
    public var column: Int

    /// Creates a location.
    public init(fileID: String? = nil, filePath: String, line: Int, column: Int) {
        self.fileID = fileID
        self.filePath = filePath
        self.line = line
        self.column = column
    }

    /// `path:line:column`.
    public var description: String { "\(filePath):\(line):\(column)" }
}
