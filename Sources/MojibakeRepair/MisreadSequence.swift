/// A few characters that are, through one code page, the UTF-8 bytes of a single character
/// (`Ã©` through Windows-1252 is C3 A9, which is `é`).
struct MisreadSequence: Equatable {
    /// Index of the first character in the run being analysed.
    var start: Int
    /// Index just past the last character.
    var end: Int
    /// The character the bytes encode.
    var value: UInt32
    /// Length of the UTF-8 sequence, 2 to 4 (4 also when the lead byte was stripped; 6 for a surrogate
    /// pair encoded as two three-byte sequences, CESU-8's way).
    var byteCount: Int
    /// Whether the Apple logo standing for lead byte F0 had been stripped (`ü§å` for `🤌`).
    var strippedLead: Bool

    /// Number of bytes a UTF-8 sequence starting with `lead` has, or 0 if `lead` cannot start one.
    static func length(ofSequenceStartingWith lead: Int) -> Int {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }

    @inline(__always)
    static func isContinuation(_ byte: Int) -> Bool { byte & 0xC0 == 0x80 && byte >= 0 }

    /// Decodes a lead byte followed by exactly the continuation bytes its length needs, rejecting overlong
    /// forms, surrogates and values past U+10FFFF.
    @inline(__always)
    static func decode<Continuation: Collection<Int>>(lead: Int, continuation: Continuation) -> UInt32? {
        let count = length(ofSequenceStartingWith: lead)
        guard count > 0, continuation.count == count - 1, let second = continuation.first else { return nil }
        switch lead {
        case 0xE0: guard second >= 0xA0 else { return nil }
        case 0xED: guard second <= 0x9F else { return nil }
        case 0xF0: guard second >= 0x90 else { return nil }
        case 0xF4: guard second <= 0x8F else { return nil }
        default: break
        }
        var value = UInt32(lead) & (count == 2 ? 0x1F : count == 3 ? 0x0F : 0x07)
        for byte in continuation {
            guard isContinuation(byte) else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return value
    }

    /// Finds, left to right, the sequences in `codes` (each character's byte in one code page, -1 for none),
    /// into `found`, which is emptied first so that it can be reused.
    ///
    /// - Parameter stripsAppleLogo: whether the code page has the Apple logo at F0, so that a run starting
    ///   with byte 9F may be an emoji whose lead character was stripped.
    static func find(in codes: UnsafeBufferPointer<Int>, stripsAppleLogo: Bool, into found: inout ScratchBuffer<MisreadSequence>) {
        found.removeAll()
        // Fetched once: each fetch of the lazily made table checks that it is made.
        let table = ScalarTraits.Entry.table
        var index = 0
        let end = codes.count
        while index < end {
            // Most characters neither lead a sequence nor come before a continuation byte: skip them here.
            let lead = codes[index]
            guard index + 1 < end, isContinuation(codes[index + 1]), lead >= 0xC2 && lead <= 0xF4 || stripsAppleLogo && lead == 0x9F else {
                index += 1
                continue
            }
            if let sequence = sequence(at: index, in: codes, stripsAppleLogo: stripsAppleLogo, table: table) {
                found.append(sequence)
                index = sequence.end
            } else {
                index += 1
            }
        }
    }

    @inline(__always)
    private static func sequence(
        at index: Int, in codes: UnsafeBufferPointer<Int>, stripsAppleLogo: Bool, table: ScalarTraits.Table
    ) -> MisreadSequence? {
        let lead = codes[index]
        let count = length(ofSequenceStartingWith: lead)
        if count > 0, index + count <= codes.count,
           let value = decode(lead: lead, continuation: codes[index + 1..<index + count]),
           ScalarTraits.isAssignedText(value, in: table) || ScalarTraits.isC1Control(value) {
            // C1 controls are kept: an inner layer of sloppy Windows-1252 mojibake holds them.
            return MisreadSequence(start: index, end: index + count, value: value, byteCount: count, strippedLead: false)
        }
        if lead == 0xED, let value = surrogatePair(at: index, in: codes) {
            return MisreadSequence(start: index, end: index + 6, value: value, byteCount: 6, strippedLead: false)
        }
        guard stripsAppleLogo, lead == 0x9F, index + 3 <= codes.count,
              let value = decode(lead: 0xF0, continuation: codes[index..<index + 3]),
              ScalarTraits.isEmojiPart(value, in: table)
        else { return nil }
        return MisreadSequence(start: index, end: index + 3, value: value, byteCount: 4, strippedLead: true)
    }

    /// The character of a high and a low surrogate each encoded as three bytes (ED A0-AF xx, ED B0-BF xx)
    /// starting at `index`: CESU-8 and Java's "modified UTF-8" write characters beyond U+FFFF that way, and
    /// they are never valid UTF-8, so the six bytes stand for nothing else.
    private static func surrogatePair(at index: Int, in codes: UnsafeBufferPointer<Int>) -> UInt32? {
        guard index + 6 <= codes.count, (0xA0...0xAF).contains(codes[index + 1]), isContinuation(codes[index + 2]),
              codes[index + 3] == 0xED, (0xB0...0xBF).contains(codes[index + 4]), isContinuation(codes[index + 5])
        else { return nil }
        let high = UInt32(codes[index + 1] & 0x0F) << 6 | UInt32(codes[index + 2] & 0x3F)
        let low = UInt32(codes[index + 4] & 0x0F) << 6 | UInt32(codes[index + 5] & 0x3F)
        let value = 0x10000 + (high << 10 | low)
        return ScalarTraits.isAssignedText(value) ? value : nil
    }
}
