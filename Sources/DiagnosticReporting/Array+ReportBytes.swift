/// What the reporters write their output with: UTF-8 bytes appended in place, with no `String` made per piece.
extension Array where Element == UInt8 {
    mutating func append(literal: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// `value` in decimal digits.
    mutating func append(decimal value: Int) {
        guard value >= 0 else { return append(contentsOf: String(value).utf8) }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// `text` as a JSON string, escaped as JSONEncoder escapes it (see ``append(jsonString:)-(UnsafeBufferPointer<UInt8>)``).
    mutating func append(jsonString text: String) {
        var text = text
        text.withUTF8 { append(jsonString: $0) }
    }

    /// UTF-8 `text` as a JSON string, escaped as JSONEncoder escapes it: the quotation mark and the backslash, the
    /// controls that have a short escape (`\b`, `\f`, `\n`, `\r`, `\t`), the other controls as `\u00xx` in small
    /// hexadecimal digits, and nothing else.
    mutating func append(jsonString text: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        var plainStart = 0
        for (index, byte) in text.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            append(contentsOf: UnsafeBufferPointer(rebasing: text[plainStart..<index]))
            plainStart = index + 1
            switch byte {
            case UInt8(ascii: "\""): append(literal: "\\\"")
            case UInt8(ascii: "\\"): append(literal: "\\\\")
            case 0x08: append(literal: "\\b")
            case 0x0C: append(literal: "\\f")
            case 0x0A: append(literal: "\\n")
            case 0x0D: append(literal: "\\r")
            case 0x09: append(literal: "\\t")
            default:
                append(literal: "\\u00")
                append(UInt8(ascii: "0") + (byte >> 4))
                append(byte & 0xF < 10 ? UInt8(ascii: "0") + byte & 0xF : UInt8(ascii: "a") + (byte & 0xF - 10))
            }
        }
        append(contentsOf: UnsafeBufferPointer(rebasing: text[plainStart...]))
        append(UInt8(ascii: "\""))
    }
}
