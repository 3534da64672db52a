import Foundation
@_spi(NewsletterKitInternals) import NewsletterCore
import Synchronization

/// Finds mojibake in UTF-8 bytes in two speeds.
///
/// The fast pass skips ASCII eight bytes at a time and, for other characters, looks up in one table
/// whether the character can start a misread UTF-8 sequence in some code page and the next one can
/// continue it. Only the lines holding such a pair go to the close look: each whitespace-separated run
/// there is decoded through every code page (``MisreadSequence``), scored (``MojibakeEvidence``) and
/// peeled layer by layer; the line's findings are then resolved together, since a confident finding
/// lends support to weaker ones of the same code page on the same line.
///
/// A class that owns its two large tables as plain memory, written once in `init` and only read after,
/// so that the threads scanning pieces of one text read them without touching a shared reference count.
final class MojibakeScanner: @unchecked Sendable {
    let pages: [CodePage]
    /// Per page: whether byte F0 is the Apple logo, so that a stripped logo can be implied.
    let stripsAppleLogo: [Bool]
    /// Per page: the bytes a strict decoder drops (``CodePage/bytesLostByStrictDecoders``).
    let lossyBytes: [[Int]]
    /// Per scalar below `denseLimit`, one bit per page in each byte: the scalar can start a sequence
    /// (bits 0-7), continue one (bits 8-15), or is a two-byte lead (bits 16-23).
    private let roles: UnsafeMutablePointer<UInt32>
    /// The few characters at or above `denseLimit` with a role (the Apple logo, ligatures, U+FFFD).
    private let sparseRoles: [(value: UInt32, role: UInt32)]
    /// Per scalar below `denseLimit`, its byte in every page, eight bits per page (0 for none, since no
    /// page gives a character other than NUL byte 0): one lookup serves every page.
    private let denseCodes: UnsafeMutablePointer<UInt64>
    private let sparseCodes: [(value: UInt32, codes: UInt64)]
    /// The smallest value in `sparseRoles` and `sparseCodes`: characters below it and above `denseLimit`
    /// (CJK, most of the BMP) need no search.
    private let sparseFloor: UInt32
    private static let denseLimit: UInt32 = 0x2600
    static let allStarts: UInt32 = 0xFF
    /// The role bit of the C1 controls that stand for Windows-1252 punctuation read as Latin-1 (`\u{84}` for
    /// `„`), and the run bit of a run that holds one: such a line gets a close look without a candidate pair.
    static let windows1252Control: UInt32 = 1 << 24

    /// The pages tried on every candidate run (but Latin-1 and Mac OS Roman, where Windows-1252 before them
    /// reads the run with certainty), the first of `pages`; the others are tried only on runs where these leave
    /// a non-ASCII character unexplained (see ``MojibakeLine``).
    let primaryPageCount: Int

    /// About how many bytes of a line's runs are resolved together (``scan(_:in:includingGuesses:emit:)``).
    let segmentSize: Int
    /// Whether lines keep what they found in runs, for the same runs met again.
    let cachesRunAnalyses: Bool
    /// A line's runs resolved together by default: support from 64 KiB away means little, and a line of any length
    /// needs only this much of it looked at in memory at once.
    static let defaultSegmentSize = 64 * 1024

