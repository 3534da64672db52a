import EditorialChecks
import NewsletterCore

/// Draft text made safe to print on a terminal.
///
/// A draft is untrusted input: an escape character (`\u{1B}[31m`), a carriage return or a bidirectional override
/// printed raw would let it recolour, overwrite or reorder what the user sees. Every such character is written as a
/// visible Swift-style escape instead: C0 controls (tab excepted, which only moves the cursor forward and is kept so
/// that carets line up), DEL, C1 controls, and the bidirectional embeddings, overrides and isolates.
public enum VisibleText {
    /// The escape for `scalar`, or `nil` when it prints as itself.
    package static func escape(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool = false) -> String? {
        switch scalar.value {
        case 0x09: return nil
        case 0x0A where keepingLineBreaks, 0x0D where keepingLineBreaks: return nil
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
            return "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        default: return nil
        }
    }

    /// `text` with every control character and bidirectional control (tab excepted, and line feeds and carriage
    /// returns when `keepingLineBreaks`) written as its escape: `"a\u{1B}[31m"` becomes `a\u{1B}[31m` in print.
    public static func escaping<S: StringProtocol>(_ text: S, keepingLineBreaks: Bool = false) -> String {
        // Most text has nothing to escape; it is returned without rebuilding it.
        guard needsEscaping(text, keepingLineBreaks: keepingLineBreaks) else { return String(text) }
        var result = ""
        for scalar in text.unicodeScalars {
            if let escaped = escape(scalar, keepingLineBreaks: keepingLineBreaks) {
                result += escaped
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Appends draft text's UTF-8 bytes to `out`, escaped when they hold a character that must be (the reports' path,
    /// which then makes no string of them).
    package static func append(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard needsEscaping(text) else { return out.append(contentsOf: text) }
        out.append(contentsOf: escaping(String(decoding: text, as: UTF8.self)).utf8)
    }

    /// ``append(_:to:)-(UnsafeBufferPointer<UInt8>,_)`` for a slice of draft text.
    package static func append(_ text: Substring, to out: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0, to: &out) }) == nil {
            out.append(contentsOf: escaping(text).utf8)
        }
    }

    /// Whether ``escaping(_:keepingLineBreaks:)`` would change `text`, decided on its UTF-8 bytes without forming
    /// characters: a C0 control or DEL is one byte, a C1 control is `C2 80`-`C2 9F`, the bidirectional controls are
    /// `E2 80 AA`-`E2 80 AE` and `E2 81 A6`-`E2 81 A9`. Curly quotes, dashes and most emoji share those leads
    /// (`E2 80 99` is `’`), so the lead alone would send nearly every draft line to the slow path.
    package static func needsEscaping<S: StringProtocol>(_ text: S, keepingLineBreaks: Bool = false) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { needsEscaping($0, keepingLineBreaks: keepingLineBreaks) }
            ?? Array(text.utf8).withUnsafeBufferPointer { needsEscaping($0, keepingLineBreaks: keepingLineBreaks) }
    }

    package static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>, keepingLineBreaks: Bool = false) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x20..<0x7F, 0x80..<0xC2, 0xC3..<0xE2, 0xE3...:
                continue
            case 0x09:
                continue
            case 0x0A, 0x0D:
                if !keepingLineBreaks { return true }
            case 0x00..<0x20, 0x7F:
                return true
            case 0xC2:
                if index < bytes.count && bytes[index] < 0xA0 { return true }
            default:
                // E2: the bidirectional controls are the only escaped characters of three bytes.
                guard index + 1 < bytes.count else { continue }
                let second = bytes[index], third = bytes[index + 1]
                if second == 0x80 && (0xAA...0xAE).contains(third) || second == 0x81 && (0xA6...0xA9).contains(third) { return true }
            }
        }
        return false
    }

    /// A configuration warning, rendered as an error is, with `warning:`.
    public static func describe(_ warning: ConfigurationWarning) -> String {
        describe(warning.error, as: "warning")
    }

    /// An input error as the compiler-style text `NewsletterError` writes, with the path, message and source line
    /// escaped and the caret placed under the escaped line; `severity` is the word before the message.
    public static func describe(_ error: NewsletterError, as severity: String = "error") -> String {
        var prefix = ""
        if let path = error.path { prefix += "\(escaping(path)):" }
        if let location = error.location { prefix += "\(location.line):\(location.column):" }
        var rendered = prefix.isEmpty ? "\(severity): \(escaping(error.message))" : "\(prefix) \(severity): \(escaping(error.message))"
        if let sourceLine = error.sourceLine, let location = error.location {
            // A long line (a table row of thousands of cells) is shown as a window around the column, as problems are.
            if sourceLine.utf8.count > 8 * LineExcerpt.defaultWidth || DisplayWidth.of(escaping(sourceLine)) > LineExcerpt.defaultWidth {
                let scalars = sourceLine.unicodeScalars
                let column = scalars.index(scalars.startIndex, offsetBy: max(location.column - 1, 0), limitedBy: scalars.endIndex) ?? scalars.endIndex
                let excerpt = LineExcerpt(line: Substring(sourceLine), range: column..<column)
                return rendered + "\n\(excerpt.text)\n\(excerpt.indent)^"
            }
            let before = escaping(String(String.UnicodeScalarView(sourceLine.unicodeScalars.prefix(max(location.column - 1, 0)))))
            let caretIndent = before.unicodeScalars.map { $0 == "\t" ? "\t" : " " }.joined()
            rendered += "\n\(escaping(sourceLine))\n\(caretIndent)^"
        }
        return rendered
    }
}
