/// Finds mojibake in UTF-8 bytes in two speeds.
///
/// The fast pass skips ASCII eight bytes at a time and, for other characters, looks up in one table
/// whether the character can start a misread UTF-8 sequence in some code page and the next one can
/// continue it. Only the lines holding such a pair go to the close look: each whitespace-separated run
/// there is decoded through every code page (``MisreadSequence``), scored (``MojibakeEvidence``) and
/// peeled layer by layer; the line's findings are then resolved together, since a confident finding
/// lends support to weaker ones of the same code page on the same line.
struct MojibakeScanner: Sendable {
    let pages: [CodePage]
    /// Per page: whether byte F0 is the Apple logo, so that a stripped logo can be implied.
    let stripsAppleLogo: [Bool]
    /// Per scalar below `denseLimit`: bit 0 set if it can start a sequence, bit 1 if it can continue one.
    private let roles: [UInt8]
    private let sparseRoles: [UInt32: UInt8]
    private static let denseLimit: UInt32 = 0x2600
    private static let startRole: UInt8 = 1
    private static let continueRole: UInt8 = 2

    init(pages: [CodePage]) {
        self.pages = pages
        self.stripsAppleLogo = pages.map { $0.character(forByte: 0xF0)?.value == ScalarTraits.appleLogo }
        var roles = [UInt8](repeating: 0, count: Int(Self.denseLimit))
        var sparse: [UInt32: UInt8] = [:]
        func mark(_ value: UInt32, _ role: UInt8) {
            if value < Self.denseLimit { roles[Int(value)] |= role } else { sparse[value, default: 0] |= role }
        }
        for page in pages {
            let stripsAppleLogo = page.character(forByte: 0xF0)?.value == ScalarTraits.appleLogo
            for byte in UInt8(0x80)...0xFF {
                guard let value = page.character(forByte: byte)?.value else { continue }
                if MisreadSequence.length(ofSequenceStartingWith: Int(byte)) > 0 || stripsAppleLogo && byte == 0x9F {
                    mark(value, Self.startRole)
                }
                if MisreadSequence.isContinuation(Int(byte)) { mark(value, Self.continueRole) }
            }
            if !page.bytesLostByStrictDecoders.isEmpty { mark(ScalarTraits.replacementCharacter, Self.continueRole) }
        }
        self.roles = roles
        self.sparseRoles = sparse
    }

    private func role(of value: UInt32) -> UInt8 {
        value < Self.denseLimit ? roles[Int(value)] : sparseRoles[value] ?? 0
    }

    /// Every span in `bytes` (valid UTF-8), in order; spans never overlap.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [MojibakeSpan] {
        var spans: [MojibakeSpan] = []
        let count = bytes.count
        var index = 0
        var lineFloor = 0
        while index < count {
            // Fast path: whole words of ASCII.
            while index + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            guard index < count else { break }
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let (value, length) = Self.decodeScalar(bytes, at: index)
            let next = index + length
            if role(of: value) & Self.startRole != 0, next < count, bytes[next] >= 0x80,
               role(of: Self.decodeScalar(bytes, at: next).value) & Self.continueRole != 0 {
                var lineStart = index
                while lineStart > lineFloor && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
                var lineEnd = next
                while lineEnd < count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                var line = MojibakeLine(bytes: bytes, range: lineStart..<lineEnd, scanner: self)
                spans += line.resolve()
                index = lineEnd
                lineFloor = lineEnd
            } else {
                index = next
            }
        }
        return spans
    }

    /// Whether the run of characters at `range` holds a character that can start a sequence followed by one
    /// that can continue it (or, when `anyLead` is set, any character that can start one).
    func mayHoldSequence(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Bool {
        var index = range.lowerBound
        var previousStarts = false
        while index < range.upperBound {
            guard bytes[index] >= 0x80 else {
                previousStarts = false
                index += 1
                continue
            }
            let (value, length) = Self.decodeScalar(bytes, at: index)
            let role = role(of: value)
            if previousStarts && role & Self.continueRole != 0 { return true }
            previousStarts = role & Self.startRole != 0
            index += length
        }
        return false
    }

    /// Decodes `scalars` through the first code page in which every non-ASCII character belongs to a
    /// sequence: the next layer of text mangled more than once. `nil` if no page decodes all of it.
    func peelCompletely(_ scalars: [UInt32]) -> (pageIndex: Int, scalars: [UInt32], stripped: Bool)? {
        guard scalars.contains(where: { $0 >= 0x80 }) else { return nil }
        pages: for (pageIndex, page) in pages.enumerated() {
            let codes = scalars.map { Unicode.Scalar($0).flatMap(page.byte(for:)).map(Int.init) ?? -1 }
            let sequences = MisreadSequence.find(in: codes[...], stripsAppleLogo: stripsAppleLogo[pageIndex])
            guard !sequences.isEmpty else { continue }
            var result: [UInt32] = []
            var index = 0
            for sequence in sequences + [MisreadSequence(start: scalars.count, end: scalars.count, value: 0, byteCount: 0, strippedLead: false)] {
                let between = scalars[index..<sequence.start]
                if between.contains(where: { $0 >= 0x80 }) { continue pages }
                result += between
                if sequence.byteCount > 0 { result.append(sequence.value) }
                index = sequence.end
            }
            return (pageIndex, result, sequences.contains { $0.strippedLead })
        }
        return nil
    }

    /// The scalar starting at `index` of valid UTF-8 and its length in bytes.
    @inline(__always)
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        let value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        return (value, 4)
    }
}
