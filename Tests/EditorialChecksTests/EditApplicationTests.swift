@testable import EditorialChecks
import NewsletterCore
import Testing
import TestSupport

/// The choice and application of fixes held as values, for these tests: the engine names fixes by their place in its
/// store and reads them from there (`EditApplication.compatibleKeys`, `apply(_:to:writeReplacement:)`).
extension EditApplication {
    /// The fixes whose edits overlap no edit of an earlier fix (in document order).
    static func compatible(_ fixes: [Fix]) -> [Fix] {
        compatibleIndices(fixes).map { fixes[$0] }
    }

    /// The positions in `fixes` of the fixes ``compatible(_:)`` chooses, in the order it chooses them.
    static func compatibleIndices(_ fixes: [Fix]) -> [Int] {
        var candidates: [(start: Int, key: Int)] = []
        for (index, fix) in fixes.enumerated() {
            if let start = fix.edits.lazy.map(\.range.start.offset).min() { candidates.append((start, index)) }
        }
        return compatibleKeys(candidates) { fixes[$0].edits.map(\.range.utf8Offsets) }.map(Int.init)
    }

    /// Applies non-conflicting edits to `text`.
    static func apply(_ edits: [TextEdit], to text: String) -> String {
        let placed = edits.indices.map { index in
            PlacedEdit(range: edits[index].range.utf8Offsets, replacementCount: edits[index].replacement.utf8.count, key: index, edit: 0)
        }
        return apply(placed, to: text) { edit, write in
            var replacement = edits[edit.key].replacement
            replacement.withUTF8(write)
        }
    }
}

@Suite struct EditApplicationTests {
    let source = SourceText("ab🤌cd\nef")

    func edit(_ offsets: Range<Int>, _ replacement: String) -> TextEdit {
        TextEdit(range: source.range(utf8Offsets: offsets), replacement: replacement)
    }

    func fix(_ edits: TextEdit...) -> Fix {
        Fix(summary: "test", edits: edits, safety: .safe)
    }

    /// Ranges that end before every fix still to come are forgotten as fixes are chosen in order; an insertion where
    /// an earlier one stands, or inside a later fix's own far edit, is still refused after thousands of fixes, sorted
    /// or listed.
    @Test(arguments: [true, false])
    func fixesChosenInOrderStillMeetEarlierRanges(sorted: Bool) {
        // Per k: a replacement of 10k..<10k+3, an insertion right after it (compatible), a second insertion there
        // (refused), and every 500th k a fix whose second edit lies far ahead, inside what a later replacement edits.
        var fixes: [[Range<Int>]] = []
        var expected: [Int] = []
        for k in 0..<3_000 {
            expected += [fixes.count, fixes.count + 1]
            fixes += [[10 * k..<10 * k + 3], [10 * k + 3..<10 * k + 3], [10 * k + 3..<10 * k + 3]]
            if k % 500 == 0 {
                expected.append(fixes.count)
                fixes.append([10 * k + 5..<10 * k + 6, 10 * (k + 7) + 1..<10 * (k + 7) + 2])
            }
        }
        let candidates = fixes.indices.map { (start: fixes[$0][0].lowerBound, key: $0) }
        let chosen = sorted
            ? EditApplication.compatibleKeys(sorted: candidates) { fixes[$0] }
            : EditApplication.compatibleKeys(candidates.reversed()) { fixes[$0] }
        // The replacements of k = 7, 507, ... meet the far edits chosen before them and are refused.
        let refused = Set(fixes.indices.filter { index in fixes[index].count == 1 && fixes[index][0].count == 3 && (fixes[index][0].lowerBound / 10) % 500 == 7 })
        #expect(refused.count == 6)
        #expect(chosen.map(Int.init) == expected.filter { !refused.contains($0) })
    }

    @Test func editsApplyFromAnyOrderAndKeepOtherBytes() {
        // "🤌" is bytes 2..<6; replace it, insert before "e" (offset 9) and delete "d" (offset 7).
        let text = EditApplication.apply([edit(9..<9, "X"), edit(2..<6, "!"), edit(7..<8, "")], to: source.text)
        #expect(text == "ab!c\nXef")
    }

    @Test(arguments: [
        (0..<2, 1..<3, true),   // overlapping bytes
        (0..<2, 2..<4, false),  // adjacent
        (2..<2, 2..<2, true),   // two insertions at one point
        (2..<2, 2..<4, true),   // insertion where a replacement starts
        (3..<3, 2..<6, true),   // insertion inside a replacement
        (6..<6, 2..<6, false),  // insertion right after a replacement
    ])
    func conflicts(lhs: Range<Int>, rhs: Range<Int>, expected: Bool) {
        #expect(EditApplication.conflict(lhs, rhs) == expected)
        #expect(EditApplication.conflict(rhs, lhs) == expected)
    }

