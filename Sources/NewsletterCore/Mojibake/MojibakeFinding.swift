/// One possible reading of a run of a line, before the line's findings are resolved against each other.
struct MojibakeFinding {
    enum Kind {
        /// Complete sequences, decoded layer by layer.
        case decoded
        /// A sequence missing a byte; ``MojibakeFinding/candidates`` lists the characters that fit.
        case lostByte
    }

    var kind: Kind
    var utf8Range: Range<Int>
    var replacement: String
    /// Outermost misreading first, as the layers were peeled.
    var peeledPages: [Int]
    var damage: MojibakeSpan.Damage
    var evidence: Int
    /// The characters that fit a lost byte, most plausible first.
    var candidates: [String]
    /// For lost bytes, decided when the candidates are known; decoded findings are graded on resolution.
    var confidence: MojibakeSpan.Confidence
    /// Whether every character of the replacement is plausible text.
    var plausibleResult: Bool

    var firstPage: Int { peeledPages[0] }
    var layers: Int { peeledPages.count }

    func overlaps(_ other: MojibakeFinding) -> Bool {
        utf8Range.lowerBound < other.utf8Range.upperBound && other.utf8Range.lowerBound < utf8Range.upperBound
    }
}
