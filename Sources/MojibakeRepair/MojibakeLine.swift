/// The close look at one line that holds a candidate pair: every run between white space that may hold
/// a misread sequence is decoded through every code page, scored, and peeled layer by layer; then the
/// line's findings are resolved against each other.
///
/// Its helpers that only read are `mutating` all the same: the line holds some thirty buffers, and a method
/// that borrows it, called from one that mutates it, is handed a copy of all of them (a call to copy memory
/// each time); a mutating one is handed its address.
struct MojibakeLine: ~Copyable {
    /// The text whose lines are looked at: set by each scan, since a line is kept from scan to scan with its buffers
    /// and the texts it has made (``MojibakeScanner``'s spare lines).
    var bytes: UnsafeBufferPointer<UInt8>
    let scanner: MojibakeScanner
    // Buffers reused from line to line and run to run.
    private var scalars = ScratchBuffer<UInt32>()
    private var offsets = ScratchBuffer<Int>()
    /// Each character's bytes in every page (``MojibakeScanner/codes(of:)``).
    private var packedCodes = ScratchBuffer<UInt64>()
    private var codes = ScratchBuffer<Int>()
    private var findings = ScratchBuffer<MojibakeFinding>()
    /// The scalars of every finding's replacement, one after the other.
    private(set) var replacements = ScratchBuffer<UInt32>()
    private var decodedOrder = ScratchBuffer<Int>()
    private var decodedByStart = ScratchBuffer<(start: Int, end: Int, index: Int)>()
    /// One bit per byte of a run: set where an accepted finding of the primary pages lies.
    private var runCoverage = ScratchBuffer<UInt64>()
    /// One bit per byte of the line's candidate runs: set where a chosen finding lies.
    private var taken = ScratchBuffer<UInt64>()
    private var sequences = ScratchBuffer<MisreadSequence>()
    /// Two-byte leads without their continuation, judged only if the line confirms their code page.
    private var pendingTwoByteLosses = ScratchBuffer<PendingLoss>()
    /// Shortened sequences, in the order found; their candidates are listed only for those that no
    /// accepted decoded finding covers, since most lie inside other mojibake (`1Ô∏è‚É£` holds `è‚`).
    private var pendingLostBytes = ScratchBuffer<PendingLoss>()
    /// The surviving continuation bytes of the pending losses, one after the other.
    private var lostItems = ScratchBuffer<Int>()
    private var chosen = ScratchBuffer<Choice>()
    /// The spans made of the chosen findings, in order.
    private var emitted = ScratchBuffer<EmittedSpan>()
    /// Whether a run holding a candidate keeps characters beyond ASCII that no span replaces, or is left as it
    /// is (garbled): found by ``findGarbledRuns(_:chosenInOrder:includingGuesses:)``, which walks the same gaps.
    private var keepsCandidateOutsideSpans = false
    /// The runs, with the pages, in which a candidate pair is left that no chosen finding explains.
    private var garbledRuns = ScratchBuffer<MojibakeScanner.Run>()
    /// Scratch buffer of the characters a lost byte allows.
    private var valid = ScratchBuffer<UInt32>()
    // Scratch buffers of a decoded finding and of the layers peeled from it.
    private var decodedScalars = ScratchBuffer<UInt32>()
    private var peeledScalars = ScratchBuffer<UInt32>()
    private var peelCodes = ScratchBuffer<Int>()
    private var peelSequences = ScratchBuffer<MisreadSequence>()
    /// The misreading chains of more than one layer met so far, keyed by their packed pages and layer count,
    /// so that spans share one array per chain.
    private var layeredMisreadings: [(peeledPages: UInt32, layers: Int, misreadings: [CodePage])] = []
    /// The spans' original and replacement texts made so far, shared between spans.
    private var texts = SpanTextCache()
    /// What runs analysed before held, kept from line to line and, with the line, from scan to scan.
    private var runAnalyses = RunAnalysisCache()
    /// Stands for U+FFFD in `codes`: a byte the decoder replaced.
    private static let replacedByte = -2

    /// A finding chosen for the line, by its index in `findings`.
    struct Choice {
        var index: Int
        var confidence: MojibakeSpan.Confidence
        /// The finding's range, kept here so that ordering and walking the choices reads no finding.
        var utf8Range: Range<Int>
    }

    /// A span the line made: the bytes it replaces, and where the characters it writes are in `replacements`.
    struct EmittedSpan {
        var utf8Range: Range<Int>
        var written: Range<Int>
    }

    /// A sequence that lost bytes, with what it takes to list the characters it may have been.
    struct PendingLoss {
        var lead: Int
        /// Where its surviving continuation bytes are in `lostItems` (``replacedByte`` for U+FFFD).
        var items: Range<Int>
        /// How many bytes were dropped; U+FFFD stands in place of the others.
        var missing: Int
        var damage: MojibakeSpan.Damage
        var around: MojibakeEvidence.Neighbours
        var utf8Range: Range<Int>
        var pageIndex: Int
    }

    /// The scanner's per-page facts, copied so that the threads scanning pieces of one text never share
    /// (and so never contend for) the reference counts of the arrays that spans and loops hold.
    private let pageCount: Int
    private let primaryPageCount: Int
    private let stripsAppleLogo: [Bool]
    private let lossyBytes: [[Int]]
    /// The pages (one bit each) with bytes a strict decoder drops, and per page those bytes (all continuation
    /// bytes) as bits from 80: masks, since looking at an inner array costs its reference count.
    private let lossyPages: UInt32
    private let lossyContinuations: [UInt64]
    private let singleMisreadings: [[CodePage]]
    /// Latin-1 and Mac OS Roman after a Windows-1252 page (one bit each): not tried on a run the pages before
    /// them read with certainty (``primaryFindingsExplainRun(_:from:evidence:)``).
    private let settledByWindows1252: UInt32
    /// The pages (one bit each) in which byte A0 is a no-break space.
    private let noBreakSpacePages: UInt32
    private let cachesRunAnalyses: Bool

    init(bytes: UnsafeBufferPointer<UInt8>, scanner: MojibakeScanner) {
        self.bytes = bytes
        self.scanner = scanner
        self.pageCount = scanner.pages.count
        self.primaryPageCount = scanner.primaryPageCount
        self.cachesRunAnalyses = scanner.cachesRunAnalyses
        self.stripsAppleLogo = scanner.stripsAppleLogo.map { $0 }
        self.lossyBytes = scanner.lossyBytes.map { $0.map { $0 } }
        self.lossyPages = scanner.lossyBytes.indices.reduce(0) { pages, pageIndex in
            scanner.lossyBytes[pageIndex].isEmpty ? pages : pages | 1 << UInt32(pageIndex)
        }
        self.lossyContinuations = scanner.lossyBytes.map { bytes in
            bytes.reduce(0) { mask, byte in MisreadSequence.isContinuation(byte) ? mask | 1 << UInt64(byte - 0x80) : mask }
        }
        self.singleMisreadings = scanner.pages.map { [$0] }
        let windows1252 = scanner.pages.firstIndex { $0 == .windows1252Sloppy || $0 == .windows1252 } ?? scanner.pages.count
        self.settledByWindows1252 = scanner.pages.indices.reduce(0) { pages, pageIndex in
            pageIndex > windows1252 && (scanner.pages[pageIndex] == .latin1 || scanner.pages[pageIndex] == .macOSRoman)
                ? pages | 1 << UInt32(pageIndex) : pages
        }
        self.noBreakSpacePages = (0..<scanner.pages.count).reduce(0) { pages, pageIndex in
            scanner.code(of: 0xA0, page: pageIndex) == 0xA0 ? pages | 1 << UInt32(pageIndex) : pages
        }
    }

