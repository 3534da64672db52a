/// The unit a column is counted in: what an editor or a report format means by "character".
///
/// Language Server Protocol clients negotiate one of these (`utf-8`, `utf-16`, `utf-32`); ``SourceText`` converts
/// between them and ``SourceLocation``'s scalar columns with ``SourceText/column(of:in:)`` and
/// ``SourceText/location(line:column:in:)``.
public enum ColumnUnit: String, Sendable, Hashable, CaseIterable {
    /// UTF-8 code units (bytes): cmark-gfm's unit and LSP's `utf-8`.
    case utf8
    /// UTF-16 code units: LSP's default, and what JavaScript and most editors count.
    case utf16
    /// Unicode scalars: ``SourceLocation/column``'s unit, SARIF's `unicodeCodePoints` and LSP's `utf-32`.
    case unicodeScalars
}
