/// The close look at one line that holds a candidate pair: every run between white space that may hold
/// a misread sequence is decoded through every code page, scored, and peeled layer by layer; then the
/// line's findings are resolved against each other.
struct MojibakeLine {
    let bytes: UnsafeBufferPointer<UInt8>
    let range: Range<Int>
    let scanner: MojibakeScanner
    private var scalars: [UInt32] = []
    private var offsets: [Int] = []
    private var codes: [Int] = []
    private var findings: [MojibakeFinding] = []
    /// Stands for U+FFFD in `codes`: a byte the decoder replaced.
    private static let replacedByte = -2

    init(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, scanner: MojibakeScanner) {
        self.bytes = bytes
        self.range = range
        self.scanner = scanner
    }

    /// The line's spans, in order.
    mutating func resolve() -> [MojibakeSpan] {
        let runs = self.runs()
        for run in runs where scanner.mayHoldSequence(bytes, in: run) {
            analyse(run)
        }
        var chosen: [MojibakeFinding] = []
        var confidences: [MojibakeSpan.Confidence] = []
        func place(_ finding: MojibakeFinding, _ confidence: MojibakeSpan.Confidence) {
            guard !chosen.contains(where: finding.overlaps) else { return }
            chosen.append(finding)
            confidences.append(confidence)
        }
        let decoded = findings
            .filter { $0.kind == .decoded && $0.plausibleResult }
            .sorted { ($0.evidence, -$0.firstPage, -$0.utf8Range.lowerBound) > ($1.evidence, -$1.firstPage, -$1.utf8Range.lowerBound) }
        for finding in decoded where finding.evidence >= MojibakeEvidence.acceptance {
            let certain = finding.layers > 1 || finding.evidence >= MojibakeEvidence.certainty
            place(finding, certain ? .certain : .likely)
        }
        let supportedPages = Set(chosen.map(\.firstPage))
        for finding in decoded
        where finding.evidence >= MojibakeEvidence.support && supportedPages.contains(finding.firstPage) {
            place(finding, .likely)
        }
        for finding in findings where finding.kind == .lostByte {
            place(finding, finding.confidence)
        }
        for pageIndex in supportedPages where !scanner.pages[pageIndex].bytesLostByStrictDecoders.isEmpty {
            findings.removeAll()
            for run in runs { analyse(run, droppedAfterTwoByteLead: pageIndex) }
            for finding in findings { place(finding, finding.confidence) }
        }
        return zip(chosen, confidences)
            .sorted { $0.0.utf8Range.lowerBound < $1.0.utf8Range.lowerBound }
            .map { finding, confidence in
                MojibakeSpan(
                    utf8Range: finding.utf8Range,
                    original: String(decoding: UnsafeBufferPointer(rebasing: bytes[finding.utf8Range]), as: UTF8.self),
                    replacement: finding.replacement,
                    misreadings: finding.peeledPages.reversed().map { scanner.pages[$0] },
                    damage: finding.damage,
                    confidence: confidence,
                    candidates: finding.candidates
                )
            }
    }