    /// Gives `emit` the spans of the line (or segment of a line) whose candidate runs are `runs`, in order.
    /// With `includingGuesses` false, guesses still take their place among the findings but make no span.
    /// - Returns: whether the line, with its spans applied, may need another pass: ``keepsCandidateOutsideSpans``, or
    ///   ``mayNeedAnotherLook(emitted:)``.
    mutating func resolve(
        _ runs: UnsafeBufferPointer<MojibakeScanner.Run>, includingGuesses: Bool, emit: (MojibakeSpan) -> Void
    ) -> Bool {
        emitted.removeAll()
        findings.removeAll()
        replacements.removeAll()
        pendingTwoByteLosses.removeAll()
        pendingLostBytes.removeAll()
        lostItems.removeAll()
        for run in runs where run.pages & MojibakeScanner.allStarts != 0 {
            analyse(run.range, pages: run.pages & MojibakeScanner.allStarts)
        }
        // Findings are chosen by index, strongest first, so they are placed out of order; `taken` marks the
        // bytes they cover, so that checking and placing a finding costs its length whatever the line holds
        // (a sorted list of ranges costs a shift of the list per placement: quadratic on a long line).
        chosen.removeAll()
        let base = runs.first?.range.lowerBound ?? 0
        // A finding reaches at most two bytes past the last run (`Ã s` for `às`).
        let extent = (runs.last?.range.upperBound ?? base) - base + 2
        taken.resize(to: (extent + 63) / 64)
        taken.elements.update(repeating: 0)
        /// Whether `range` overlaps no chosen finding.
        func isFree(_ range: Range<Int>) -> Bool {
            var isFree = true
            forEachWord(of: range) { word, mask in isFree = isFree && taken[word] & mask == 0 }
            return isFree
        }
        func place(_ index: Int, _ confidence: MojibakeSpan.Confidence) {
            let range = findings[index].utf8Range
            guard isFree(range) else { return }
            forEachWord(of: range) { word, mask in taken[word] |= mask }
            chosen.append(Choice(index: index, confidence: confidence, utf8Range: range))
        }
        /// Calls `body` with each word of `taken` that `range` covers and the bits it covers there.
        func forEachWord(of range: Range<Int>, _ body: (Int, UInt64) -> Void) {
            var offset = range.lowerBound - base
            let end = range.upperBound - base
            while offset < end {
                let bit = offset & 63
                let count = min(64 - bit, end - offset)
                body(offset >> 6, (count == 64 ? ~0 : (1 << UInt64(count)) - 1) << UInt64(bit))
                offset += count
            }
        }
        decodedOrder.removeAll()
        for index in findings.indices where findings[index].kind == .decoded {
            decodedOrder.append(index)
        }
        // A view of the order: `decodedOrder` does not change while it is in use.
        var decoded = decodedOrder.elements
        let confirmedPages = pagesReadingEveryUncontestedCertainFinding(decoded)
        // Fields are read in place: a finding copied out costs a call to copy memory.
        decoded.sort { lhs, rhs in
            let (lhsPage, rhsPage) = (findings[lhs].firstPage, findings[rhs].firstPage)
            return (findings[lhs].evidence, confirmedPages >> UInt32(lhsPage) & 1, -lhsPage, -findings[lhs].utf8Range.lowerBound)
                > (findings[rhs].evidence, confirmedPages >> UInt32(rhsPage) & 1, -rhsPage, -findings[rhs].utf8Range.lowerBound)
        }
        var supportedPages: UInt32 = 0
        for index in decoded where findings[index].evidence >= MojibakeEvidence.acceptance {
            place(index, findings[index].layers > 1 || findings[index].evidence >= MojibakeEvidence.certainty ? .certain : .likely)
            supportedPages |= findings[index].alikePages
        }
        if supportedPages != 0 {
            for index in decoded
            where findings[index].evidence >= MojibakeEvidence.support && supportedPages & (1 << UInt32(findings[index].firstPage)) != 0 {
                place(index, .likely)
            }
        }
        // A finding ending a run can be placed only where the run's last characters are free.
        for run in runs where MojibakeScanner.isByteC3BeforeSpace(bytes, at: run.range.upperBound - 2, count: bytes.count)
            && isFree(run.range.upperBound - 2..<run.range.upperBound) {
            let index = findings.count
            addGraveAFinding(endingRun: run.range, supportedPages: supportedPages)
            if index < findings.count && isFree(findings[index].utf8Range) { place(index, findings[index].confidence) }
        }
        if supportedPages != 0 {
            for run in runs where run.range.upperBound + 1 < bytes.count && bytes[run.range.upperBound] == 0x20
                && bytes[run.range.upperBound - 1] >= 0x80 && isFree(run.range.upperBound - 1..<run.range.upperBound) {
                let index = findings.count
                addSpaceForNoBreakSpaceFinding(endingRun: run.range, supportedPages: supportedPages)
                if index < findings.count && isFree(findings[index].utf8Range) { place(index, .likely) }
            }
        }
        for loss in pendingLostBytes.elements where isFree(loss.utf8Range) {
            let index = findings.count
            addLostByteFinding(loss, kind: .lostByte)
            if index < findings.count { place(index, findings[index].confidence) }
        }
        for pageIndex in 0..<pageCount where supportedPages & lossyPages & (1 << UInt32(pageIndex)) != 0 {
            let bit = UInt32(1) << UInt32(pageIndex)
            // Runs the first pass did not look at through this page may still hold such a lead (`SÃO`);
            // their losses join the list after the first pass's.
            for run in runs where run.pages & bit == 0 && run.pages & (bit << 16) != 0 {
                analyse(run.range, pages: bit, onlyTwoByteLeads: true)
            }
            for pending in pendingTwoByteLosses.elements where pending.pageIndex == pageIndex && isFree(pending.utf8Range) {
                let index = findings.count
                addLostByteFinding(pending, kind: .lostAfterTwoByteLead)
                if index < findings.count { place(index, findings[index].confidence) }
            }
        }
        // Whether a control inside a word can only be a Mac OS Roman letter (`Coatl\u{87}n`): then so is every
        // control inside a word on the line (`conf\u{92}an`, which alone reads as `conf’an`).
        var macOSRomanLine = false
        for run in runs where run.pages & MojibakeScanner.windows1252Control != 0 {
            for offset in run.range.dropLast() where bytes[offset] == 0xC2 && bytes[offset + 1] < 0xA0
                && Self.isPunctuationNeverInsideWords(bytes[offset + 1]) && macOSRomanLetter(at: offset) != nil {
                macOSRomanLine = true
            }
        }
        for run in runs where run.pages & MojibakeScanner.windows1252Control != 0 {
            // C2 never continues a sequence, so each C2 80-9F met byte by byte is a C1 control.
            for offset in run.range.dropLast() where bytes[offset] == 0xC2 && bytes[offset + 1] < 0xA0 && isFree(offset..<offset + 2) {
                let index = findings.count
                addWindows1252PunctuationFinding(at: offset, macOSRomanLine: macOSRomanLine)
                if index < findings.count { place(index, .likely) }
            }
        }
        guard !chosen.isEmpty else { return false }
        if chosen.count == 1 && isLoneRingInCorrectText(chosen[0].index) { chosen[0].confidence = .guess }
        var chosenInOrder = chosen.elements
        chosenInOrder.sort { $0.utf8Range.lowerBound < $1.utf8Range.lowerBound }
        findGarbledRuns(runs, chosenInOrder: UnsafeBufferPointer(chosenInOrder), includingGuesses: includingGuesses)
        var garbled = 0
        for choice in chosenInOrder {
            let finding = findings[choice.index]
            while garbled < garbledRuns.count && garbledRuns[garbled].range.upperBound <= finding.utf8Range.lowerBound { garbled += 1 }
            if garbled < garbledRuns.count && garbledRuns[garbled].range.lowerBound <= finding.utf8Range.lowerBound
                && garbledRuns[garbled].pages & (1 << UInt32(finding.firstPage)) != 0 {
                continue
            }
            // A guess whose sequence holds U+FFFD already says one character was lost there: without guesses,
            // the mangled characters around it collapse into that one U+FFFD (`SlovenÄ�ina` -> `Sloven�ina`),
            // which claims nothing the text did not; the candidates are still listed.
            let collapses = choice.confidence == .guess && finding.damage == .replacedByte && !includingGuesses
            guard includingGuesses || choice.confidence != .guess || collapses else { continue }
            emit(MojibakeSpan(
                utf8Range: finding.utf8Range,
                original: texts.text(utf8: UnsafeBufferPointer(rebasing: bytes[finding.utf8Range])),
                replacement: collapses
                    ? texts.text(scalars: CollectionOfOne(ScalarTraits.replacementCharacter)) : texts.text(scalars: replacements[finding.replacement]),
                misreadings: finding.layers == 1 ? singleMisreadings[finding.firstPage] : misreadings(of: finding),
                damage: finding.damage,
                confidence: collapses ? .likely : choice.confidence,
                candidates: finding.candidates.isEmpty ? [] : replacements[finding.candidates].map { texts.text(scalars: CollectionOfOne($0)) }
            ))
            var written = finding.replacement
            if collapses {
                replacements.append(ScalarTraits.replacementCharacter)
                written = replacements.count - 1..<replacements.count
            }
            emitted.append(EmittedSpan(utf8Range: finding.utf8Range, written: written))
        }
        return !emitted.isEmpty && (keepsCandidateOutsideSpans || mayNeedAnotherLook(emitted: UnsafeBufferPointer(emitted.elements)))
    }

