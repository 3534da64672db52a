/// A position in a source file.
///
/// Every position carries three coordinates so that each consumer reads the one it needs without
/// recounting: a UTF-8 byte offset (for edits), and a 1-based line and column (for people).
/// The column counts Unicode scalars, which is what SARIF calls `unicodeCodePoints` and what
/// a reader counts on screen for most text; ``SourceText`` converts to UTF-8 and UTF-16 columns.
///
/// Each coordinate is between 0 and ``largestCoordinate`` (a text of up to 4 GiB, see ``SourceText/largestSize``):
/// they are kept in 32 bits, which makes a location 12 bytes rather than 24. A draft dense with links holds a few
/// locations per link, so this halves a large part of its model.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The largest offset, line or column a location holds.
    public static let largestCoordinate = Int(UInt32.max)

    private var storedOffset: UInt32
    private var storedLine: UInt32
    private var storedColumn: UInt32

    /// Byte offset from the start of the file, in UTF-8 code units.
    public var offset: Int {
        get { Int(storedOffset) }
        set { storedOffset = Self.coordinate(newValue, "offset") }
    }

    /// 1-based line number. `\n`, `\r\n` and a lone `\r` each end a line, as in CommonMark.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Self.coordinate(newValue, "line") }
    }

    /// 1-based column, counted in Unicode scalars from the start of the line.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Self.coordinate(newValue, "column") }
    }

    /// Creates a location from its three coordinates; ``SourceText`` is the usual way to get one.
    ///
    /// - Precondition: Each coordinate is between 0 and ``largestCoordinate``.
    public init(offset: Int, line: Int, column: Int) {
        storedOffset = Self.coordinate(offset, "offset")
        storedLine = Self.coordinate(line, "line")
        storedColumn = Self.coordinate(column, "column")
    }

    private static func coordinate(_ value: Int, _ name: StaticString) -> UInt32 {
        guard let coordinate = UInt32(exactly: value) else {
            preconditionFailure("a source location's \(name) must be between 0 and \(largestCoordinate), not \(value)")
        }
        return coordinate
    }

    private enum CodingKeys: String, CodingKey {
        case offset, line, column
    }

    /// Decodes the three coordinates; a coordinate out of range is a decoding error, not a crash.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func coordinate(_ key: CodingKeys) throws -> UInt32 {
            let value = try container.decode(Int.self, forKey: key)
            guard let coordinate = UInt32(exactly: value) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container, debugDescription: "\(value) is not between 0 and \(Self.largestCoordinate)"
                )
            }
            return coordinate
        }
        storedOffset = try coordinate(.offset)
        storedLine = try coordinate(.line)
        storedColumn = try coordinate(.column)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(offset, forKey: .offset)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.storedOffset < rhs.storedOffset
    }

    /// `line:column`, the way compilers print positions.
    public var description: String { "\(line):\(column)" }
}
