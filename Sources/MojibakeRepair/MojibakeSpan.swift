import NewsletterCore
/// One run of mangled text found by ``Mojibake/scan(_:codePages:)-(String,_)``: where it is, what it should
/// have been and why.
///
/// A span is ready to become a text edit: replace the bytes at ``utf8Range`` (or ``range``) with
/// ``replacement``.
///
/// ```swift
/// let span = Mojibake.scan("ü§å Ben’s Picks")[0]
/// span.original       // "ü§å"
/// span.replacement    // "🤌"
/// span.utf8Range      // 0..<7
/// span.explanation    // "UTF-8 read as Mac OS Roman (the Apple logo standing for byte F0 was lost)"
/// span.confidence     // .certain
/// ```
public struct MojibakeSpan: Sendable, Hashable {
    /// How sure the scanner is that ``replacement`` is what the author wrote.
    public enum Confidence: Int, Sendable, Hashable, Comparable, CustomStringConvertible {
        /// Several independent signs agree (long byte sequences, C1 controls, more than one layer); repaired.
        case certain = 2
        /// The decoding is plausible and nothing speaks against it; repaired.
        case likely = 1
        /// Bytes were lost and several characters fit (reported with ``MojibakeSpan/candidates``), or the
        /// text is as well what another code page makes of other characters; repaired only when asked.
        case guess = 0

        public static func < (lhs: Confidence, rhs: Confidence) -> Bool { lhs.rawValue < rhs.rawValue }

        public var description: String {
            switch self {
            case .certain: "certain"
            case .likely: "likely"
            case .guess: "guess"
            }
        }
    }

    /// What happened to the bytes besides being read with the wrong code page.
    public enum Damage: Sendable, Hashable {
        /// Every byte survived: the repair is exact.
        case none
        /// Mac OS Roman's Apple logo (byte F0, U+F8FF) was stripped; the lead byte is implied.
        case strippedAppleLogo
        /// A byte the code page leaves undefined was dropped by the decoder.
        case droppedByte
        /// A byte the code page leaves undefined became U+FFFD.
        case replacedByte
        /// Byte A0, which Windows-1252 reads as a no-break space, became a space or was lost (`Ã ` for `à`).
        case lostNoBreakSpace
        /// A character beyond U+FFFF was written as its two UTF-16 surrogates, each encoded as three bytes
        /// (CESU-8, Java's "modified UTF-8"): `í\u{A0}½í¸\u{8D}` for `😍`.
        case separatelyEncodedSurrogates
        /// Not UTF-8 at all: Windows-1252 text read as Latin-1, so that a C1 control stands for a character
        /// of Windows-1252's bytes 80-9F (`\u{84}` for `„`, `\u{85}` for `…`).
        case windows1252ReadAsLatin1
        /// Not UTF-8 at all: Mac OS Roman text read as Latin-1, so that a C1 control inside a word stands for a
        /// letter of Mac OS Roman's bytes 80-9F (`tur\u{92}stico` for `turístico`).
        case macOSRomanReadAsLatin1
    }

    /// The UTF-8 byte offsets of the mangled text in the scanned string.
    public var utf8Range: Range<Int>
    /// The same range as line and column, when the scan was given a ``SourceText``.
    public var range: SourceRange?
    /// The mangled text as it appears.
    public var original: String
    /// The text it stands for (for a guess, the first of ``candidates``).
    public var replacement: String
    /// The misreadings that produced the mangled text, in the order they happened: `[.macOSRoman]`, or
    /// `[.windows1252Sloppy, .windows1252Sloppy]` for text mangled twice.
    public var misreadings: [CodePage]
    /// Lost or stripped bytes, if any.
    public var damage: Damage
    /// How sure the scanner is; ``Confidence/guess`` spans are not applied by default.
    public var confidence: Confidence
    /// For lost bytes, every replacement that fits, most plausible first; empty when the repair is exact.
    public var candidates: [String]

    /// Creates a span; scanners make these, tests and rules may build their own.
    public init(
        utf8Range: Range<Int>,
        range: SourceRange? = nil,
        original: String,
        replacement: String,
        misreadings: [CodePage],
        damage: Damage = .none,
        confidence: Confidence,
        candidates: [String] = []
    ) {
        self.utf8Range = utf8Range
        self.range = range
        self.original = original
        self.replacement = replacement
        self.misreadings = misreadings
        self.damage = damage
        self.confidence = confidence
        self.candidates = candidates
    }

    /// A sentence for people: `UTF-8 read as Windows-1252, then as Mac OS Roman`.
    public var explanation: String {
        if damage == .windows1252ReadAsLatin1 { return "Windows-1252 read as Latin-1 (a C1 control stands for its punctuation)" }
        if damage == .macOSRomanReadAsLatin1 { return "Mac OS Roman read as Latin-1 (a C1 control stands for its letter)" }
        var text = "UTF-8 read as " + misreadings.map(\.name).joined(separator: ", then the result read as ")
        switch damage {
        case .none: break
        case .strippedAppleLogo: text += " (the Apple logo standing for byte F0 was lost)"
        case .droppedByte: text += " (a byte the code page leaves undefined was dropped)"
        case .replacedByte: text += " (a byte the code page leaves undefined became U+FFFD)"
        case .lostNoBreakSpace: text += " (byte A0, a no-break space, became a space)"
        case .separatelyEncodedSurrogates: text += " (its UTF-16 surrogates were encoded one by one, as CESU-8 does)"
        case .windows1252ReadAsLatin1, .macOSRomanReadAsLatin1: break
        }
        return text
    }
}