    /// Collects into ``garbledRuns`` the runs holding an applied finding and, between applied findings, a
    /// character that starts a sequence in some page followed by one that continues it there: mojibake that
    /// the findings explain only in part, reading a few of its characters as rare ones (`ã†â€™ãƒâ€`, whose
    /// `ã` and `†` begin a sequence nothing completes; ftfy's "hopeless garble"). The chosen findings of those
    /// pages in those runs are dropped: the run is left as it is. Guesses not applied cover nothing; less
    /// support from the rest of the line (once it is repaired) only covers less, so a garbled run stays so.
    private mutating func findGarbledRuns(
        _ runs: UnsafeBufferPointer<MojibakeScanner.Run>, chosenInOrder: UnsafeBufferPointer<Choice>, includingGuesses: Bool
    ) {
        garbledRuns.removeAll()
        keepsCandidateOutsideSpans = false
        var next = 0
        for run in runs {
            // What makes a line worth a look lies in a run with a candidate (``mayNeedAnotherLook(emitted:)``).
            let holdsCandidate = run.pages & (MojibakeScanner.allStarts | MojibakeScanner.windows1252Control) != 0
                || MojibakeScanner.isByteC3BeforeSpace(bytes, at: run.range.upperBound - 2, count: bytes.count)
            while next < chosenInOrder.count && chosenInOrder[next].utf8Range.lowerBound < run.range.lowerBound { next += 1 }
            // The gaps between the applied findings that start in the run; a run without one is left as it is anyway.
            var gapStart = run.range.lowerBound
            var pages: UInt32 = 0
            var coversSome = false
            while true {
                var gapEnd = run.range.upperBound
                var covered = gapEnd
                while next < chosenInOrder.count, chosenInOrder[next].utf8Range.lowerBound < run.range.upperBound {
                    let choice = chosenInOrder[next]
                    next += 1
                    guard includingGuesses || choice.confidence != .guess || findings[choice.index].damage == .replacedByte else { continue }
                    gapEnd = choice.utf8Range.lowerBound
                    covered = choice.utf8Range.upperBound
                    coversSome = true
                    break
                }
                if gapEnd > gapStart {
                    let gap = candidatePairPages(in: gapStart..<gapEnd)
                    pages |= gap.pages
                    keepsCandidateOutsideSpans = keepsCandidateOutsideSpans || holdsCandidate && gap.holdsNonASCII
                }
                guard covered < run.range.upperBound else { break }
                gapStart = covered
            }
            if coversSome && pages != 0 {
                garbledRuns.append(MojibakeScanner.Run(range: run.range, pages: pages))
                keepsCandidateOutsideSpans = true
            }
        }
    }

    /// The pages (one bit each) in which `bytes[range]` holds a character that starts a sequence followed by
    /// one that continues it.
    private mutating func candidatePairPages(in range: Range<Int>) -> (pages: UInt32, holdsNonASCII: Bool) {
        var index = range.lowerBound
        while index < range.upperBound && bytes[index] < 0x80 { index += 1 }
        let holdsNonASCII = index < range.upperBound
        var pages: UInt32 = 0
        var previousValue: UInt32 = 0
        var previousRole: UInt32 = 0
        while index < range.upperBound {
            let (value, length) = MojibakeScanner.decodeScalar(bytes, at: index)
            let role = value < 0x80 ? 0 : scanner.role(of: value)
            // The roles tell, for every page at once, whether the pair may start and continue a sequence
            // (they also count the Apple logo's stripped lead and U+FFFD); the bytes settle the few that may.
            let previousCodes = previousRole & MojibakeScanner.allStarts & role >> 8 != 0 ? scanner.codes(of: previousValue) : 0
            let codes = previousCodes != 0 ? scanner.codes(of: value) : 0
            if previousCodes != 0 && codes != 0 {
                for page in 0..<pageCount {
                    let lead = Int(previousCodes >> UInt64(8 * page) & 0xFF)
                    let next = Int(codes >> UInt64(8 * page) & 0xFF)
                    if MisreadSequence.length(ofSequenceStartingWith: lead) > 0 && MisreadSequence.isContinuation(next) {
                        pages |= 1 << UInt32(page)
                    }
                }
            }
            previousValue = value
            previousRole = role
            index += length
        }
        return (pages, holdsNonASCII)
    }

    /// Adds the finding of `à` at the end of `run`, written `Ã` (or, through Windows-1251, `Г`: byte C3) and a
    /// space, if the words around allow it.
    ///
    /// `à` is C3 A0, and A0 is a no-break space in Windows-1252, Latin-1 and Windows-1251, which text pipelines
    /// turn into a space or merge with the space after it: `voilÃ le travail`, `jusqu'Ã nos jours`,
    /// `se trouve Г l’ouest`. The next word must start with a small letter (`C O N C L U S Ã O` and `IRMÃ O`
    /// are capitals and stay), and `Ã` must end a word in small letters (`voilÃ`, `jusqu'Ã`) or be followed by
    /// two spaces, one of them the A0; a capital glued after small letters is never what the author wrote,
    /// so there `à` is the one reading, whatever else the line holds. Portuguese joins `à` to what follows:
    /// `Ã s` is `às` (but `Ã s'amuser` stays), `Ã quele` is `àquele`.
    ///
    /// A lone `Ã` and one space is also what a strict decoder leaves of `Á`, `Í`, `Ï`, `Ð` or `Ý` whose
    /// second byte it dropped, but none of those capitals stands alone as a word before a word in small
    /// letters, where `à` is one of the commonest words: so, of the candidates, only `à` fits. As `SÃO` and
    /// `NÃO É` are correct Portuguese, a lone `Ã` needs an accepted finding of its page on the line
    /// (`Ã perturber la rÃ©flexion`). Once repaired, `à` stays: a second repair never meets the `Ã` again.
    private mutating func addGraveAFinding(endingRun run: Range<Int>, supportedPages: UInt32) {
        let lead = run.upperBound - 2
        let leadValue = MojibakeScanner.decodeScalar(bytes, at: lead).value
        guard let pageIndex = (0..<pageCount).first(where: {
            scanner.code(of: leadValue, page: $0) == 0xC3 && scanner.code(of: 0xA0, page: $0) == 0xA0
        }) else { return }
        var endsWord = false
        if lead > run.lowerBound {
            var start = lead - 1
            while start > run.lowerBound && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            let previous = MojibakeScanner.decodeScalar(bytes, at: start).value
            guard ScalarTraits.isLowercase(previous) || previous == 0x27 || previous == 0x2019 else { return }
            endsWord = true
        }
        // One space may be the A0 that became a space, the next the space that followed `à`.
        let space = run.upperBound
        let twoSpaces = space + 1 < bytes.count && bytes[space + 1] == 0x20
        let word = twoSpaces ? space + 2 : space + 1
        guard word < bytes.count else { return }
        let first = MojibakeScanner.decodeScalar(bytes, at: word).value
        guard ScalarTraits.isLowercase(first) else { return }
        func nextWord(is text: String, followedBySpace: Bool) -> Bool {
            let utf8 = Array(text.utf8)
            guard word + utf8.count <= bytes.count, Array(bytes[word..<word + utf8.count]) == utf8 else { return false }
            let after = word + utf8.count
            return !followedBySpace || after == bytes.count || bytes[after] == 0x20 || bytes[after] == 0x0A
        }
        var end = twoSpaces ? space + 1 : space
        var joined: UInt32?
        if !twoSpaces && nextWord(is: "s", followedBySpace: true) {
            joined = 0x73
            end = word + 1
        } else if !twoSpaces && ["quele", "quela", "quilo"].contains(where: { nextWord(is: $0, followedBySpace: false) }) {
            end = word
        } else if !endsWord && !twoSpaces && supportedPages & (1 << UInt32(pageIndex)) == 0 {
            return
        }
        let start = replacements.count
        replacements.append(0xE0)
        if let joined { replacements.append(joined) }
        findings.append(MojibakeFinding(
            kind: .decoded,
            utf8Range: lead..<end,
            replacement: start..<replacements.count,
            peeledPages: UInt32(pageIndex),
            layers: 1,
            damage: .lostNoBreakSpace,
            evidence: MojibakeEvidence.acceptance,
            candidates: 0..<0,
            confidence: .likely
        ))
    }

