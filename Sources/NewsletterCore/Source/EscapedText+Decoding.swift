extension EscapedText {
    /// Reads the string that `range` of `source` writes (the content between a JSON string's quotes), decoded, with
    /// every escape in it (`\n` and `\"` as well as `\u00fc`), so that a position found in the decoded text maps back
    /// to the file with ``sourceRange(ofDecoded:)``; `nil` when the range is outside the text or is not the content
    /// of a string in that quoting (a bad escape, a lone surrogate, a raw quote or control character).
    ///
    /// This is how a rule reads the prose ranges of a draft whose text kind is
    /// ``TextKind/markdownInStrings`` (``DecodedDraft/proseRanges``): decoded, as the writer typed it.
    ///
    /// ```swift
    /// // The file holds {"body": "Say \"hi\"\nto ü"}; the body's content is at offsets 10..<27.
    /// let body = EscapedText(decoding: 10..<27, in: source)!
    /// body.text                                // "Say \"hi\"\nto ü", decoded
    /// body.sourceRange(ofDecoded: 9..<11)      // 22..<24: "to" in the file
    /// ```
    public init?(decoding range: Range<Int>, in source: SourceText, quoting: Quoting = .json) {
        guard range.lowerBound >= 0, range.upperBound <= source.utf8Count else { return nil }
        let utf8 = source.text.utf8
        let read = { (bytes: UnsafeBufferPointer<UInt8>) in Self.decodeJSON(UnsafeBufferPointer(rebasing: bytes[range]), startingAt: range.lowerBound) }
        // A SourceText's string is native, so its storage is contiguous; the copy is a fallback only.
        guard let decoded = utf8.withContiguousStorageIfAvailable(read) ?? Array(utf8).withUnsafeBufferPointer(read) else { return nil }
        self.init(text: String(decoding: decoded.bytes, as: UTF8.self), sourceStart: range.lowerBound, escapes: decoded.escapes, quoting: quoting)
    }

    /// Decodes a JSON string's content; `offset` is the file offset of its first byte.
    private static func decodeJSON(_ bytes: UnsafeBufferPointer<UInt8>, startingAt offset: Int) -> (bytes: [UInt8], escapes: [Escape])? {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var escapes: [Escape] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                guard byte >= 0x20, byte != UInt8(ascii: "\"") else { return nil }
                decoded.append(byte)
                index += 1
                continue
            }
            let start = index
            let decodedStart = decoded.count
            guard index + 1 < bytes.count else { return nil }
            switch bytes[index + 1] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(bytes[index + 1])
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"):
                guard let unit = hexUnit(bytes, at: index + 2) else { return nil }
                var value = unit
                if (0xD800..<0xDC00).contains(unit) {
                    // A high surrogate must be followed by an escaped low one; the pair is one escape.
                    guard index + 7 < bytes.count, bytes[index + 6] == UInt8(ascii: "\\"), bytes[index + 7] == UInt8(ascii: "u"),
                          let low = hexUnit(bytes, at: index + 8), (0xDC00..<0xE000).contains(low)
                    else { return nil }
                    value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                } else if (0xDC00..<0xE000).contains(unit) {
                    return nil
                }
                guard let scalar = Unicode.Scalar(value) else { return nil }
                decoded.append(contentsOf: String(Character(scalar)).utf8)
                index += 4
            default: return nil
            }
            index += 2
            escapes.append(Escape(decoded: decodedStart..<decoded.count, source: offset + start..<offset + index))
        }
        return (decoded, escapes)
    }

    /// The four hexadecimal digits at `index` as a number, `nil` when they are not there.
    private static func hexUnit(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
