import MojibakeRepair

/// Generates newsletter-like text, the same on every run: headings with emoji, paragraphs of English with
/// curly quotes, dashes, accented names, prices, a little Greek, Cyrillic and CJK.
public enum NewsletterTextGenerator {
    private static let plainWords = [
        "the", "a", "newsletter", "this", "week", "we", "read", "about", "tools", "and", "ideas", "for", "small",
        "teams", "shipping", "software", "with", "care", "our", "readers", "sent", "notes", "on", "writing", "links",
        "that", "matter", "more", "than", "ever", "is", "to", "of", "in", "it", "you", "new", "issue", "today",
    ]
    private static let richWords = [
        "Ben’s", "“picks”", "—", "café", "naïve", "Zürich", "São Paulo", "Ångström", "Dvořák", "€5", "£10", "…",
        "🤌", "👋", "🎉", "✅", "❤️", "👍🏽", "👩‍💻", "🇫🇷", "1️⃣", "北京", "Привет", "Ελλάδα", "it’s", "don’t",
    ]

    /// About `byteCount` bytes of correct text in lines ending with `\n`.
    public static func clean(byteCount: Int) -> String {
        lines(byteCount: byteCount) { word, _ in word }.text
    }

    /// About `byteCount` bytes of the same kind of text in which words are mangled (through Windows-1252,
    /// Mac OS Roman with and without its Apple logo, or twice) until `mangledShare` of the characters are mojibake.
    public static func mangled(byteCount: Int, mangledShare: Double = 0.05) -> (text: String, mangledShare: Double) {
        let misreadings: [[CodePage]] = [
            [.windows1252Sloppy], [.macOSRoman], [.macOSRoman], [.windows1252Sloppy, .windows1252Sloppy],
        ]
        var mangledCharacters = 0
        var characters = 0
        var turn = 0
        let result = lines(byteCount: byteCount) { word, charactersSoFar in
            characters = charactersSoFar
            guard word.utf8.count != word.unicodeScalars.count,
                  Double(mangledCharacters) < mangledShare * Double(charactersSoFar)
            else { return word }
            turn += 1
            var mangled = misreadings[turn % misreadings.count].reduce(word) { text, page in
                page.misread(Array(text.utf8))
            }
            if turn % 8 == 2 { mangled = mangled.replacingOccurrences(of: "\u{F8FF}", with: "") }
            mangledCharacters += mangled.unicodeScalars.count
            return mangled
        }
        return (result.text, Double(mangledCharacters) / Double(max(result.characters, characters, 1)))
    }

    /// About `byteCount` bytes on one line, without a line feed: mangled tokens of every kind the mangled text
    /// holds, repeated (`ü§å Today‚Äôs caf√© ‚≠êÔ∏è`), the shape that once took time growing with the square of
    /// the line's length.
    public static func singleMangledLine(byteCount: Int) -> String {
        func macOSRoman(_ text: String) -> String { CodePage.macOSRoman.misread(Array(text.utf8)) }
        func windows1252(_ text: String) -> String { CodePage.windows1252Sloppy.misread(Array(text.utf8)) }
        let unit = String(macOSRoman("🤌").dropFirst()) + " Today" + macOSRoman("’") + "s caf" + macOSRoman("é") + " "
            + macOSRoman("⭐️") + " and " + windows1252("“quotes”") + " " + windows1252(windows1252("é")) + " "
        return String(repeating: unit, count: max(byteCount / unit.utf8.count, 1))
    }

    private static func lines(byteCount: Int, transform: (String, Int) -> String) -> (text: String, characters: Int) {
        var generator = SplitMix64(seed: 0x4E45_5753)
        var text = ""
        text.reserveCapacity(byteCount + 1024)
        var characters = 0
        var lineNumber = 0
        func append(_ piece: String) {
            text += piece
            characters += piece.unicodeScalars.count
        }
        while text.utf8.count < byteCount {
            lineNumber += 1
            if lineNumber % 12 == 1 {
                let emoji = richWords[12 + Int(generator.next() % 10)]
                append("## " + transform(emoji, characters) + " Issue \(lineNumber / 12 + 1): picks\n\n")
                continue
            }
            let wordCount = 40 + Int(generator.next() % 40)
            for index in 0..<wordCount {
                let roll = generator.next() % 100
                let word = roll < 12
                    ? richWords[Int(generator.next() % UInt64(richWords.count))]
                    : plainWords[Int(generator.next() % UInt64(plainWords.count))]
                append((index == 0 ? "" : " ") + transform(word, characters))
            }
            append(".\n\n")
        }
        return (text, characters)
    }
}

/// A small deterministic random number generator.
private struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