    /// Adds the finding of a sequence at the end of `run` whose byte A0 became the space after it, on a line
    /// with an accepted finding of its page: the same loss as `Ã ` for `à` (``addGraveAFinding(endingRun:supportedPages:)``)
    /// for every other lead. `Ð ÑƒÑ` is `Ру` (D0 A0 is `Р`), `à¸ à¸²` is Thai `ภา` (E0 B8 A0), `namedÂ â€ž`
    /// is `named`, a no-break space and `„` (C2 A0), `Ù Ù¡` is `٠١` (D9 A0).
    ///
    /// The space is taken with the sequence. A letter must start its run, and either the mojibake go on right
    /// after the space (`Ð Ñƒ`) or the run be that lone capital starting a word of small letters (`Å veices`,
    /// Windows-1252 for `Šveices`) on a line whose repairs write letters of Latin Extended-A, as Baltic and
    /// Central European languages do (`baÅ†Ä·ieri`, `baņķieri`); elsewhere `Å ` is as likely `Ł` with its
    /// byte 81 dropped, a guess. Never after a number, where it is the Ångström sign (`10 Å thick`), nor
    /// before a one-letter word (Nordic `Å i Å`). A word's last letter before a C1 control
    /// (`\u{93}résumé\u{94} `, Windows-1252 quotes read as Latin-1) is no sequence.
    private mutating func addSpaceForNoBreakSpaceFinding(endingRun run: Range<Int>, supportedPages: UInt32) {
        var last = run.upperBound - 1
        while last > run.lowerBound && bytes[last] & 0xC0 == 0x80 { last -= 1 }
        guard bytes[last] >= 0x80 else { return }
        let lastValue = MojibakeScanner.decodeScalar(bytes, at: last).value
        var before = last - 1
        while before > run.lowerBound && bytes[before] & 0xC0 == 0x80 { before -= 1 }
        let beforeValue: UInt32? = before >= run.lowerBound && bytes[before] >= 0x80 ? MojibakeScanner.decodeScalar(bytes, at: before).value : nil
        let after = run.upperBound + 1
        let afterIsMojibake = bytes[after] >= 0x80
        // Asked only of a lone capital, the one case that needs the line's other findings.
        func startsWordOfSmallLettersOnLatinExtendedALine() -> Bool {
            before < run.lowerBound && startsWordOfSmallLetters(after) && !followsNumber(run.lowerBound)
                && chosenFindingsWriteLatinExtendedALetters()
        }
        // Each character's bytes in every page, looked up once.
        let lastCodes = scanner.codes(of: lastValue)
        let beforeCodes = beforeValue.map { scanner.codes(of: $0) } ?? 0
        for pageIndex in 0..<pageCount where supportedPages & noBreakSpacePages & (1 << UInt32(pageIndex)) != 0 {
            let lastCode = MojibakeScanner.code(in: lastCodes, page: pageIndex, value: lastValue)
            var start = last
            var value: UInt32?
            if MisreadSequence.length(ofSequenceStartingWith: lastCode) == 2 && lastCode != 0xC3 {
                value = MisreadSequence.decode(lead: lastCode, continuation: CollectionOfOne(0xA0))
            } else if let beforeValue, MisreadSequence.isContinuation(lastCode) {
                let beforeCode = MojibakeScanner.code(in: beforeCodes, page: pageIndex, value: beforeValue)
                if MisreadSequence.length(ofSequenceStartingWith: beforeCode) == 3 {
                    value = MisreadSequence.decode(lead: beforeCode, continuation: [lastCode, 0xA0])
                    start = before
                }
            }
            // A three-byte symbol is what a dropped byte leaves too (`â€ ` is `”` without its 9D as often as
            // `†` without its A0): only letters, whose word the mojibake after the space goes on with.
            guard let value, ScalarTraits.isAssignedText(value),
                  value == 0xA0 || ScalarTraits.tier(value) != .implausible
                    && (ScalarTraits.isLetter(value)
                        ? start == run.lowerBound
                            && (afterIsMojibake || ScalarTraits.isUppercase(value) && startsWordOfSmallLettersOnLatinExtendedALine())
                        : start == last)
            else { continue }
            let replacement = replacements.count
            replacements.append(value)
            findings.append(MojibakeFinding(
                kind: .decoded,
                utf8Range: start..<run.upperBound + 1,
                replacement: replacement..<replacement + 1,
                peeledPages: UInt32(pageIndex),
                layers: 1,
                damage: .lostNoBreakSpace,
                evidence: MojibakeEvidence.acceptance,
                candidates: 0..<0,
                confidence: .likely
            ))
            return
        }
    }

    /// The pages that read every certain finding no other page contests, as a mask (all pages when there is
    /// none): of two readings with the same evidence, the one of such a page wins. `MĂĄm` is `Måm` in
    /// Windows-1250 and `Mám` in ISO-8859-2, and `tĹ\u{99}etĂ\u{AD}ho` on the same line is ISO-8859-2 alone
    /// (Windows-1250 has `™` at 99). A certain finding that another page reads otherwise over the same
    /// characters (`rĂĄd` is certain either way) settles nothing.
    private mutating func pagesReadingEveryUncontestedCertainFinding(_ decoded: UnsafeMutableBufferPointer<Int>) -> UInt32 {
        var confirmed = ~UInt32(0)
        guard let first = decoded.first, decoded.contains(where: { findings[$0].firstPage != findings[first].firstPage }) else {
            return confirmed
        }
        // Findings that overlap, transitively, read the same run; rivals are among them.
        // Ranges are copied beside the indices, so that sorting and grouping read no finding.
        decodedByStart.removeAll()
        for index in decoded { decodedByStart.append((findings[index].utf8Range.lowerBound, findings[index].utf8Range.upperBound, index)) }
        var byStart = decodedByStart.elements
        byStart.sort { $0.start < $1.start }
        var groupStart = 0
        while groupStart < byStart.count {
            var groupEnd = groupStart + 1
            var end = byStart[groupStart].end
            while groupEnd < byStart.count && byStart[groupEnd].start < end {
                end = max(end, byStart[groupEnd].end)
                groupEnd += 1
            }
            // A finding alone in its group has no rival.
            for member in groupStart..<groupEnd where findings[byStart[member].index].evidence >= MojibakeEvidence.certainty {
                let index = byStart[member].index
                let contested = groupEnd - groupStart > 1 && byStart[groupStart..<groupEnd].contains { other in
                    findings[other.index].firstPage != findings[index].firstPage && findings[other.index].utf8Range == findings[index].utf8Range
                        && !replacements[findings[other.index].replacement].elementsEqual(replacements[findings[index].replacement])
                }
                if !contested { confirmed &= findings[index].alikePages }
            }
            groupStart = groupEnd
        }
        return confirmed
    }