    @Test func compatibleKeepsTheEarlierOfTwoOverlappingFixes() {
        let first = fix(edit(0..<2, "A"))
        let overlapping = fix(edit(1..<3, "B"), edit(8..<9, "C"))
        let later = fix(edit(7..<8, "D"))
        #expect(EditApplication.compatible([later, overlapping, first]) == [first, later])
    }

    /// Each case: the offsets of one-edit fixes in the order given, and which of them are chosen (by position).
    @Test(arguments: [
        ([2..<6, 6..<6], [0, 1]),          // an insertion right after a replacement
        ([2..<6, 2..<2], [0]),             // an insertion where a replacement starts: the first given wins
        ([2..<2, 2..<6], [0]),
        ([2..<6, 4..<4], [0]),             // an insertion strictly inside a replacement
        ([4..<4, 2..<6], [1]),             // a replacement around an insertion taken later in the list
        ([3..<3, 3..<3], [0]),             // two insertions at one point: the first given wins
        ([3..<3, 2..<3], [1, 0]),          // a replacement ending where an insertion is
        ([0..<2, 2..<4, 4..<6], [0, 1, 2]), // adjacent replacements
        ([0..<4, 1..<2, 3..<5, 4..<4], [0, 3]),
    ])
    func compatibleAtBoundaries(offsets: [Range<Int>], chosen: [Int]) {
        let fixes = offsets.map { fix(edit($0, "X")) }
        #expect(EditApplication.compatibleIndices(fixes) == chosen)
    }

    @Test func anEarlierFixsFarEditBlocksALaterFix() {
        // The first fix starts first but also edits byte 8, past the start of the second.
        let spanning = fix(edit(0..<1, "A"), edit(8..<9, "B"))
        let middle = fix(edit(7..<8, "C"))
        let blocked = fix(edit(8..<8, "D"))
        let inside = fix(edit(6..<10, "E"))
        // In document order: spanning (taken), inside (overlaps byte 8), middle (ends where byte 8 starts: taken),
        // blocked (inserts where spanning's second edit starts).
        #expect(EditApplication.compatibleIndices([blocked, middle, spanning, inside]) == [2, 1])
    }

    @Test func fixesWithoutEditsAreNeverChosen() {
        #expect(EditApplication.compatibleIndices([fix(), fix(edit(1..<2, "X"))]) == [1])
    }

    /// The sweep chooses what comparing every edit with every edit taken chooses, on random fixes.
    @Test(arguments: 0..<20)
    func compatibleMatchesPairwiseComparison(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let text = SourceText(String(repeating: "abcdefgh", count: 8))
        let fixes = (0..<Int.random(in: 1...40, using: &random)).map { _ in
            // One to three edits in increasing order that do not overlap one another.
            var edits: [TextEdit] = []
            var position = Int.random(in: 0...60, using: &random)
            for _ in 0..<Int.random(in: 1...3, using: &random) where position <= 64 {
                let length = min(Int.random(in: 0...3, using: &random), 64 - position)
                edits.append(TextEdit(range: text.range(utf8Offsets: position..<position + length), replacement: "X"))
                position += length + Int.random(in: 0...20, using: &random)
            }
            return Fix(summary: "random", edits: edits.shuffled(using: &random), safety: .safe)
        }
        #expect(EditApplication.compatibleIndices(fixes) == pairwiseCompatible(fixes))
    }

    /// The quadratic definition the sweep must agree with.
    private func pairwiseCompatible(_ fixes: [Fix]) -> [Int] {
        let ordered = fixes.indices.filter { !fixes[$0].edits.isEmpty }.sorted { lhs, rhs in
            let left = fixes[lhs].edits.map(\.range.start.offset).min()!
            let right = fixes[rhs].edits.map(\.range.start.offset).min()!
            return left == right ? lhs < rhs : left < right
        }
        var chosen: [Int] = []
        var taken: [Range<Int>] = []
        for index in ordered {
            let ranges = fixes[index].edits.map(\.range.utf8Offsets)
            guard !ranges.contains(where: { range in taken.contains { EditApplication.conflict(range, $0) } }) else { continue }
            chosen.append(index)
            taken += ranges
        }
        return chosen
    }

    @Test func applyWritesInsertionsDeletionsAndTheUntouchedEnds() {
        #expect(EditApplication.apply([edit(0..<0, "<"), edit(11..<11, ">")], to: source.text) == "<ab🤌cd\nef>")
        #expect(EditApplication.apply([edit(0..<11, "")], to: source.text) == "")
        #expect(EditApplication.apply([], to: source.text) == source.text)
    }
}
