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
    /// Per page: the one-element misreading chain of a single layer, made once.
    let singleMisreadings: [[CodePage]]
    /// Per page: the bytes a strict decoder drops (``CodePage/bytesLostByStrictDecoders``).
    let lossyBytes: [[Int]]
    /// Per page: each lost byte as a one-byte continuation, the variants tried after a two-byte lead, made once.
    let lossyContinuations: [[[Int]]]
    /// Per scalar below `denseLimit`, one bit per page in each byte: the scalar can start a sequence
    /// (bits 0-7), continue one (bits 8-15), or is a two-byte lead (bits 16-23).
    private let roles: [UInt32]
    /// The few characters at or above `denseLimit` with a role (the Apple logo, ligatures, U+FFFD).
    private let sparseRoles: [(value: UInt32, role: UInt32)]
    /// Per page, the byte of each scalar below `denseLimit` (-1 for none), `denseLimit` entries per page.
    private let denseCodes: [Int16]
    private let sparseCodes: [(value: UInt32, page: Int, byte: Int)]
    private static let denseLimit: UInt32 = 0x2600
    static let allStarts: UInt32 = 0xFF

    init(pages: [CodePage]) {
        precondition(pages.count <= 8, "the scanner tracks at most eight code pages")
        self.pages = pages
        self.stripsAppleLogo = pages.map { $0.character(forByte: 0xF0)?.value == ScalarTraits.appleLogo }
        self.lossyBytes = pages.map { $0.bytesLostByStrictDecoders.map(Int.init) }
        self.lossyContinuations = lossyBytes.map { $0.map { [$0] } }
        self.singleMisreadings = pages.map { [$0] }
        var roles = [UInt32](repeating: 0, count: Int(Self.denseLimit))
        var sparseRoles: [(value: UInt32, role: UInt32)] = []
        var denseCodes = [Int16](repeating: -1, count: Int(Self.denseLimit) * pages.count)
        var sparseCodes: [(value: UInt32, page: Int, byte: Int)] = []
        func mark(_ value: UInt32, _ role: UInt32) {
            if value < Self.denseLimit {
                roles[Int(value)] |= role
            } else if let index = sparseRoles.firstIndex(where: { $0.value == value }) {
                sparseRoles[index].role |= role
            } else {
                sparseRoles.append((value, role))
            }
        }
        for (pageIndex, page) in pages.enumerated() {
            let bit = UInt32(1) << UInt32(pageIndex)
            for value in UInt32(0)..<0x80 { denseCodes[pageIndex * Int(Self.denseLimit) + Int(value)] = Int16(value) }
            for byte in UInt8(0x80)...0xFF {
                guard let value = page.character(forByte: byte)?.value else { continue }
                if value < Self.denseLimit {
                    denseCodes[pageIndex * Int(Self.denseLimit) + Int(value)] = Int16(byte)
                } else {
                    sparseCodes.append((value, pageIndex, Int(byte)))
                }
                let length = MisreadSequence.length(ofSequenceStartingWith: Int(byte))
                if length > 0 || stripsAppleLogo[pageIndex] && byte == 0x9F { mark(value, bit) }
                if MisreadSequence.isContinuation(Int(byte)) { mark(value, bit << 8) }
                if length == 2 { mark(value, bit << 16) }
            }
            if !page.bytesLostByStrictDecoders.isEmpty { mark(ScalarTraits.replacementCharacter, bit << 8) }
        }
        self.roles = roles
        self.sparseRoles = sparseRoles
        self.denseCodes = denseCodes
        self.sparseCodes = sparseCodes
    }

    @inline(__always)
    private func role(of value: UInt32) -> UInt32 {
        if value < Self.denseLimit { return roles[Int(value)] }
        if value > 0xFFFF { return 0 }
        return sparseRoles.first { $0.value == value }?.role ?? 0
    }

    /// The byte `value` stands for in page `pageIndex`, or -1.
    @inline(__always)
    func code(of value: UInt32, page pageIndex: Int) -> Int {
        if value < Self.denseLimit { return Int(denseCodes[pageIndex * Int(Self.denseLimit) + Int(value)]) }
        return sparseCodes.first { $0.value == value && $0.page == pageIndex }?.byte ?? -1
    }

    /// Every span in `bytes` (valid UTF-8), in order; spans never overlap. Their ``MojibakeSpan/original``
    /// is left empty for the caller, which holds the string, to fill.
    /// With `includingGuesses` false, guesses are resolved against the other findings but not returned.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, includingGuesses: Bool = true) -> [MojibakeSpan] {
        var spans: [MojibakeSpan] = []
        var line = MojibakeLine(bytes: bytes, scanner: self)
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
            let starts = role(of: value) & Self.allStarts
            if starts != 0, next < count, bytes[next] >= 0x80,
               role(of: Self.decodeScalar(bytes, at: next).value) >> 8 & starts != 0 {
                let lineStart = Self.lineStart(bytes, before: index, floor: lineFloor)
                let lineEnd = Self.lineEnd(bytes, from: next)
                line.resolve(lineStart..<lineEnd, includingGuesses: includingGuesses, into: &spans)
                index = lineEnd
                lineFloor = lineEnd
            } else {
                index = next
            }
        }
        return spans
    }

    /// The runs of the line at `range` between ASCII white space that hold a candidate, each with the pages
    /// (one bit each) in which it holds a character that can start a sequence followed by one that can
    /// continue it (bits 0-7), and the pages in which it holds a two-byte lead (bits 16-23). Runs of ASCII
    /// alone have neither and are skipped eight bytes at a time.
    func runs(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, into runs: inout [(range: Range<Int>, pages: UInt32)]) {
        runs.removeAll(keepingCapacity: true)
        let end = range.upperBound
        var index = range.lowerBound
        // Where the previous run ended: a run starts after the last white space before its first non-ASCII byte.
        var floor = range.lowerBound
        while index < end {
            while index + 8 <= end {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            guard index < end else { break }
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            var start = index
            while start > floor && !Self.isWhiteSpace(bytes[start - 1]) { start -= 1 }
            var previousStarts: UInt32 = 0
            var pages: UInt32 = 0
            while index < end {
                let byte = bytes[index]
                if byte < 0x80 {
                    if Self.isWhiteSpace(byte) { break }
                    previousStarts = 0
                    index += 1
                    continue
                }
                let (value, length) = Self.decodeScalar(bytes, at: index)
                let role = role(of: value)
                pages |= previousStarts & (role >> 8) | role & 0xFF_0000
                previousStarts = role & Self.allStarts
                index += length
            }
            if pages != 0 { runs.append((start..<index, pages)) }
            floor = index
        }
    }

    /// The ASCII white space that separates runs (line feeds end lines before this is asked).
    @inline(__always)
    private static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    /// Whether some page has a character that can start a sequence followed by one that can continue it.
    private func mayHoldSequence(_ scalars: [UInt32]) -> Bool {
        var previousStarts: UInt32 = 0
        for value in scalars {
            let role = value < 0x80 ? 0 : role(of: value)
            if previousStarts & (role >> 8) != 0 { return true }
            previousStarts = role & Self.allStarts
        }
        return false
    }

    /// Decodes `scalars` through the first code page in which every non-ASCII character belongs to a
    /// sequence: the next layer of text mangled more than once, written to `result`. `nil` if no page
    /// decodes all of it. `codes` and `sequences` are scratch buffers, reused to spare allocations.
    func peelCompletely(
        _ scalars: [UInt32], into result: inout [UInt32], codes: inout [Int], sequences: inout [MisreadSequence]
    ) -> (pageIndex: Int, stripped: Bool)? {
        guard mayHoldSequence(scalars) else { return nil }
        pages: for pageIndex in pages.indices {
            codes.removeAll(keepingCapacity: true)
            for value in scalars { codes.append(code(of: value, page: pageIndex)) }
            MisreadSequence.find(in: codes[...], stripsAppleLogo: stripsAppleLogo[pageIndex], into: &sequences)
            guard !sequences.isEmpty else { continue }
            result.removeAll(keepingCapacity: true)
            var index = 0
            var stripped = false
            for position in 0...sequences.count {
                let sequenceStart = position < sequences.count ? sequences[position].start : scalars.count
                let between = scalars[index..<sequenceStart]
                if between.contains(where: { $0 >= 0x80 }) { continue pages }
                result += between
                guard position < sequences.count else { break }
                result.append(sequences[position].value)
                stripped = stripped || sequences[position].strippedLead
                index = sequences[position].end
            }
            return (pageIndex, stripped)
        }
        return nil
    }

    /// Whether one of the eight bytes in `word` is a line feed.
    @inline(__always)
    private static func holdsLineFeed(_ word: UInt64) -> Bool {
        let flipped = word ^ 0x0A0A_0A0A_0A0A_0A0A
        return (flipped &- 0x0101_0101_0101_0101) & ~flipped & 0x8080_8080_8080_8080 != 0
    }

    /// The index just past the last line feed before `index`, or `floor`; eight bytes at a time.
    static func lineStart(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int, floor: Int) -> Int {
        var start = index
        while start - 8 >= floor {
            if holdsLineFeed(UnsafeRawPointer(bytes.baseAddress! + start - 8).loadUnaligned(as: UInt64.self)) { break }
            start -= 8
        }
        while start > floor && bytes[start - 1] != 0x0A { start -= 1 }
        return start
    }

    /// The index of the first line feed at or after `index`, or the end; eight bytes at a time.
    static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var end = index
        while end + 8 <= bytes.count {
            if holdsLineFeed(UnsafeRawPointer(bytes.baseAddress! + end).loadUnaligned(as: UInt64.self)) { break }
            end += 8
        }
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        return end
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