    /// Whether finding `index` is `Ã¥` on a line whose other characters beyond ASCII are correct text.
    ///
    /// `Ã¥` is `å` read through Windows-1252 or Latin-1, and as well U+0334 (a combining tilde overlay) read
    /// through Mac OS Roman. Alone on its line, or among other mojibake, it is taken for `å` (`pÃ¥ tide`); among
    /// correct characters (`Bremer/Mccoy – DrÃ¥ber`) the mojibake is inconsistent, and ftfy's own tests hold that
    /// it is safest left as it is: a guess. Other pairs are as ambiguous in principle (`Ã©` is U+0329 through
    /// Mac OS Roman), but ftfy repairs them in such text and so do we: this one case follows its call, so that
    /// none of its negatives is changed.
    private mutating func isLoneRingInCorrectText(_ index: Int) -> Bool {
        let range = findings[index].utf8Range
        guard findings[index].kind == .decoded, findings[index].layers == 1, range.count == 4,
              bytes[range.lowerBound] == 0xC3, bytes[range.lowerBound + 1] == 0x83,
              bytes[range.lowerBound + 2] == 0xC2, bytes[range.lowerBound + 3] == 0xA5
        else { return false }
        var start = range.lowerBound
        while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
        var end = range.upperBound
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        return bytes[start..<range.lowerBound].contains { $0 >= 0x80 } || bytes[range.upperBound..<end].contains { $0 >= 0x80 }
    }

    /// Whether a finding chosen so far on the line writes a letter of Latin Extended-A (U+0100-U+017F).
    private mutating func chosenFindingsWriteLatinExtendedALetters() -> Bool {
        chosen.elements.contains { choice in
            choice.confidence != .guess && replacements[findings[choice.index].replacement].contains { (0x100...0x17F).contains($0) }
        }
    }

    /// Whether two or more ASCII small letters start at `offset` and end a word there (`veices`, not `i`).
    private mutating func startsWordOfSmallLetters(_ offset: Int) -> Bool {
        var end = offset
        while end < bytes.count && (0x61...0x7A).contains(bytes[end]) { end += 1 }
        return end - offset >= 2 && (end == bytes.count || !ScalarTraits.isASCIIAlphanumeric(UInt32(bytes[end])))
    }

    /// Whether a number, then spaces, stands before `offset` (`10 Å`).
    private mutating func followsNumber(_ offset: Int) -> Bool {
        var index = offset - 1
        while index >= 0 && bytes[index] == 0x20 { index -= 1 }
        return index >= 0 && (0x30...0x39).contains(bytes[index])
    }

    /// Adds the finding of the C1 control at `offset` as the Windows-1252 character of its byte: Windows-1252
    /// text read as Latin-1 (`\u{84}Handwerk … hin\u{93}` for `„Handwerk … hin“`). Correct text never holds
    /// these controls; resolved after every UTF-8 reading, so that one inside UTF-8 mojibake (`â\u{80}\u{9C}`
    /// for `“`) is decoded as part of it, and only the ones left (`quotes\u{85}\u{94}` on the same line)
    /// become punctuation. The undefined bytes 81, 8D, 8F, 90 and 9D stay controls.
    ///
    /// Between two small letters, a control whose Windows-1252 character never stands inside a word, or `’`
    /// where no contraction or elision could put it (`tur\u{92}stico`), is the Mac OS Roman letter of its
    /// byte: Mac OS Roman text read as Latin-1 (`turístico`). So is every control inside a word on a line
    /// where one is (`macOSRomanLine`).
    private mutating func addWindows1252PunctuationFinding(at offset: Int, macOSRomanLine: Bool) {
        let byte = bytes[offset + 1]
        if let (letter, pageIndex) = macOSRomanLetter(at: offset),
           macOSRomanLine || Self.isPunctuationNeverInsideWords(byte) || byte == 0x92 && !isApostropheInsideWord(at: offset) {
            let start = replacements.count
            replacements.append(letter)
            findings.append(MojibakeFinding(
                kind: .decoded, utf8Range: offset..<offset + 2, replacement: start..<start + 1, peeledPages: UInt32(pageIndex),
                layers: 1, damage: .macOSRomanReadAsLatin1, evidence: MojibakeEvidence.acceptance, candidates: 0..<0,
                confidence: .likely
            ))
            return
        }
        guard let character = CodePage.windows1252.character(forByte: byte),
              let pageIndex = (0..<pageCount).first(where: { scanner.code(of: UInt32(byte), page: $0) == Int(byte) })
        else { return }
        let start = replacements.count
        replacements.append(character.value)
        findings.append(MojibakeFinding(
            kind: .decoded,
            utf8Range: offset..<offset + 2,
            replacement: start..<start + 1,
            peeledPages: UInt32(pageIndex),
            layers: 1,
            damage: .windows1252ReadAsLatin1,
            evidence: MojibakeEvidence.acceptance,
            candidates: 0..<0,
            confidence: .likely
        ))
    }

    /// The Mac OS Roman small letter of the C1 control at `offset` (C2 and its byte) and Mac OS Roman's page
    /// index, when the control stands between two ASCII small letters and the scan reads Mac OS Roman.
    private mutating func macOSRomanLetter(at offset: Int) -> (UInt32, Int)? {
        guard offset > 0, offset + 2 < bytes.count,
              (0x61...0x7A).contains(bytes[offset - 1]), (0x61...0x7A).contains(bytes[offset + 2]),
              let letter = CodePage.macOSRoman.character(forByte: bytes[offset + 1]), ScalarTraits.isLowercase(letter.value),
              let pageIndex = scanner.pages.firstIndex(of: .macOSRoman)
        else { return nil }
        return (letter.value, pageIndex)
    }

    /// Whether Windows-1252's character of `byte` (80-9F) is punctuation that never stands between two
    /// letters of a word: `‡ ˆ ‰ ‹ “ ” • ™ ›`. Its letters (`š`, `ž`, `œ`), quotes that may close a word and
    /// dashes that may join two are not.
    private static func isPunctuationNeverInsideWords(_ byte: UInt8) -> Bool {
        [0x87, 0x88, 0x89, 0x8B, 0x93, 0x94, 0x95, 0x99, 0x9B].contains(byte)
    }

    /// Whether `’` (the C1 control 92 at `offset`) can be an apostrophe: a contraction (`don’t`, `it’s`,
    /// `we’re`, `rock’n’roll`), an elision before a vowel or `h` (`l’homme`, `dell’anno`), or after one letter
    /// (`o’clock`).
    private mutating func isApostropheInsideWord(at offset: Int) -> Bool {
        var wordStart = offset
        while wordStart > 0 && (0x61...0x7A).contains(bytes[wordStart - 1]) { wordStart -= 1 }
        if offset - wordStart == 1 { return true }
        var end = offset + 2
        while end < bytes.count && (0x61...0x7A).contains(bytes[end]) { end += 1 }
        let after = bytes[(offset + 2)..<end]
        if let first = after.first, [0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0x68].contains(first) { return true }
        return after.count <= 2 && ["s", "t", "d", "m", "n", "ll", "re", "ve"].contains(String(decoding: UnsafeBufferPointer(rebasing: after), as: UTF8.self))
    }

