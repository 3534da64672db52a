import JSONRPC
import NewsletterCore

/// Converts between a draft's ``NewsletterCore/SourceLocation``s and LSP positions (0-based line, 0-based
/// character in the negotiated encoding), through ``NewsletterCore/SourceText``, which does every unit conversion.
struct ProtocolPositions: Sendable {
    let source: SourceText
    let encoding: PositionEncoding

    func position(_ location: SourceLocation) -> JSONValue {
        ["line": .integer(location.line - 1), "character": .integer(source.column(of: location, in: encoding.unit) - 1)]
    }

    func range(_ range: SourceRange) -> JSONValue {
        ["start": position(range.start), "end": position(range.end)]
    }

    func range(utf8Offsets offsets: Range<Int>) -> JSONValue {
        range(source.range(utf8Offsets: offsets))
    }

    /// The UTF-8 offset of an LSP position, clamped into the text (see `SourceText.location(line:column:in:)`);
    /// `nil` when `value` is not a position.
    func offset(of value: JSONValue?) -> Int? {
        guard let line = value?["line"]?.integerValue, let character = value?["character"]?.integerValue else { return nil }
        guard line >= 0 else { return 0 }
        return source.location(line: line + 1, column: max(character, 0) + 1, in: encoding.unit).offset
    }

    /// The UTF-8 offsets of an LSP range, its ends put in order; `nil` when `value` is not a range.
    func offsets(of value: JSONValue?) -> Range<Int>? {
        guard let start = offset(of: value?["start"]), let end = offset(of: value?["end"]) else { return nil }
        return min(start, end)..<max(start, end)
    }
}
