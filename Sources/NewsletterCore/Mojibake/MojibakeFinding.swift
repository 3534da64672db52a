/// One possible reading of a run of a line, before the line's findings are resolved against each other.
struct MojibakeFinding {
    enum Kind {
        /// Complete sequences, decoded layer by layer.
        case decoded
        /// A sequence missing a byte; ``MojibakeFinding/candidates`` lists the characters that fit.
        case lostByte
        /// A two-byte lead whose continuation was dropped: kept only where the line confirms the code page.
        case lostAfterTwoByteLead
    }

    var kind: Kind
    /// Where the run between white space that holds the finding starts; findings of different runs never overlap.
    var runStart: Int
    var utf8Range: Range<Int>
    var replacement: [UInt32]
    /// Outermost misreading first, as the layers were peeled.
    var peeledPages: [Int]
    var damage: MojibakeSpan.Damage
    var evidence: Int
    /// The characters that fit a lost byte, most plausible first.
    var candidates: [UInt32]
    /// For lost bytes, decided when the candidates are known; decoded findings are graded on resolution.
    var confidence: MojibakeSpan.Confidence
    /// Whether every character of the replacement is plausible text.
    var plausibleResult: Bool

    var firstPage: Int { peeledPages[0] }
    var layers: Int { peeledPages.count }
}