    /// The code pages of a finding of several layers, in the order the misreadings happened.
    private mutating func misreadings(of finding: MojibakeFinding) -> [CodePage] {
        if let known = layeredMisreadings.first(where: { $0.peeledPages == finding.peeledPages && $0.layers == finding.layers }) {
            return known.misreadings
        }
        let misreadings = finding.pagesInHistoryOrder.map { scanner.pages[$0] }
        layeredMisreadings.append((finding.peeledPages, finding.layers, misreadings))
        return misreadings
    }

    /// Decodes the run's characters into `scalars`, with their offsets and packed page bytes. The buffers are
    /// first sized for one character per byte, the most there can be, then cut to the count.
    private mutating func load(_ run: Range<Int>) {
        scalars.resize(to: run.count)
        offsets.resize(to: run.count + 1)
        packedCodes.resize(to: run.count)
        var position = 0
        var index = run.lowerBound
        while index < run.upperBound {
            let (value, length) = MojibakeScanner.decodeScalar(bytes, at: index)
            scalars[position] = value
            offsets[position] = index
            packedCodes[position] = scanner.codes(of: value)
            position += 1
            index += length
        }
        offsets[position] = run.upperBound
        scalars.resize(to: position)
        offsets.resize(to: position + 1)
        packedCodes.resize(to: position)
    }

    /// Each character's byte in page `pageIndex` into `codes`.
    private mutating func encode(through pageIndex: Int) {
        codes.resize(to: scalars.count)
        for index in scalars.indices {
            let value = scalars[index]
            codes[index] = value == ScalarTraits.replacementCharacter
                ? Self.replacedByte : MojibakeScanner.code(in: packedCodes[index], page: pageIndex, value: value)
        }
    }

    /// Whether pages `pageIndex` and `other` give every character of the run the same byte.
    private mutating func sameCodes(_ pageIndex: Int, _ other: Int) -> Bool {
        let (shift, otherShift) = (UInt64(8 * pageIndex), UInt64(8 * other))
        return packedCodes.elements.allSatisfy { ($0 >> shift ^ $0 >> otherShift) & 0xFF == 0 }
    }

    /// Adds the run's findings for the pages in the bit set `pages`; with `onlyTwoByteLeads`, only the
    /// dropped continuation bytes after two-byte leads. A run met before is not analysed again (``runAnalyses``).
    private mutating func analyse(_ run: Range<Int>, pages: UInt32, onlyTwoByteLeads: Bool = false) {
        let key = onlyTwoByteLeads ? pages | 1 << 31 : pages
        guard cachesRunAnalyses, run.count <= RunAnalysisCache.longestRun else { return analyseAfresh(run, pages: pages, onlyTwoByteLeads: onlyTwoByteLeads) }
        let runBytes = UnsafeBufferPointer(rebasing: bytes[run])
        let hash = RunAnalysisCache.hash(runBytes, pages: key)
        if let slot = runAnalyses.slot(of: runBytes, pages: key, hash: hash) {
            runAnalyses.replay(
                slot, at: run, findings: &findings, replacements: &replacements, twoByteLosses: &pendingTwoByteLosses,
                lostBytes: &pendingLostBytes, lostItems: &lostItems
            )
            return
        }
        let (firstFinding, firstReplacement, firstTwoByteLoss, firstLostByte, firstLostItem) =
            (findings.count, replacements.count, pendingTwoByteLosses.count, pendingLostBytes.count, lostItems.count)
        analyseAfresh(run, pages: pages, onlyTwoByteLeads: onlyTwoByteLeads)
        runAnalyses.keep(
            run, of: bytes, pages: key, hash: hash, findings: findings, from: firstFinding, replacements: replacements, from: firstReplacement,
            twoByteLosses: pendingTwoByteLosses, from: firstTwoByteLoss, lostBytes: pendingLostBytes, from: firstLostByte,
            lostItems: lostItems, from: firstLostItem
        )
    }

    /// ``analyse(_:pages:onlyTwoByteLeads:)`` of a run not met before.
    private mutating func analyseAfresh(_ run: Range<Int>, pages: UInt32, onlyTwoByteLeads: Bool) {
        load(run)
        var analysed: UInt32 = 0
        let firstFinding = findings.count
        pages: for pageIndex in 0..<pageCount where pages & (1 << UInt32(pageIndex)) != 0 {
            if pageIndex >= primaryPageCount && !onlyTwoByteLeads && primaryFindingsExplainRun(run, from: firstFinding) { break }
            if settledByWindows1252 & (1 << UInt32(pageIndex)) != 0 && !onlyTwoByteLeads
                && primaryFindingsExplainRun(run, from: firstFinding, evidence: MojibakeEvidence.certainty) {
                continue
            }
            // Latin-1 and Windows-1252 agree on most runs; the same bytes need one look.
            for earlier in 0..<pageIndex where analysed & (1 << UInt32(earlier)) != 0 && sameCodes(pageIndex, earlier) {
                continue pages
            }
            analysed |= 1 << UInt32(pageIndex)
            encode(through: pageIndex)
            MisreadSequence.find(in: UnsafeBufferPointer(codes.elements), stripsAppleLogo: stripsAppleLogo[pageIndex], into: &sequences)
            if !onlyTwoByteLeads && !sequences.isEmpty {
                addDecodedFindings(pageIndex: pageIndex)
            }
            if lossyPages & (1 << UInt32(pageIndex)) != 0 {
                addLostByteFindingsAroundSequences(pageIndex: pageIndex, onlyTwoByteLeads: onlyTwoByteLeads)
            }
        }
    }

    /// Whether the decoded findings of the primary pages from `firstFinding` on with at least `threshold`
    /// evidence cover every non-ASCII character of `run`. Accepted ones (the default) explaining it, the
    /// secondary pages, which would only add readings of the same bytes (`Ã©` is `é` in Windows-1250 too), are
    /// not tried, and mojibake of the common pages costs what it did before they were added. A run they leave
    /// unexplained (`ZaĹĽĂłĹ‚Ä‡`, whose `Ä‡` alone Windows-1252 reads) is tried through every page. Certain
    /// ones explaining it after Windows-1252, Latin-1 and Mac OS Roman are not tried either
    /// (``settledByWindows1252``): Latin-1 reads such a run as the same characters or not at all, and Mac OS
    /// Roman at best as other characters from the same bytes, most often a combining mark (`Ãâ` is U+0309
    /// there); trying them was a fifth of the close look at text mangled through Windows-1252.
    private mutating func primaryFindingsExplainRun(
        _ run: Range<Int>, from firstFinding: Int, evidence threshold: Int = MojibakeEvidence.acceptance
    ) -> Bool {
        guard firstFinding < findings.count else { return false }
        // Most runs hold one word of mojibake that one finding covers from its first non-ASCII byte to its last.
        var firstNonASCII = run.lowerBound
        while firstNonASCII < run.upperBound && bytes[firstNonASCII] < 0x80 { firstNonASCII += 1 }
        var lastNonASCII = run.upperBound - 1
        while lastNonASCII > firstNonASCII && bytes[lastNonASCII] < 0x80 { lastNonASCII -= 1 }
        // Only the primary pages' findings count: one secondary page explaining the run (`MĂĄm` is `Måm` in
        // Windows-1250) must not keep the next from reading it better (`Mám` in ISO-8859-2).
        for index in firstFinding..<findings.count
        where findings[index].kind == .decoded && findings[index].evidence >= threshold
            && findings[index].firstPage < primaryPageCount
            && findings[index].utf8Range.lowerBound <= firstNonASCII && findings[index].utf8Range.upperBound > lastNonASCII {
            return true
        }
        runCoverage.resize(to: (run.count + 63) / 64)
        runCoverage.elements.update(repeating: 0)
        for index in firstFinding..<findings.count
        where findings[index].kind == .decoded && findings[index].evidence >= threshold
            && findings[index].firstPage < primaryPageCount {
            for offset in findings[index].utf8Range.lowerBound - run.lowerBound..<findings[index].utf8Range.upperBound - run.lowerBound {
                runCoverage[offset >> 6] |= 1 << UInt64(offset & 63)
            }
        }
        for offset in 0..<run.count where bytes[run.lowerBound + offset] >= 0x80 {
            if runCoverage[offset >> 6] >> UInt64(offset & 63) & 1 == 0 { return false }
        }
        return true
    }

