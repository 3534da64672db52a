/// A string that a format stored with escapes, decoded, with the way back from each part of the decoded text to the
/// source bytes that wrote it.
///
/// JSON written by Python's `json.dumps` stores `ü§å` as `"\u00fc\u00a7\u00e5"`: eighteen ASCII bytes in which no
/// rule reading the source sees a character. A format adapter lists such strings in ``Issue/escapedTexts``; a rule
/// that judges characters (mojibake) scans ``text`` and reports at ``sourceRange(ofDecoded:)``, which covers every
/// escape it touches whole, and writes a replacement with ``written(_:)``.
///
/// ```swift
/// // The JSON string "Caf\u00c3\u00a9" at offset 10 (its first content byte is 11):
/// escaped.text                                   // "CafÃ©"
/// escaped.sourceRange(ofDecoded: 3..<7)           // 14..<26, the two escapes
/// escaped.containsEscape(inDecoded: 0..<3)        // false: "Caf" is written as itself
/// ```
public struct EscapedText: Sendable, Hashable, Codable {
    /// How the source writes characters inside the string.
    public enum Quoting: String, Sendable, Hashable, Codable {
        /// A JSON string (RFC 8259): `"`, `\` and characters below U+0020 must be escaped.
        case json
    }

    /// One escape: the decoded UTF-8 offsets it gives and the source offsets that write it (`\u00fc`, or the two
    /// halves of a surrogate pair, `\ud83e\udd0c`, as one escape).
    public struct Escape: Sendable, Hashable, Codable {
        /// UTF-8 offsets in ``EscapedText/text``.
        public var decoded: Range<Int>
        /// UTF-8 offsets in the source.
        public var source: Range<Int>

        /// Creates an escape.
        public init(decoded: Range<Int>, source: Range<Int>) {
            self.decoded = decoded
            self.source = source
        }
    }

    /// The decoded text.
    public var text: String
    /// The source offset of the first byte of the string's content (after the opening quote).
    public var sourceStart: Int
    /// Every escape in the string, in order; bytes between escapes are written as themselves.
    public var escapes: [Escape]
    /// How the source writes characters, for ``written(_:)``.
    public var quoting: Quoting

    /// Creates an escaped text.
    public init(text: String, sourceStart: Int, escapes: [Escape], quoting: Quoting = .json) {
        self.text = text
        self.sourceStart = sourceStart
        self.escapes = escapes
        self.quoting = quoting
    }

    /// The source offsets that write the decoded UTF-8 offsets `range`; an escape partly inside `range` is covered
    /// whole, so that replacing the result never leaves half an escape.
    public func sourceRange(ofDecoded range: Range<Int>) -> Range<Int> {
        let start = sourceOffset(ofDecoded: range.lowerBound, roundingUp: false)
        let end = sourceOffset(ofDecoded: range.upperBound, roundingUp: true)
        return start..<max(start, end)
    }

    /// Whether any byte of the decoded `range` was written as an escape.
    public func containsEscape(inDecoded range: Range<Int>) -> Bool {
        escapes.contains { $0.decoded.overlaps(range) }
    }

    /// `replacement` as the source must write it inside the string: as itself (UTF-8), except for the characters
    /// the quoting requires escaped.
    public func written(_ replacement: String) -> String {
        switch quoting {
        case .json:
            var result = ""
            for scalar in replacement.unicodeScalars {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += "\\\\"
                case "\n": result += "\\n"
                case "\r": result += "\\r"
                case "\t": result += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result
        }
    }

    /// The source offset of a decoded offset; inside an escape, its start (or end when `roundingUp`).
    private func sourceOffset(ofDecoded offset: Int, roundingUp: Bool) -> Int {
        // The last escape starting at or before the offset decides: inside it, or the literal run after it.
        // An escape that starts exactly at an end offset is not part of the range that ends there.
        var index = escapes.partitioningIndex { $0.decoded.lowerBound > offset } - 1
        if roundingUp && index >= 0 && escapes[index].decoded.lowerBound == offset { index -= 1 }
        guard index >= 0 else { return sourceStart + offset }
        let escape = escapes[index]
        if offset < escape.decoded.upperBound {
            return roundingUp ? escape.source.upperBound : escape.source.lowerBound
        }
        return escape.source.upperBound + (offset - escape.decoded.upperBound)
    }
}
