/// Reads a heading token back through the two code pages that mangle newsletter emoji, so that
/// ``HeadingTitle`` can tell a mangled emoji (`ü§å`, `ðŸŽ‰`, `‚úÖ`) from a word without the repair engine.
///
/// The domain must not depend on a tuned heuristic engine (the `MojibakeRepair` module), and deciding
/// whether a heading's first token is decoration needs far less: a token is a mangled symbol run when
/// reading its characters back as Windows-1252 (C1 controls kept, so Latin-1 too) or Mac OS Roman bytes,
/// with the Apple logo restored before an emoji's second byte, gives UTF-8 for emoji and symbols. Words
/// never pass, since a correct word's bytes are not UTF-8 of symbols (`Ã©tÃ©` reads back as `été`).
/// The two tables are the bytes 0x80-0xFF of the pages, like the repair module's, kept here because a
/// heading needs only these two.
enum MangledSymbols {
    /// The text `token` stands for when it is UTF-8 read with one of the two pages, or `nil` when it is not.
    static func readBack(_ token: Substring) -> String? {
        for (table, restoresAppleLogo) in [(windows1252, false), (macOSRoman, true)] {
            if let bytes = bytes(of: token, through: table, restoringAppleLogo: restoresAppleLogo), let text = String(validating: bytes, as: UTF8.self) {
                return text
            }
        }
        return nil
    }

    /// The bytes `token` stands for in a page, with a stripped Apple logo (byte F0) restored wherever an
    /// emoji's second byte 9F stands where no sequence continues; `nil` if some character has no byte.
    private static func bytes(of token: Substring, through table: [UInt32: UInt8], restoringAppleLogo: Bool) -> [UInt8]? {
        var bytes: [UInt8] = []
        var expectedContinuations = 0
        for scalar in token.unicodeScalars {
            let value = scalar.value
            guard let byte = value < 0x80 ? UInt8(value) : table[value] else { return nil }
            if byte & 0xC0 == 0x80 {
                if expectedContinuations == 0 {
                    guard byte == 0x9F, restoringAppleLogo else { return nil }
                    bytes.append(0xF0)
                    expectedContinuations = 3
                }
                expectedContinuations -= 1
            } else {
                expectedContinuations = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0
            }
            bytes.append(byte)
        }
        return bytes
    }

    private static let windows1252 = table([
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ] + (0xA0...0xFF).map { $0 })

    private static let macOSRoman = table([
        0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1, 0x00E0, 0x00E2, 0x00E4, 0x00E3, 0x00E5, 0x00E7, 0x00E9, 0x00E8,
        0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3, 0x00F2, 0x00F4, 0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC,
        0x2020, 0x00B0, 0x00A2, 0x00A3, 0x00A7, 0x2022, 0x00B6, 0x00DF, 0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8,
        0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211, 0x220F, 0x03C0, 0x222B, 0x00AA, 0x00BA, 0x03A9, 0x00E6, 0x00F8,
        0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB, 0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153,
        0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0x00F7, 0x25CA, 0x00FF, 0x0178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,
        0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1, 0x00CB, 0x00C8, 0x00CD, 0x00CE, 0x00CF, 0x00CC, 0x00D3, 0x00D4,
        0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC, 0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7,
    ])

    /// The byte of each character of a page, from the characters of bytes 0x80-0xFF.
    private static func table(_ upperHalf: [UInt32]) -> [UInt32: UInt8] {
        Dictionary(uniqueKeysWithValues: upperHalf.enumerated().map { ($1, UInt8(0x80 + $0)) })
    }
}