    /// The characters around sequence `index` of `sequences`, read as decoded where sequences touch.
    private mutating func neighbours(of index: Int) -> MojibakeEvidence.Neighbours {
        let sequence = sequences[index]
        var around = MojibakeEvidence.Neighbours()
        if index > 0 && sequences[index - 1].end == sequence.start {
            around.previous = sequences[index - 1].value
            let before = sequences[index - 1].start
            around.beforePrevious = index > 1 && sequences[index - 2].end == before
                ? sequences[index - 2].value : before > 0 ? scalars[before - 1] : nil
        } else if sequence.start > 0 {
            around.previous = scalars[sequence.start - 1]
            around.beforePrevious = sequence.start > 1 ? scalars[sequence.start - 2] : nil
        }
        if index + 1 < sequences.count && sequences[index + 1].start == sequence.end {
            around.next = sequences[index + 1].value
        } else if sequence.end < scalars.count {
            around.next = scalars[sequence.end]
        }
        return around
    }

    /// Groups `sequences` that touch or are separated only by ASCII letters and digits (one word), and
    /// makes a finding of each group.
    private mutating func addDecodedFindings(pageIndex: Int) {
        var groupStart = 0
        for index in sequences.indices {
            let isLast = index + 1 == sequences.count
            if !isLast && scalars[sequences[index].end..<sequences[index + 1].start].allSatisfy(ScalarTraits.isASCIIAlphanumeric) {
                continue
            }
            addDecodedFinding(group: groupStart...index, pageIndex: pageIndex)
            groupStart = index + 1
        }
    }

    private mutating func addDecodedFinding(group: ClosedRange<Int>, pageIndex: Int) {
        var evidence = 0
        // The scratch buffers are used in place (disjoint stored properties), sparing copies and releases.
        decodedScalars.removeAll()
        var stripped = false
        var surrogates = false
        for index in group {
            let sequence = sequences[index]
            if index > group.lowerBound {
                let gap = sequences[index - 1].end..<sequence.start
                // Sequences that touch (`Ã©Ã¨`, the parts of an emoji sequence) support each other.
                if gap.isEmpty { evidence += 1 }
                decodedScalars.append(contentsOf: scalars[gap])
            }
            decodedScalars.append(sequence.value)
            stripped = stripped || sequence.strippedLead
            surrogates = surrogates || sequence.byteCount == 6
        }
        var peeled = UInt32(pageIndex)
        var layers = 1
        // A layer that reads as a Cyrillic or Greek word is the text (`Ёлка`, which code page 866 would read
        // again as one CJK character): words of those scripts are lead and continuation bytes in their pages.
        while layers < 4, !Self.isWordOfCyrillicOrGreekLetters(decodedScalars.elements),
              let layer = scanner.peelCompletely(
                  UnsafeBufferPointer(decodedScalars.elements), into: &peeledScalars, codes: &peelCodes, sequences: &peelSequences
              ) {
            peeled |= UInt32(layer.pageIndex) << UInt32(4 * layers)
            layers += 1
            swap(&decodedScalars, &peeledScalars)
            stripped = stripped || layer.stripped
            evidence += MojibakeEvidence.perExtraLayer
        }
        // A result with an implausible character is never chosen, so it is not scored.
        let table = ScalarTraits.Entry.table
        guard decodedScalars.elements.allSatisfy({ ScalarTraits.tier($0, in: table) != .implausible }) else { return }
        let characters = UnsafeBufferPointer(scalars.elements)
        for index in group {
            let sequence = sequences[index]
            evidence += MojibakeEvidence.points(
                for: sequence,
                mangled: UnsafeBufferPointer(rebasing: characters[sequence.start..<sequence.end]),
                leadByte: codes[sequence.start],
                around: neighbours(of: index),
                strandsContinuation: strandsContinuation(index),
                undecodedNeighbours: undecodedNeighbours(of: index)
            )
        }
        let replacement = keepDecodedReplacement()
        let covered = sequences[group.lowerBound].start..<sequences[group.upperBound].end
        // The characters' bytes in every page are at hand: the pages reading them alike cost a compare each.
        var alike: UInt32 = layers == 1 ? (1 << UInt32(pageCount)) - 1 : 0
        if layers == 1 {
            for index in covered where scalars[index] >= 0x80 {
                alike &= MojibakeScanner.pagesReadingByte(in: packedCodes[index], asPage: pageIndex)
            }
        }
        findings.append(MojibakeFinding(
            kind: .decoded,
            utf8Range: offsets[covered.lowerBound]..<offsets[covered.upperBound],
            replacement: replacement,
            peeledPages: peeled,
            layers: layers,
            damage: stripped ? .strippedAppleLogo : surrogates ? .separatelyEncodedSurrogates : .none,
            evidence: evidence,
            candidates: 0..<0,
            confidence: .likely,
            alikePages: alike | 1 << UInt32(pageIndex)
        ))
    }

    /// Whether a character standing for a continuation byte follows sequence `index` and starts no sequence
    /// of its own: decoding there leaves a byte that belongs to nothing (`caféŸ‘‹` read as `caf韑‹`).
    private mutating func strandsContinuation(_ index: Int) -> Bool {
        let end = sequences[index].end
        guard end < codes.count, MisreadSequence.isContinuation(codes[end]) else { return false }
        return !(index + 1 < sequences.count && sequences[index + 1].start == end)
    }

    /// Whether `scalars` are letters of one script, Cyrillic or Greek.
    private static func isWordOfCyrillicOrGreekLetters(_ scalars: UnsafeMutableBufferPointer<UInt32>) -> Bool {
        // Most layers are Latin or emoji: the blocks are checked by value before the table is read.
        guard let first = scalars.first, (0x370...0x52F).contains(first) || (0x1F00...0x1FFF).contains(first),
              ScalarTraits.isLetter(first)
        else { return false }
        let script = ScalarTraits.script(first)
        guard script == .cyrillic || script == .greek else { return false }
        return scalars.allSatisfy { ScalarTraits.isLetter($0) && ScalarTraits.script($0) == script }
    }

    /// The characters right before and after sequence `index` that no sequence explains, so that they stand
    /// as written (`Рідна`: `д` after the pair `Рі`); `nil` at the run's edge or where a sequence touches.
    private mutating func undecodedNeighbours(of index: Int) -> (previous: UInt32?, next: UInt32?) {
        let sequence = sequences[index]
        let previousIsDecoded = index > 0 && sequences[index - 1].end == sequence.start
        let nextIsDecoded = index + 1 < sequences.count && sequences[index + 1].start == sequence.end
        return (
            sequence.start > 0 && !previousIsDecoded ? scalars[sequence.start - 1] : nil,
            sequence.end < scalars.count && !nextIsDecoded ? scalars[sequence.end] : nil
        )
    }

    /// Keeps `decodedScalars` in the shared replacement buffer and returns where they are.
    private mutating func keepDecodedReplacement() -> Range<Int> {
        let start = replacements.count
        replacements.append(contentsOf: decodedScalars.elements)
        return start..<replacements.count
    }

