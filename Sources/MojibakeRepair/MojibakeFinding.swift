/// One possible reading of a run of a line, before the line's findings are resolved against each other.
struct MojibakeFinding {
    enum Kind {
        /// Complete sequences, decoded layer by layer; kept only when every character of the result is
        /// plausible text.
        case decoded
        /// A sequence missing a byte; ``MojibakeFinding/candidates`` lists the characters that fit.
        case lostByte
        /// A two-byte lead whose continuation was dropped: kept only where the line confirms the code page.
        case lostAfterTwoByteLead
    }

    var kind: Kind
    var utf8Range: Range<Int>
    /// Where the replacement's scalars are in the line's shared buffer.
    var replacement: Range<Int>
    /// The page of each layer, outermost first as the layers were peeled, four bits each.
    var peeledPages: UInt32
    var layers: Int
    var damage: MojibakeSpan.Damage
    var evidence: Int
    /// Where the characters that fit a lost byte are in the line's shared buffer, most plausible first;
    /// empty for decoded findings.
    var candidates: Range<Int>
    /// For lost bytes, decided when the candidates are known; decoded findings are graded on resolution.
    var confidence: MojibakeSpan.Confidence
    /// The pages that read the finding's characters as the same bytes as its own page (its own page included;
    /// only its own page past the first layer): the finding supports each of them, so that `VisÅ³` (Windows-1252
    /// or Windows-1257 alike) supports Lithuanian `ÄÆdomu`, which only Windows-1257 reads. Set on the findings of
    /// decoded sequences, from the packed bytes at hand, since only they are weighed so; 0 on the others.
    var alikePages: UInt32 = 0

    var firstPage: Int { Int(peeledPages & 0xF) }

    /// The page indices in the order the misreadings happened (innermost layer first).
    var pagesInHistoryOrder: [Int] {
        (0..<layers).reversed().map { Int(peeledPages >> UInt32(4 * $0) & 0xF) }
    }
}
