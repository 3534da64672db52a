import Foundation

/// What the close look found in runs it has analysed before, by the run's bytes: mojibake repeats the same few mangled
/// words (`donâ€™t`, `cafÃ©`, the same emoji) all through a text, and what ``MojibakeLine`` finds in a run through
/// its pages depends on the run's bytes and the pages asked for alone. A run met again gets its findings, pending
/// losses and replacement characters copied, moved to where it stands, instead of being decoded, scored and peeled
/// once more.
///
/// A direct-mapped table of 4,096 slots, each naming its run's bytes and its parts in six buffers of its own; a run
/// whose slot another takes is analysed again when next met. Bounded: runs longer than ``longestRun`` are not kept,
/// and once the buffers hold ``keyCapacity`` bytes of runs, or ``partCapacity`` findings, losses, replacement
/// characters or lost bytes, the table starts again empty: a few megabytes at most, most often a few hundred
/// kilobytes, for each line the scanner keeps.
struct RunAnalysisCache: ~Copyable {
    /// Where one run's analysis is kept: its bytes, and each part's place in the buffers.
    struct Slot {
        /// The run's hash (see ``hash(_:pages:)``); 0 for an empty slot.
        var hash: UInt64 = 0
        var pages: UInt32 = 0
        var key: Range<Int32> = 0..<0
        var findings: Range<Int32> = 0..<0
        var replacements: Range<Int32> = 0..<0
        var twoByteLosses: Range<Int32> = 0..<0
        var lostBytes: Range<Int32> = 0..<0
        var lostItems: Range<Int32> = 0..<0
    }

    /// The longest run kept, in bytes: a long run rarely comes again, and hashing it would cost for nothing.
    static let longestRun = 128
    /// How many bytes of runs are kept before the table starts again: about four thousand words of mojibake.
    static let keyCapacity = 1 << 16
    /// How many findings (or pending losses, replacement characters, lost bytes) are kept before the table starts again.
    static let partCapacity = 1 << 14
    private static let slotBits = 12

    private var slots: UnsafeMutablePointer<Slot>?
    private var keys = ScratchBuffer<UInt8>(capacity: 1024)
    /// Findings with ranges from their run's start, replacements and candidates in `replacements`.
    private var findings = ScratchBuffer<MojibakeFinding>()
    private var replacements = ScratchBuffer<UInt32>()
    /// Pending losses with ranges from their run's start, items in `lostItems`.
    private var twoByteLosses = ScratchBuffer<MojibakeLine.PendingLoss>()
    private var lostBytes = ScratchBuffer<MojibakeLine.PendingLoss>()
    private var lostItems = ScratchBuffer<Int>()

    init() {}

    deinit { slots?.deallocate() }