    /// The runs of the line between ASCII white space.
    private func runs() -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = range.lowerBound
        for index in range {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C {
                if start < index { runs.append(start..<index) }
                start = index + 1
            }
        }
        if start < range.upperBound { runs.append(start..<range.upperBound) }
        return runs
    }

    /// Decodes the run's characters into `scalars`, with their byte offsets (one more, for the end).
    private mutating func load(_ run: Range<Int>) {
        scalars.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        var index = run.lowerBound
        while index < run.upperBound {
            let (value, length) = MojibakeScanner.decodeScalar(bytes, at: index)
            scalars.append(value)
            offsets.append(index)
            index += length
        }
        offsets.append(run.upperBound)
    }

    private mutating func encode(through pageIndex: Int) {
        let page = scanner.pages[pageIndex]
        codes.removeAll(keepingCapacity: true)
        for value in scalars {
            if value == ScalarTraits.replacementCharacter {
                codes.append(Self.replacedByte)
            } else {
                codes.append(Unicode.Scalar(value).flatMap(page.byte(for:)).map(Int.init) ?? -1)
            }
        }
    }

    /// Adds the run's findings, or, with `droppedAfterTwoByteLead`, only the dropped continuation bytes
    /// after two-byte leads of that page (looked for only on lines where the page is already confirmed).
    private mutating func analyse(_ run: Range<Int>, droppedAfterTwoByteLead: Int? = nil) {
        load(run)
        for pageIndex in scanner.pages.indices where droppedAfterTwoByteLead == nil || droppedAfterTwoByteLead == pageIndex {
            encode(through: pageIndex)
            let sequences = MisreadSequence.find(in: codes[...], stripsAppleLogo: scanner.stripsAppleLogo[pageIndex])
            if droppedAfterTwoByteLead == nil && !sequences.isEmpty {
                addDecodedFindings(sequences, pageIndex: pageIndex)
            }
            if !scanner.pages[pageIndex].bytesLostByStrictDecoders.isEmpty {
                addLostByteFindings(around: sequences, pageIndex: pageIndex, twoByteLeads: droppedAfterTwoByteLead != nil)
            }
        }
    }

    private func neighbours(of index: Int, in sequences: [MisreadSequence]) -> MojibakeEvidence.Neighbours {
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

    /// Groups sequences that touch or are separated only by ASCII letters and digits (one word), and
    /// makes a finding of each group.
    private mutating func addDecodedFindings(_ sequences: [MisreadSequence], pageIndex: Int) {
        var groupStart = 0
        for index in sequences.indices {
            let isLast = index + 1 == sequences.count
            if !isLast && scalars[sequences[index].end..<sequences[index + 1].start].allSatisfy(ScalarTraits.isASCIIAlphanumeric) {
                continue
            }
            addDecodedFinding(sequences, group: groupStart...index, pageIndex: pageIndex)
            groupStart = index + 1
        }
    }

    private mutating func addDecodedFinding(_ sequences: [MisreadSequence], group: ClosedRange<Int>, pageIndex: Int) {
        var evidence = 0
        var result: [UInt32] = []
        var stripped = false
        for index in group {
            let sequence = sequences[index]
            if index > group.lowerBound {
                let gap = scalars[sequences[index - 1].end..<sequence.start]
                // Sequences that touch (`Ã©Ã¨`, the parts of an emoji sequence) support each other.
                if gap.isEmpty { evidence += 1 }
                result += gap
            }
            result.append(sequence.value)
            stripped = stripped || sequence.strippedLead
            evidence += MojibakeEvidence.points(
                for: sequence,
                mangled: scalars[sequence.start..<sequence.end],
                leadByte: codes[sequence.start],
                around: neighbours(of: index, in: sequences)
            )
        }
        var peeled = [pageIndex]
        while peeled.count < 4, let layer = scanner.peelCompletely(result) {
            peeled.append(layer.pageIndex)
            result = layer.scalars
            stripped = stripped || layer.stripped
            evidence += MojibakeEvidence.perExtraLayer
        }
        findings.append(MojibakeFinding(
            kind: .decoded,
            utf8Range: offsets[sequences[group.lowerBound].start]..<offsets[sequences[group.upperBound].end],
            replacement: String(String.UnicodeScalarView(result.compactMap(Unicode.Scalar.init))),
            peeledPages: peeled,
            damage: stripped ? .strippedAppleLogo : .none,
            evidence: evidence,
            candidates: [],
            confidence: .likely,
            plausibleResult: result.allSatisfy { ScalarTraits.tier($0) != .implausible }
        ))
    }

    /// Looks for sequences a strict decoder shortened: a lead followed by continuations with one byte
    /// dropped, or with U+FFFD in place of a byte.
    private mutating func addLostByteFindings(around sequences: [MisreadSequence], pageIndex: Int, twoByteLeads: Bool) {
        let lossy = scanner.pages[pageIndex].bytesLostByStrictDecoders.map(Int.init)
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
            var end = index + 1
            while end < nextSequenceStart && end - index < length
                && (codes[end] == Self.replacedByte || MisreadSequence.isContinuation(codes[end]) && !lossy.contains(codes[end])) {
                end += 1
            }
            let items = Array(codes[index + 1..<end])
            let replaced = items.filter { $0 == Self.replacedByte }.count
            var variants: [[Int]] = []
            var damage = MojibakeSpan.Damage.droppedByte
            if length > 0 && replaced > 0 && replaced <= 2 && items.count == length - 1 && !twoByteLeads {
                damage = .replacedByte
                variants = [[]]
                for item in items {
                    variants = variants.flatMap { prefix in item == Self.replacedByte ? lossy.map { prefix + [$0] } : [prefix + [item]] }
                }
            } else if length >= 3 && replaced == 0 && !items.isEmpty && !twoByteLeads
                        && looksDropped(lead: lead, items: index + 1..<end) {
                // One byte lost, or two after the emoji prefix F0 9F.
                let missing = length - 1 - items.count
                if missing == 1 || missing == 2 && lead == 0xF0 && items == [0x9F] {
                    variants = [items]
                    for _ in 0..<missing {
                        variants = variants.flatMap { partial in
                            (0...partial.count).flatMap { position in
                                lossy.map { Array(partial[..<position]) + [$0] + Array(partial[position...]) }
                            }
                        }
                    }
                }
            } else if twoByteLeads && length == 2 && items.isEmpty {
                variants = lossy.map { [$0] }
            }
            guard !variants.isEmpty else {
                index += 1
                continue
            }
            let around = MojibakeEvidence.Neighbours(
                previous: index > 0 ? scalars[index - 1] : nil,
                beforePrevious: index > 1 ? scalars[index - 2] : nil,
                next: end < scalars.count ? scalars[end] : nil
            )
            addLostByteFinding(lead: lead, variants: variants, around: around, range: index..<end, pageIndex: pageIndex, damage: damage)
            index = end
        }
    }

    /// Whether a lead and too few continuation characters look like a shortened sequence rather than an
    /// accented letter ending a word before closing punctuation (`«café»`, `voilà…`).
    private func looksDropped(lead: Int, items: Range<Int>) -> Bool {
        if lead == 0xF0 && codes[items.lowerBound] == 0x9F { return true }
        let nextIsLetter = items.upperBound < scalars.count && ScalarTraits.isLetter(scalars[items.upperBound])
        return !(scalars[items].allSatisfy(ScalarTraits.followsWords) && !nextIsLetter)
    }

    private mutating func addLostByteFinding(
        lead: Int, variants: [[Int]], around: MojibakeEvidence.Neighbours, range: Range<Int>, pageIndex: Int, damage: MojibakeSpan.Damage
    ) {
        var valid: [UInt32] = []
        for variant in variants {
            guard let value = MisreadSequence.decode(lead: lead, continuation: variant[...]),
                  MojibakeEvidence.couldStand(value, around: around), !valid.contains(value),
                  // Long sequences are guessed only among common characters, or every rare script would fit.
                  variant.count == 1 || ScalarTraits.tier(value) == .common
            else { continue }
            valid.append(value)
        }
        // Only a sole possible character is applied; the ones that fit the context come first.
        let fitting = valid.filter { MojibakeEvidence.fits($0, around: around) }
        let candidates = fitting.sorted { (ScalarTraits.tier($0), $0) < (ScalarTraits.tier($1), $1) }
            + valid.filter { !fitting.contains($0) }.sorted { (ScalarTraits.tier($0), $0) < (ScalarTraits.tier($1), $1) }
        guard let best = candidates.first else { return }
        findings.append(MojibakeFinding(
            kind: .lostByte,
            utf8Range: offsets[range.lowerBound]..<offsets[range.upperBound],
            replacement: String(Character(Unicode.Scalar(best)!)),
            peeledPages: [pageIndex],
            damage: damage,
            evidence: 0,
            candidates: candidates.map { String(Character(Unicode.Scalar($0)!)) },
            confidence: valid.count == 1 && fitting.count == 1 ? .likely : .guess,
            plausibleResult: true
        ))
    }
}