    /// Looks for sequences a strict decoder shortened: a lead followed by continuations with one byte
    /// dropped, or with U+FFFD in place of a byte.
    private mutating func addLostByteFindingsAroundSequences(pageIndex: Int, onlyTwoByteLeads: Bool) {
        let lossy = lossyContinuations[pageIndex]
        var sequenceIndex = 0
        var index = 0
        while index < scalars.count {
            while sequenceIndex < sequences.count && sequences[sequenceIndex].end <= index { sequenceIndex += 1 }
            let nextSequenceStart = sequenceIndex < sequences.count ? sequences[sequenceIndex].start : scalars.count
            if nextSequenceStart <= index {
                index = sequences[sequenceIndex].end
                continue
            }
            let lead = codes[index]
            let length = MisreadSequence.length(ofSequenceStartingWith: lead)
            guard length > 0 else {
                index += 1
                continue
            }
            var end = index + 1
            while end < nextSequenceStart && end - index < length
                && (codes[end] == Self.replacedByte || MisreadSequence.isContinuation(codes[end]) && lossy >> UInt64(codes[end] - 0x80) & 1 == 0) {
                end += 1
            }
            // `иї` in `Київ` is E8 BF in Windows-1251, a three-byte lead and one continuation: letters of a
            // Cyrillic or Greek word are lead and continuation bytes in their pages, not a shortened sequence.
            if end - index >= 2, Self.isWordOfCyrillicOrGreekLetters(UnsafeMutableBufferPointer(rebasing: scalars.elements[index..<end])) {
                index = end
                continue
            }
            let items = codes[index + 1..<end]
            var replaced = 0
            for item in items where item == Self.replacedByte { replaced += 1 }
            let missing = length - 1 - items.count
            var damage = MojibakeSpan.Damage.droppedByte
            if length == 2 && items.isEmpty {
                // Judged only where the line confirms the code page (`SÃO` is correct Portuguese).
                pendingTwoByteLosses.append(PendingLoss(
                    lead: lead, items: 0..<0, missing: 1, damage: damage, around: neighbours(ofLoss: index..<end),
                    utf8Range: offsets[index]..<offsets[end], pageIndex: pageIndex
                ))
                index = end
                continue
            }
            if onlyTwoByteLeads {
                index += 1
                continue
            }
            if replaced > 0 && replaced <= 2 && missing == 0 {
                damage = .replacedByte
            } else if !(replaced == 0 && !items.isEmpty && length >= 3
                        // One byte lost, or two after the emoji prefix F0 9F.
                        && (missing == 1 || missing == 2 && lead == 0xF0 && items.count == 1 && items.first == 0x9F)
                        && looksDropped(lead: lead, items: index + 1..<end, endsWord: endsWordOfLetters(index, sequenceIndex))) {
                index += 1
                continue
            }
            let itemsStart = lostItems.count
            lostItems.append(contentsOf: items)
            pendingLostBytes.append(PendingLoss(
                lead: lead, items: itemsStart..<lostItems.count, missing: damage == .replacedByte ? 0 : missing, damage: damage,
                around: neighbours(ofLoss: index..<end), utf8Range: offsets[index]..<offsets[end], pageIndex: pageIndex
            ))
            index = end
        }
    }

    /// The characters around a shortened sequence at `range` of the run.
    private mutating func neighbours(ofLoss range: Range<Int>) -> MojibakeEvidence.Neighbours {
        MojibakeEvidence.Neighbours(
            previous: range.lowerBound > 0 ? scalars[range.lowerBound - 1] : nil,
            beforePrevious: range.lowerBound > 1 ? scalars[range.lowerBound - 2] : nil,
            next: range.upperBound < scalars.count ? scalars[range.upperBound] : nil
        )
    }

    /// Calls `body` with every byte sequence a shortened sequence may have been after its lead: its surviving
    /// `items` in order, each U+FFFD (``replacedByte``) replaced by a byte of `lossy`, with `missing` bytes of
    /// `lossy` inserted anywhere. A sequence may come more than once; callers keep distinct characters.
    private static func forEachVariant(
        items: UnsafeBufferPointer<Int>, missing: Int, lossy: [Int], _ body: (UnsafeBufferPointer<Int>) -> Void
    ) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: items.count + missing) { variant in
            // Fills `variant` from `position` on, with the items from `item` on and `missing` insertions left.
            func fill(_ position: Int, _ item: Int, _ missing: Int) {
                guard item < items.count || missing > 0 else {
                    body(UnsafeBufferPointer(rebasing: variant[..<position]))
                    return
                }
                if missing > 0 {
                    for byte in lossy {
                        variant[position] = byte
                        fill(position + 1, item, missing - 1)
                    }
                }
                guard item < items.count else { return }
                if items[item] == replacedByte {
                    for byte in lossy {
                        variant[position] = byte
                        fill(position + 1, item + 1, missing)
                    }
                } else {
                    variant[position] = items[item]
                    fill(position + 1, item + 1, missing)
                }
            }
            fill(0, 0, missing)
        }
    }

    /// Whether a lead and too few continuation characters look like a shortened sequence rather than an
    /// accented letter ending a word before punctuation (`«café»`, `voilà…`, `café’s`, `está—dijo`).
    ///
    /// - Parameter endsWord: whether the lead is a Latin letter right after another one that no sequence
    ///   explains: the last letter of a word, so that punctuation after it is punctuation.
    private mutating func looksDropped(lead: Int, items: Range<Int>, endsWord: Bool) -> Bool {
        if lead == 0xF0 && codes[items.lowerBound] == 0x9F { return true }
        let nextIsLetter = items.upperBound < scalars.count && ScalarTraits.isLetter(scalars[items.upperBound])
        if scalars[items].allSatisfy(ScalarTraits.followsWords) && !nextIsLetter { return false }
        return !(endsWord && scalars[items].allSatisfy(ScalarTraits.isPunctuationAfterLetters))
    }

    /// Whether the character at `index` is a Latin letter following a Latin letter that is not the end of
    /// one of `sequences` (those before `sequenceIndex` end at or before `index`).
    private mutating func endsWordOfLetters(_ index: Int, _ sequenceIndex: Int) -> Bool {
        guard index > 0, ScalarTraits.script(scalars[index]) == .latin, ScalarTraits.script(scalars[index - 1]) == .latin,
              ScalarTraits.isLetter(scalars[index - 1])
        else { return false }
        return sequenceIndex == 0 || sequences[sequenceIndex - 1].end != index
    }

    /// Adds the finding of a shortened sequence: the characters it may have been, if any.
    private mutating func addLostByteFinding(_ loss: PendingLoss, kind: MojibakeFinding.Kind) {
        let around = loss.around
        valid.removeAll()
        // `lostItems` does not change while its elements are read here.
        let items = UnsafeBufferPointer(rebasing: lostItems.elements[loss.items])
        Self.forEachVariant(items: items, missing: loss.missing, lossy: lossyBytes[loss.pageIndex]) { variant in
            guard let value = MisreadSequence.decode(lead: loss.lead, continuation: variant),
                  MojibakeEvidence.couldStand(value, around: around), !valid.elements.contains(value),
                  // Long sequences are guessed only among common characters, or every rare script would fit.
                  variant.count == 1 || ScalarTraits.tier(value) == .common
            else { return }
            valid.append(value)
        }
        guard !valid.isEmpty else { return }
        // Only a sole possible character is applied; the ones that fit the context come first, each group
        // ordered by tier and value. They are kept in the shared buffer; the first is the replacement.
        let start = replacements.count
        for value in valid.elements where MojibakeEvidence.fits(value, around: around) { replacements.append(value) }
        let fittingEnd = replacements.count
        for value in valid.elements where !replacements[start..<fittingEnd].contains(value) { replacements.append(value) }
        let candidates = replacements.elements
        candidates[start..<fittingEnd].sort { (ScalarTraits.tier($0), $0) < (ScalarTraits.tier($1), $1) }
        candidates[fittingEnd..<candidates.count].sort { (ScalarTraits.tier($0), $0) < (ScalarTraits.tier($1), $1) }
        let stored = start..<replacements.count
        let fittingCount = fittingEnd - start
        findings.append(MojibakeFinding(
            kind: kind,
            utf8Range: loss.utf8Range,
            replacement: stored.lowerBound..<stored.lowerBound + 1,
            peeledPages: UInt32(loss.pageIndex),
            layers: 1,
            damage: loss.damage,
            evidence: 0,
            candidates: stored,
            confidence: valid.count == 1 && fittingCount == 1 ? .likely : .guess
        ))
    }
}