    /// The hash of a run's bytes and the pages it is analysed through, never 0.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, pages: UInt32) -> UInt64 {
        var hash = UInt64(bytes.count) << 32 | UInt64(pages)
        var index = 0
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while index + 8 <= bytes.count {
            hash = (hash ^ UInt64(littleEndian: (base + index).loadUnaligned(as: UInt64.self))) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            index += 8
        }
        var tail: UInt64 = 0
        while index < bytes.count {
            tail = tail << 8 | UInt64(bytes[index])
            index += 1
        }
        hash = (hash ^ tail) &* 0xC2B2_AE3D_27D4_EB4F
        hash ^= hash >> 32
        return hash | 1
    }

    /// The slot holding the analysis of `bytes` through `pages`, if kept.
    func slot(of bytes: UnsafeBufferPointer<UInt8>, pages: UInt32, hash: UInt64) -> Slot? {
        guard let slots else { return nil }
        let slot = slots[Self.index(of: hash)]
        guard slot.hash == hash, slot.pages == pages, slot.key.count == bytes.count,
              memcmp(keys.elements.baseAddress! + Int(slot.key.lowerBound), bytes.baseAddress!, bytes.count) == 0
        else { return nil }
        return slot
    }

    /// Keeps the analysis of the run `run` of `bytes` through `pages`: what the analysis added to the line's buffers,
    /// from the given counts on.
    mutating func keep(
        _ run: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>, pages: UInt32, hash: UInt64,
        findings lineFindings: borrowing ScratchBuffer<MojibakeFinding>, from firstFinding: Int,
        replacements lineReplacements: borrowing ScratchBuffer<UInt32>, from firstReplacement: Int,
        twoByteLosses lineTwoByteLosses: borrowing ScratchBuffer<MojibakeLine.PendingLoss>, from firstTwoByteLoss: Int,
        lostBytes lineLostBytes: borrowing ScratchBuffer<MojibakeLine.PendingLoss>, from firstLostByte: Int,
        lostItems lineLostItems: borrowing ScratchBuffer<Int>, from firstLostItem: Int
    ) {
        if keys.count + run.count > Self.keyCapacity || findings.count + lineFindings.count - firstFinding > Self.partCapacity
            || replacements.count + lineReplacements.count - firstReplacement > Self.partCapacity
            || twoByteLosses.count + lineTwoByteLosses.count - firstTwoByteLoss > Self.partCapacity
            || lostBytes.count + lineLostBytes.count - firstLostByte > Self.partCapacity
            || lostItems.count + lineLostItems.count - firstLostItem > Self.partCapacity {
            removeAll()
        }
        let slots = slots ?? {
            let made = UnsafeMutablePointer<Slot>.allocate(capacity: 1 << Self.slotBits)
            made.initialize(repeating: Slot(), count: 1 << Self.slotBits)
            self.slots = made
            return made
        }()
        var slot = Slot(hash: hash, pages: pages)
        slot.key = Self.appending(UnsafeBufferPointer(rebasing: bytes[run]), to: &keys)
        let replacementShift = replacements.count - firstReplacement
        let itemShift = lostItems.count - firstLostItem
        slot.replacements = Self.appending(UnsafeBufferPointer(rebasing: lineReplacements.elements[firstReplacement...]), to: &replacements)
        slot.lostItems = Self.appending(UnsafeBufferPointer(rebasing: lineLostItems.elements[firstLostItem...]), to: &lostItems)
        let start = findings.count
        for index in firstFinding..<lineFindings.count {
            var finding = lineFindings[index]
            finding.utf8Range = Self.shift(finding.utf8Range, by: -run.lowerBound)
            finding.replacement = Self.shift(finding.replacement, by: replacementShift)
            finding.candidates = Self.shift(finding.candidates, by: replacementShift)
            findings.append(finding)
        }
        slot.findings = Int32(start)..<Int32(findings.count)
        slot.twoByteLosses = Self.appending(lineTwoByteLosses, from: firstTwoByteLoss, shiftedBy: -run.lowerBound, itemShift, to: &twoByteLosses)
        slot.lostBytes = Self.appending(lineLostBytes, from: firstLostByte, shiftedBy: -run.lowerBound, itemShift, to: &lostBytes)
        slots[Self.index(of: hash)] = slot
    }

    /// Appends the analysis kept in `slot` to a line's buffers, for the run at `run`.
    func replay(
        _ slot: Slot, at run: Range<Int>, findings lineFindings: inout ScratchBuffer<MojibakeFinding>,
        replacements lineReplacements: inout ScratchBuffer<UInt32>, twoByteLosses lineTwoByteLosses: inout ScratchBuffer<MojibakeLine.PendingLoss>,
        lostBytes lineLostBytes: inout ScratchBuffer<MojibakeLine.PendingLoss>, lostItems lineLostItems: inout ScratchBuffer<Int>
    ) {
        let replacementShift = lineReplacements.count - Int(slot.replacements.lowerBound)
        let itemShift = lineLostItems.count - Int(slot.lostItems.lowerBound)
        lineReplacements.append(contentsOf: replacements[Int(slot.replacements.lowerBound)..<Int(slot.replacements.upperBound)])
        lineLostItems.append(contentsOf: lostItems[Int(slot.lostItems.lowerBound)..<Int(slot.lostItems.upperBound)])
        for index in Int(slot.findings.lowerBound)..<Int(slot.findings.upperBound) {
            var finding = findings[index]
            finding.utf8Range = Self.shift(finding.utf8Range, by: run.lowerBound)
            finding.replacement = Self.shift(finding.replacement, by: replacementShift)
            finding.candidates = Self.shift(finding.candidates, by: replacementShift)
            lineFindings.append(finding)
        }
        for index in Int(slot.twoByteLosses.lowerBound)..<Int(slot.twoByteLosses.upperBound) {
            lineTwoByteLosses.append(twoByteLosses[index].shifted(by: run.lowerBound, items: itemShift))
        }
        for index in Int(slot.lostBytes.lowerBound)..<Int(slot.lostBytes.upperBound) {
            lineLostBytes.append(lostBytes[index].shifted(by: run.lowerBound, items: itemShift))
        }
    }

    private mutating func removeAll() {
        slots?.update(repeating: Slot(), count: 1 << Self.slotBits)
        keys.removeAll()
        findings.removeAll()
        replacements.removeAll()
        twoByteLosses.removeAll()
        lostBytes.removeAll()
        lostItems.removeAll()
    }

    private static func index(of hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash >> UInt64(64 - slotBits))
    }

    /// `range` moved by `offset`; an empty range stays as it is, pointing nowhere.
    private static func shift(_ range: Range<Int>, by offset: Int) -> Range<Int> {
        range.isEmpty ? range : range.lowerBound + offset..<range.upperBound + offset
    }

    private static func appending<Element>(_ elements: UnsafeBufferPointer<Element>, to buffer: inout ScratchBuffer<Element>) -> Range<Int32> {
        let start = buffer.count
        buffer.append(contentsOf: elements)
        return Int32(start)..<Int32(buffer.count)
    }

    private static func appending(
        _ losses: borrowing ScratchBuffer<MojibakeLine.PendingLoss>, from first: Int, shiftedBy offset: Int, _ itemShift: Int,
        to buffer: inout ScratchBuffer<MojibakeLine.PendingLoss>
    ) -> Range<Int32> {
        let start = buffer.count
        for index in first..<losses.count { buffer.append(losses[index].shifted(by: offset, items: itemShift)) }
        return Int32(start)..<Int32(buffer.count)
    }
}

extension MojibakeLine.PendingLoss {
    /// The loss with its range moved by `offset` bytes and its items by `items` places.
    fileprivate func shifted(by offset: Int, items itemShift: Int) -> Self {
        var loss = self
        loss.utf8Range = loss.utf8Range.lowerBound + offset..<loss.utf8Range.upperBound + offset
        loss.items = loss.items.isEmpty ? loss.items : loss.items.lowerBound + itemShift..<loss.items.upperBound + itemShift
        return loss
    }
}
