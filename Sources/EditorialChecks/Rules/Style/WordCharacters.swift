/// Whether the character next to a byte position in UTF-8 text is part of a word (a letter or a digit, any script).
enum WordCharacters {
    /// Whether the character ending just before `offset` is a letter or digit.
    static func isWordCharacter<Bytes: RandomAccessCollection<UInt8>>(before offset: Int, in bytes: Bytes) -> Bool where Bytes.Index == Int {
        guard offset > bytes.startIndex else { return false }
        var start = offset - 1
        while start > bytes.startIndex && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return isWordCharacter(at: start, in: bytes)
    }

    /// Whether the character starting at `offset` is a letter or digit.
    static func isWordCharacter<Bytes: RandomAccessCollection<UInt8>>(at offset: Int, in bytes: Bytes) -> Bool where Bytes.Index == Int {
        guard offset >= bytes.startIndex && offset < bytes.endIndex else { return false }
        // ASCII, the usual case, without decoding: its letters and digits are exactly its alphabetic and numeric scalars.
        let first = bytes[offset]
        if first < 0x80 { return (first >= 0x30 && first <= 0x39) || (first | 0x20 >= 0x61 && first | 0x20 <= 0x7A) }
        var end = offset + 1
        while end < bytes.endIndex && bytes[end] & 0xC0 == 0x80 { end += 1 }
        guard let scalar = String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars.first else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