    /// A scanner of `pages`, the first `primaryPageCount` of them (all by default) tried on every run.
    ///
    /// - Parameters:
    ///   - keepsSpareLines: whether finished scans leave their lines for the next (``spareLines``): for a scanner
    ///     that lives as long as the process, since a kept line holds its scanner.
    ///   - cachesRunAnalyses: whether lines keep what they found in runs for the runs met again (``RunAnalysisCache``);
    ///     a scanner without is the reference the cache is tested against.
    init(
        pages: [CodePage], primaryPageCount: Int? = nil, segmentSize: Int = defaultSegmentSize, keepsSpareLines: Bool = false,
        cachesRunAnalyses: Bool = true
    ) {
        precondition(pages.count <= 8, "the scanner tracks at most eight code pages")
        self.segmentSize = max(segmentSize, 1)
        self.cachesRunAnalyses = cachesRunAnalyses
        self.spareLineLimit = keepsSpareLines ? 8 : 0
        self.primaryPageCount = min(primaryPageCount ?? pages.count, pages.count)
        let stripsAppleLogo = pages.map { $0.character(forByte: 0xF0)?.value == ScalarTraits.appleLogo }
        let lossyBytes = pages.map { $0.bytesLostByStrictDecoders.map(Int.init) }
        self.pages = pages
        self.stripsAppleLogo = stripsAppleLogo
        self.lossyBytes = lossyBytes
        var roles = [UInt32](repeating: 0, count: Int(Self.denseLimit))
        var sparseRoles: [(value: UInt32, role: UInt32)] = []
        var denseCodes = [UInt64](repeating: 0, count: Int(Self.denseLimit))
        var sparseCodes: [(value: UInt32, codes: UInt64)] = []
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
            let shift = UInt64(8 * pageIndex)
            for value in 0..<0x80 { denseCodes[value] |= UInt64(value) << shift }
            for byte in UInt8(0x80)...0xFF {
                guard let value = page.character(forByte: byte)?.value else { continue }
                if value < Self.denseLimit {
                    denseCodes[Int(value)] |= UInt64(byte) << shift
                } else if let index = sparseCodes.firstIndex(where: { $0.value == value }) {
                    sparseCodes[index].codes |= UInt64(byte) << shift
                } else {
                    sparseCodes.append((value, UInt64(byte) << shift))
                }
                let length = MisreadSequence.length(ofSequenceStartingWith: Int(byte))
                if length > 0 || stripsAppleLogo[pageIndex] && byte == 0x9F { mark(value, bit) }
                if MisreadSequence.isContinuation(Int(byte)) { mark(value, bit << 8) }
                if length == 2 { mark(value, bit << 16) }
            }
            if !page.bytesLostByStrictDecoders.isEmpty { mark(ScalarTraits.replacementCharacter, bit << 8) }
        }
        for byte in UInt8(0x80)...0x9F where CodePage.windows1252.character(forByte: byte) != nil {
            mark(UInt32(byte), Self.windows1252Control)
        }
        self.roles = .allocate(capacity: roles.count)
        self.roles.initialize(from: roles, count: roles.count)
        self.sparseRoles = sparseRoles
        self.denseCodes = .allocate(capacity: denseCodes.count)
        self.denseCodes.initialize(from: denseCodes, count: denseCodes.count)
        self.sparseCodes = sparseCodes
        self.sparseFloor = (sparseRoles.map(\.value) + sparseCodes.map(\.value)).min() ?? .max
    }

    deinit {
        roles.deallocate()
        denseCodes.deallocate()
    }

    @inline(__always)
    func role(of value: UInt32) -> UInt32 {
        if value < Self.denseLimit { return roles[Int(value)] }
        if value < sparseFloor || value > 0xFFFF { return 0 }
        return sparseRoles.first { $0.value == value }?.role ?? 0
    }

    /// The bytes `value` stands for in every page, eight bits per page, 0 for none.
    @inline(__always)
    func codes(of value: UInt32) -> UInt64 {
        if value < Self.denseLimit { return denseCodes[Int(value)] }
        if value < sparseFloor { return 0 }
        return sparseCodes.first { $0.value == value }?.codes ?? 0
    }

    /// The byte of page `pageIndex` in `codes`, the packed bytes of `value`, or -1.
    @inline(__always)
    static func code(in codes: UInt64, page pageIndex: Int, value: UInt32) -> Int {
        let byte = Int(truncatingIfNeeded: codes >> UInt64(8 * pageIndex) & 0xFF)
        return byte != 0 || value == 0 ? byte : -1
    }

    /// The pages, as a mask, in which a character whose packed bytes are `codes` stands for the byte it stands
    /// for in page `pageIndex` (or for none, as there), compared in every page at once: lanes of the packed bytes
    /// equal to that byte become zero, and the high bit of each zero lane is gathered into one bit per page.
    @inline(__always)
    static func pagesReadingByte(in codes: UInt64, asPage pageIndex: Int) -> UInt32 {
        let difference = codes ^ (codes >> UInt64(8 * pageIndex) & 0xFF) &* 0x0101_0101_0101_0101
        let nonZeroLanes = ((difference & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F | difference) & 0x8080_8080_8080_8080
        let zeroLanes = (nonZeroLanes ^ 0x8080_8080_8080_8080) >> 7
        return UInt32(truncatingIfNeeded: (zeroLanes &* 0x0102_0408_1020_4080) >> 56)
    }

    /// The byte `value` stands for in page `pageIndex`, or -1.
    @inline(__always)
    func code(of value: UInt32, page pageIndex: Int) -> Int {
        Self.code(in: codes(of: value), page: pageIndex, value: value)
    }

    /// Texts from this size up are scanned in pieces when more than one thread is allowed.
    static let parallelThreshold = 512 * 1024
    /// The smallest piece worth handing to another thread.
    static let minimumPieceSize = 128 * 1024

    /// The spans in `bytes` (valid UTF-8), piece by piece: `finish` receives each piece's range and its
    /// spans, in order and never overlapping, and `consume` receives `finish`'s results in the pieces' order,
    /// one at a time. With `includingGuesses` false, guesses are resolved against the other findings but not
    /// returned.
    ///
    /// Lines are judged on their own, so a large text is cut at line feeds into pieces that up to `threads`
    /// threads scan concurrently, each taking the next piece not yet taken, a few pieces per thread so that
    /// a busy one holds up little; the spans are the same as from one pass. `finish` runs on the thread that
    /// scanned the piece, so that work on a piece's spans (rebuilding its text) is done in parallel too.
    /// `consume` runs on whichever thread finds the next piece in order ready, while the others go on
    /// scanning: assembling the result overlaps the scan, and each piece is freed as soon as it is consumed,
    /// which keeps the memory a large text needs (and the pages the system must provide and take back) to
    /// little more than the result's. With `threads` of 1 or a small text, nothing runs off the calling thread.
    func scan<Piece: Sendable>(
        _ bytes: UnsafeBufferPointer<UInt8>, includingGuesses: Bool, threads: Int,
        finishing finish: @Sendable (Range<Int>, ScannedLines) -> Piece,
        consuming consume: (Piece) -> Void
    ) {
        guard bytes.count >= Self.parallelThreshold, threads > 1 else {
            let whole = 0..<bytes.count
            consume(finish(whole, scan(bytes, in: whole, includingGuesses: includingGuesses)))
            return
        }
        let pieces = Self.pieces(of: bytes, count: min(threads * 4, bytes.count / Self.minimumPieceSize))
        scan(bytes, pieces: pieces, includingGuesses: includingGuesses, threads: threads, finishing: finish, consuming: consume)
    }

    /// The spans of `bytes` in the given `pieces` (consecutive, each starting at a line and ending after a line
    /// feed or at the end), as ``scan(_:includingGuesses:threads:finishing:consuming:)`` finds them; with
    /// `threads` of 1, or a single piece, one piece after the other on the calling thread.
    ///
    /// - Parameter starts: per piece, where its first line that may hold mojibake starts
    ///   (``firstCloseLook(in:_:)``), or its end when none does: the lines before are not read again.
    func scan<Piece: Sendable>(
        _ bytes: UnsafeBufferPointer<UInt8>, pieces: [Range<Int>], startingAt starts: [Int]? = nil, includingGuesses: Bool,
        threads: Int, finishing finish: @Sendable (Range<Int>, ScannedLines) -> Piece,
        consuming consume: (Piece) -> Void
    ) {
        guard threads > 1, pieces.count > 1 else {
            for (index, range) in pieces.enumerated() {
                let start = starts?[index] ?? range.lowerBound
                consume(finish(range, scan(bytes, in: start..<range.upperBound, includingGuesses: includingGuesses)))
            }
            return
        }
        let delivery = Mutex(OrderedDelivery<Piece>())
        let nextPiece = Atomic(0)
        withoutActuallyEscaping(consume) { consume in
            // The text is only read, and `consume` is called by one thread at a time (see `OrderedDelivery`).
            nonisolated(unsafe) let bytes = bytes
            nonisolated(unsafe) let consume = consume
            DispatchQueue.concurrentPerform(iterations: min(threads, pieces.count)) { _ in
                while case let index = nextPiece.add(1, ordering: .relaxed).oldValue, index < pieces.count {
                    let range = pieces[index]
                    let start = starts?[index] ?? range.lowerBound
                    let piece = finish(range, scan(bytes, in: start..<range.upperBound, includingGuesses: includingGuesses))
                    var ready = delivery.withLock { $0.deliver(piece, at: index) }
                    while !ready.isEmpty {
                        for piece in ready { consume(piece) }
                        ready = delivery.withLock { $0.takeReady() }
                    }
                }
            }
        }
    }

    /// `bytes` cut into about `count` ranges of similar size, each ending just after a line feed or at the end.
    /// A line longer than a piece makes one piece, and the search for its end starts past the previous one.
    static func pieces(of bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = 0
        let count = max(count, 1)
        for piece in 1...count {
            guard start < bytes.count, let base = bytes.baseAddress else { break }
            var end = piece == count ? bytes.count : max(start, bytes.count / count * piece)
            if end < bytes.count {
                let lineFeed = memchr(base + end, 0x0A, bytes.count - end)
                end = lineFeed.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) + 1 } ?? bytes.count
            }
            pieces.append(start..<end)
            start = end
        }
        return pieces
    }

    /// The spans of the lines in `range`, which starts at the beginning of a line and ends after a line
    /// feed or at the end of `bytes`.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, includingGuesses: Bool) -> ScannedLines {
        var spans: [MojibakeSpan] = []
        let linesToScanAgain = scan(bytes, in: range, includingGuesses: includingGuesses) { span in
            if spans.count == spans.capacity {
                Self.reserve(&spans, scanned: span.utf8Range.upperBound - range.lowerBound, of: range.count)
            }
            spans.append(span)
        }
        return ScannedLines(spans: spans, linesToScanAgain: linesToScanAgain)
    }

    /// Gives `emit` the spans of the lines in `range` (which starts at the beginning of a line and ends after a
    /// line feed or at the end of `bytes`) in order, each line's as the line is resolved, so that a caller that
    /// keeps less than the spans needs no room for all of them.
    ///
    /// ASCII is skipped eight bytes at a time, stopping only at line feeds and other characters. A line is
    /// looked at closely only if it holds a candidate pair; from its start, its runs (``Run``) are then
    /// collected for the close look. A line whose runs reach past ``segmentSize`` is resolved in segments cut
    /// between runs, each once its runs span that many bytes, so that what a line's findings take in memory is
    /// bounded whatever its length; a segment's findings lend no support to another's. Their spans cannot overlap:
    /// a finding lies in its run but for the space after it (`Ð Ñƒ` for `Ру`) or that and an `s` before a space
    /// (`Ã s` for `às`), where no run starts.
    ///
    /// - Returns: where each line starts that may hold more for another pass (``ScannedLines/linesToScanAgain``).
    func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, includingGuesses: Bool, emit: (MojibakeSpan) -> Void
    ) -> [Int] {
        var linesToScanAgain: [Int] = []
        let spare = spareLines.withLock { $0.popLast() } ?? SpareLine(MojibakeLine(bytes: bytes, scanner: self))
        var line = spare.line.take()!
        line.bytes = bytes
        var runs = ScratchBuffer<Run>()
        var lineHasCandidate = false
        let count = range.upperBound
        var index = range.lowerBound
        // Where the previous run or line ended: a run starts after the last white space before its first non-ASCII byte.
        var floor = range.lowerBound
        var lineStart = range.lowerBound
        // Until a line shows a candidate pair, its other characters are only checked for one, as most lines of
        // correct text never do; the line is then read again from its start, collecting its runs.
        var collecting = false
        while true {
            while index + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
                let stops = word & 0x8080_8080_8080_8080 | Self.lineFeedBits(word)
                if stops != 0 {
                    // The lowest flag is the first byte that is not plain ASCII or is a line feed.
                    index += stops.trailingZeroBitCount >> 3
                    break
                }
                index += 8
            }
            guard index < count else { break }
            let byte = bytes[index]
            if byte == 0x0A {
                if lineHasCandidate {
                    resolve(&line, runs, of: lineStart, includingGuesses, emit, &linesToScanAgain)
                }
                runs.removeAll()
                lineHasCandidate = false
                collecting = false
                index += 1
                floor = index
                lineStart = index
                continue
            }
            if byte < 0x80 {
                index += 1
                continue
            }
            if !collecting {
                // As `opensCloseLook`, written out: in this loop over every line of a text, a call per character
                // that is not ASCII costs a third of the scan of clean text.
                let (value, length) = Self.decodeScalar(bytes, at: index)
                let next = index + length
                let role = role(of: value)
                let starts = role & Self.allStarts
                if starts != 0 && next < count && bytes[next] >= 0x80
                    && self.role(of: Self.decodeScalar(bytes, at: next).value) >> 8 & starts != 0
                    || role & Self.windows1252Control != 0
                    || Self.isByteC3BeforeSpace(bytes, at: index, count: count) {
                    collecting = true
                    index = lineStart
                    floor = lineStart
                } else {
                    index = next
                }
                continue
            }
            var start = index
            while start > floor && !Self.isWhiteSpace(bytes[start - 1]) { start -= 1 }
            var previousStarts: UInt32 = 0
            var pages: UInt32 = 0
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if Self.isWhiteSpace(byte) || byte == 0x0A { break }
                    previousStarts = 0
                    index += 1
                    continue
                }
                let (value, length) = Self.decodeScalar(bytes, at: index)
                let role = role(of: value)
                pages |= previousStarts & (role >> 8) | role & (0xFF_0000 | Self.windows1252Control)
                previousStarts = role & Self.allStarts
                index += length
            }
            if pages != 0 {
                if !runs.isEmpty, start - runs[0].range.lowerBound >= segmentSize {
                    if lineHasCandidate { resolve(&line, runs, of: lineStart, includingGuesses, emit, &linesToScanAgain) }
                    runs.removeAll()
                    lineHasCandidate = false
                }
                runs.append(Run(range: start..<index, pages: pages))
                lineHasCandidate = lineHasCandidate || pages & (Self.allStarts | Self.windows1252Control) != 0
                    || index >= 2 && Self.isByteC3BeforeSpace(bytes, at: index - 2, count: count)
            }
            floor = index
        }
        if lineHasCandidate { resolve(&line, runs, of: lineStart, includingGuesses, emit, &linesToScanAgain) }
        spare.line = consume line
        spareLines.withLock { spares in
            if spares.count < spareLineLimit { spares.append(spare) }
        }
        return linesToScanAgain
    }

    /// Lines left by finished scans, with their buffers and span texts, for the next scans to take: making a line
    /// (some thirty buffers, copies of the pages' facts, a table of texts) for each draft of a folder, and making
    /// the same few span texts again for each, cost about as much as the scan of a clean draft.
    private let spareLines = Mutex<[SpareLine]>([])
    /// How many lines are kept: as many as threads scan at once on most machines, or none.
    private let spareLineLimit: Int

    /// A line between two scans. Only the scan that took it from ``spareLines`` reads or writes it.
    private final class SpareLine: @unchecked Sendable {
        var line: MojibakeLine?

        init(_ line: consuming MojibakeLine) {
            self.line = consume line
        }
    }

    /// Resolves the runs of a segment of the line starting at `lineStart`, and notes the line for another pass if the
    /// segment may need one (once, however many of its segments do).
    private func resolve(
        _ line: inout MojibakeLine, _ runs: borrowing ScratchBuffer<Run>, of lineStart: Int, _ includingGuesses: Bool,
        _ emit: (MojibakeSpan) -> Void, _ linesToScanAgain: inout [Int]
    ) {
        if line.resolve(UnsafeBufferPointer(runs.elements), includingGuesses: includingGuesses, emit: emit)
            && linesToScanAgain.last != lineStart {
            linesToScanAgain.append(lineStart)
        }
    }

    /// What a scan of some lines found.
    struct ScannedLines: Sendable {
        /// The spans, in order and never overlapping.
        var spans: [MojibakeSpan]
        /// Where each line starts that holds spans and, with them applied, may hold more for another pass to find
        /// (``MojibakeLine/resolve(_:includingGuesses:emit:)``), in order; no other line does.
        var linesToScanAgain: [Int]
    }

    /// How ``firstCloseLook(in:_:)`` found a piece.
    enum PieceCheck: Equatable {
        /// The character at this offset is not UTF-8; all before it in the piece is.
        case invalid(at: Int)
        /// The piece is UTF-8, and the line starting at this offset is its first that may hold mojibake (its end
        /// when none does).
        case valid(closeLookFrom: Int)
    }

    /// Checks that `bytes[range]` (which starts at a line and ends after a line feed or at the end) is UTF-8 and
    /// finds its first line that ``scan(_:in:includingGuesses:)`` would look at closely, in one pass over the
    /// bytes: the characters that are not ASCII are looked up as the check meets them, and the lines before
    /// that one need not be read again (in most correct text, no line of the piece is read again).
    ///
    /// The lines are those with a candidate pair, a C1 control that stands for Windows-1252 punctuation, or a
    /// byte C3 before a space, as `scan` finds them. Line feeds do not stop the pass: the first such line's start
    /// is found from the character that shows it.
    func firstCloseLook(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> PieceCheck {
        let count = range.upperBound
        var finder = CloseLookFinder(scanner: self, bytes: bytes, count: count)
        switch UTF8Validation.visitCharacters(in: bytes, range, &finder) {
        case .valid: return .valid(closeLookFrom: count)
        case .invalid(let offset): return .invalid(at: offset)
        case .stopped(let offset):
            if let bad = UTF8Validation.firstInvalidOffset(in: bytes, offset..<count) { return .invalid(at: bad) }
            var lineStart = offset
            while lineStart > range.lowerBound && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
            return .valid(closeLookFrom: lineStart)
        }
    }

    /// What ``firstCloseLook(in:_:)`` shows each character that is not ASCII: it stops at the first that makes its
    /// line worth a close look.
    private struct CloseLookFinder: UTF8Validation.Visitor {
        let scanner: MojibakeScanner
        let bytes: UnsafeBufferPointer<UInt8>
        let count: Int
        /// The end of the last character that is not ASCII, and the pages where it can start a sequence.
        var previousEnd = -1
        var previousStarts: UInt32 = 0

        @inline(__always)
        mutating func visit(offset index: Int, length: Int) -> Bool {
            let role = scanner.role(of: MojibakeScanner.decodeScalar(bytes, at: index).value)
            if previousEnd == index && previousStarts & (role >> 8) != 0 || role & MojibakeScanner.windows1252Control != 0
                || MojibakeScanner.isByteC3BeforeSpace(bytes, at: index, count: count) {
                return true
            }
            previousEnd = index + length
            previousStarts = role & MojibakeScanner.allStarts
            return false
        }
    }

    /// Whether the character at `index` of `bytes` (valid UTF-8, not ASCII, before `count`) makes its line worth
    /// a close look: it can start a sequence that the next character continues in some page, it is a C1 control
    /// standing for Windows-1252 punctuation, or it is a byte C3 before a space. Also where the next character starts.
    @inline(__always)
    private func opensCloseLook(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, count: Int) -> (opens: Bool, next: Int) {
        let (value, length) = Self.decodeScalar(bytes, at: index)
        let next = index + length
        let role = role(of: value)
        let starts = role & Self.allStarts
        let opens = starts != 0 && next < count && bytes[next] >= 0x80
            && self.role(of: Self.decodeScalar(bytes, at: next).value) >> 8 & starts != 0
            || role & Self.windows1252Control != 0
            || Self.isByteC3BeforeSpace(bytes, at: index, count: count)
        return (opens, next)
    }

    /// Whether the line `bytes[line]` (valid UTF-8, from a line's start to after its line feed or the end) holds
    /// what makes ``scan(_:in:includingGuesses:)`` look at a line closely: a pass over a line without it leaves
    /// the line as it is. The bytes are known to be UTF-8, so, unlike ``firstCloseLook(in:_:)``, nothing is checked.
    func needsCloseLook(_ bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>) -> Bool {
        let count = line.upperBound
        var index = line.lowerBound
        while index < count {
            while index + 8 <= count,
                  UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { break }
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let (opens, next) = opensCloseLook(bytes, at: index, count: count)
            if opens { return true }
            index = next
        }
        return false
    }

    /// Grows `spans` to the count the part of the piece scanned so far predicts for the whole, so that a
    /// text dense with mojibake reallocates its spans a few times rather than at every doubling.
    static func reserve(_ spans: inout [MojibakeSpan], scanned: Int, of total: Int) {
        let predicted = spans.count * total / max(scanned, 1) * 9 / 8
        spans.reserveCapacity(max(predicted, spans.capacity * 2, 16))
    }

    /// A run of a line between ASCII white space that holds a candidate: the pages (one bit each) in which it
    /// holds a character that can start a sequence followed by one that can continue it (bits 0-7), the
    /// pages in which it holds a two-byte lead (bits 16-23), and whether it holds a C1 control that stands for
    /// Windows-1252 punctuation (``windows1252Control``).
    struct Run {
        var range: Range<Int>
        var pages: UInt32
    }

    /// Whether `Ã` (Windows-1252, Latin-1) or `Г` (Windows-1251), byte C3, followed by a space stands at
    /// `index`: `à` whose second byte, A0 (a no-break space), became a space or was lost (`voilÃ le travail`);
    /// a candidate like a pair.
    @inline(__always)
    static func isByteC3BeforeSpace(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, count: Int) -> Bool {
        index + 2 < count && bytes[index + 2] == 0x20
            && (bytes[index] == 0xC3 && bytes[index + 1] == 0x83 || bytes[index] == 0xD0 && bytes[index + 1] == 0x93)
    }

    /// The ASCII white space that separates runs (line feeds end lines and are checked apart).
    @inline(__always)
    private static func isWhiteSpace(_ byte: UInt8) -> Bool {
        // Bits 9, 11, 12, 13 and 32 of a 64-bit set: tab, vertical tab, form feed, carriage return, space.
        byte <= 0x20 && (0x1_0000_3A00 as UInt64) >> byte & 1 != 0
    }

    /// Whether some page has a character that can start a sequence followed by one that can continue it.
    private func mayHoldSequence(_ scalars: UnsafeBufferPointer<UInt32>) -> Bool {
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
        _ scalars: UnsafeBufferPointer<UInt32>, into result: inout ScratchBuffer<UInt32>, codes: inout ScratchBuffer<Int>,
        sequences: inout ScratchBuffer<MisreadSequence>
    ) -> (pageIndex: Int, stripped: Bool)? {
        guard mayHoldSequence(scalars) else { return nil }
        pages: for pageIndex in pages.indices {
            codes.removeAll()
            for value in scalars { codes.append(code(of: value, page: pageIndex)) }
            MisreadSequence.find(in: UnsafeBufferPointer(codes.elements), stripsAppleLogo: stripsAppleLogo[pageIndex], into: &sequences)
            guard !sequences.isEmpty else { continue }
            result.removeAll()
            var index = 0
            var stripped = false
            for position in 0...sequences.count {
                let sequenceStart = position < sequences.count ? sequences[position].start : scalars.count
                let between = scalars[index..<sequenceStart]
                if between.contains(where: { $0 >= 0x80 }) { continue pages }
                result.append(contentsOf: between)
                guard position < sequences.count else { break }
                result.append(sequences[position].value)
                stripped = stripped || sequences[position].strippedLead
                index = sequences[position].end
            }
            return (pageIndex, stripped)
        }
        return nil
    }

    /// The high bit of each of the eight bytes of `word` that may be a line feed: exact for the lowest one
    /// (higher ones may be false, since a borrow only starts at a real line feed).
    @inline(__always)
    private static func lineFeedBits(_ word: UInt64) -> UInt64 {
        let flipped = word ^ 0x0A0A_0A0A_0A0A_0A0A
        return (flipped &- 0x0101_0101_0101_0101) & ~flipped & 0x8080_8080_8080_8080
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
