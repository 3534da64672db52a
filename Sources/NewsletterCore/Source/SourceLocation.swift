/// A position in a source file.
///
/// Every position carries three coordinates so that each consumer reads the one it needs without
/// recounting: a UTF-8 byte offset (for edits), and a 1-based line and column (for people).
/// The column counts Unicode scalars, which is what SARIF calls `unicodeCodePoints` and what
/// a reader counts on screen for most text; ``SourceText`` converts to UTF-8 and UTF-16 columns.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Byte offset from the start of the file, in UTF-8 code units.
    public var offset: Int
    /// 1-based line number. `\n`, `\r\n` and a lone `\r` each end a line, as in CommonMark.
    public var line: Int
    /// 1-based column, counted in Unicode scalars from the start of the line.
    public var column: Int

    /// Creates a location from its three coordinates; ``SourceText`` is the usual way to get one.
    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.offset < rhs.offset
    }

    /// `line:column`, the way compilers print positions.
    public var description: String { "\(line):\(column)" }
}
