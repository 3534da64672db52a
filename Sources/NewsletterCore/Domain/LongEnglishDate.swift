/// The long English date form of ``PublicationDate`` (`January 03, 2023`, `Jan. 3 2023`), read byte by byte rather
/// than by a regular expression for every date (a regular expression literal is parsed again each time it is
/// evaluated, which cost more than the rest of decoding a draft's header). The form is ASCII only.
enum LongEnglishDate {
    /// `Name.? +d{1,2},? +dddd` exactly: a month name of ASCII letters, an optional dot, spaces, a one- or two-digit
    /// day, an optional comma, spaces and a four-digit year. `nil` for anything else.
    static func fields(of text: String) -> (monthName: Substring, day: Int, year: Int)? {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count && isLetter(bytes[index]) { index += 1 }
        let nameEnd = index
        guard nameEnd > 0 else { return nil }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") { index += 1 }
        guard skipSpaces(bytes, &index) else { return nil }
        let dayStart = index
        while index < bytes.count && index - dayStart < 2 && isDigit(bytes[index]) { index += 1 }
        guard index > dayStart, let day = number(bytes[dayStart..<index]) else { return nil }
        if index < bytes.count && bytes[index] == UInt8(ascii: ",") { index += 1 }
        guard skipSpaces(bytes, &index), bytes.count - index == 4, let year = number(bytes[index...]) else { return nil }
        let utf8 = text.utf8
        return (text[utf8.startIndex..<utf8.index(utf8.startIndex, offsetBy: nameEnd)], day, year)
    }

    /// Skips one or more spaces; `false` when there is none.
    private static func skipSpaces(_ bytes: [UInt8], _ index: inout Int) -> Bool {
        let start = index
        while index < bytes.count && bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index > start
    }

    /// The decimal value of ASCII digits, `nil` when a byte is not one.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }
}
