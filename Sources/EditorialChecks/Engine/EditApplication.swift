/// Choosing compatible fixes and applying their edits in one pass.
enum EditApplication {
    /// The fixes whose edits overlap no edit of an earlier fix (in document order), so all of them can be applied at once.
    static func compatible(_ fixes: [Fix]) -> [Fix] {
        compatibleIndices(fixes).map { fixes[$0] }
    }

    /// The positions in `fixes` of the fixes ``compatible(_:)`` chooses, in the order it chooses them: by the first
    /// byte a fix edits, then by position in `fixes`.
    static func compatibleIndices(_ fixes: [Fix]) -> [Int] {
        var candidates: [(start: Int, key: Int)] = []
        for (index, fix) in fixes.enumerated() {
            if let start = fix.edits.lazy.map(\.range.start.offset).min() { candidates.append((start, index)) }
        }
        return compatibleKeys(consume candidates) { fixes[$0].edits.map(\.range.utf8Offsets) }
    }

    /// The keys of the fixes ``compatible(_:)`` would choose, in the order it chooses them, for fixes named by a key
    /// of the caller's (a diagnostic's position in a store), in ascending order, with the first byte each edits; each
    /// fix's edit ranges are asked of `ranges` when its turn comes, so that no fix need be held as a value.
    ///
    /// One sort, then a binary search per edit among the edits already taken: O(N log N) for N edits. (Comparing each
    /// edit with every edit taken was quadratic: a megabyte of mangled text took a minute to fix.)
    static func compatibleKeys(_ candidates: consuming [(start: Int, key: Int)], ranges: (Int) -> [Range<Int>]) -> [Int] {
        candidates.sort { $0 < $1 }
        var taken = TakenRanges()
        var chosen: [Int] = []
        for (_, key) in candidates {
            let ranges = ranges(key)
            guard !ranges.contains(where: taken.conflicts) else { continue }
            for range in ranges { taken.insert(range) }
            chosen.append(key)
        }
        return chosen
    }

    /// Two edits conflict when they share a byte, start at the same place (two insertions there have no
    /// defined order), or one inserts strictly inside the other.
    static func conflict(_ lhs: Range<Int>, _ rhs: Range<Int>) -> Bool {
        lhs.overlaps(rhs) || lhs.lowerBound == rhs.lowerBound
            || lhs.isEmpty && rhs.lowerBound < lhs.lowerBound && lhs.lowerBound < rhs.upperBound
            || rhs.isEmpty && lhs.lowerBound < rhs.lowerBound && rhs.lowerBound < lhs.upperBound
    }

    /// The ranges of the edits chosen so far, sorted by start.
    ///
    /// Edits of different chosen fixes never conflict, and a fix's own edits never overlap, so no two ranges here
    /// start at the same byte and each ends at or before the next one's start. A range therefore conflicts with one
    /// of them exactly when it conflicts with its neighbours: the last starting at or before it and the first starting
    /// after it.
    private struct TakenRanges {
        private var ranges: [Range<Int>] = []

        func conflicts(_ range: Range<Int>) -> Bool {
            let next = firstIndex(startingAfter: range.lowerBound)
            if next > 0 && conflict(range, ranges[next - 1]) { return true }
            return next < ranges.count && conflict(range, ranges[next])
        }

        /// Fixes come in document order, so this is almost always an append.
        mutating func insert(_ range: Range<Int>) {
            if let last = ranges.last, last.lowerBound > range.lowerBound {
                ranges.insert(range, at: firstIndex(startingAfter: range.lowerBound))
            } else {
                ranges.append(range)
            }
        }

        private func firstIndex(startingAfter offset: Int) -> Int {
            var low = 0
            var high = ranges.count
            while low < high {
                let middle = (low + high) / 2
                if ranges[middle].lowerBound <= offset { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    /// An edit to apply: the bytes it replaces, how many it writes, and where the caller reads them (`key`, such as a
    /// diagnostic's position in a store, and `edit`, its place among the fix's edits).
    struct PlacedEdit {
        var range: Range<Int>
        var replacementCount: Int
        var key: Int
        var edit: Int
    }

    /// Applies non-conflicting edits to `text`; bytes outside them are copied unchanged, straight into the new string.
    static func apply(_ edits: [TextEdit], to text: String) -> String {
        let placed = edits.indices.map { index in
            PlacedEdit(range: edits[index].range.utf8Offsets, replacementCount: edits[index].replacement.utf8.count, key: index, edit: 0)
        }
        return apply(consume placed, to: text) { edit, write in
            var replacement = edits[edit.key].replacement
            replacement.withUTF8(write)
        }
    }

    /// Applies non-conflicting edits to `text` in one pass, each edit's replacement written by `writeReplacement`,
    /// which hands its bytes to the function it is given; bytes outside the edits are copied unchanged, straight into
    /// the new string.
    static func apply(
        _ edits: consuming [PlacedEdit], to text: String,
        writeReplacement: (PlacedEdit, (UnsafeBufferPointer<UInt8>) -> Void) -> Void
    ) -> String {
        var text = text
        text.makeContiguousUTF8()
        var sorted = consume edits
        // Fixes of one edit each, chosen in order of their starts, come sorted already.
        if zip(sorted, sorted.dropFirst()).contains(where: { $0.range.lowerBound > $1.range.lowerBound }) {
            sorted.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        let count = text.utf8.count
        let capacity = sorted.reduce(count) { $0 - $1.range.count + $1.replacementCount }
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            String(unsafeUninitializedCapacity: capacity) { output in
                var written = 0
                func copy(_ piece: UnsafeBufferPointer<UInt8>) {
                    guard let base = piece.baseAddress, !piece.isEmpty else { return }
                    precondition(written + piece.count <= output.count, "a replacement is longer than it said")
                    (output.baseAddress! + written).initialize(from: base, count: piece.count)
                    written += piece.count
                }
                var cursor = 0
                for edit in sorted {
                    copy(UnsafeBufferPointer(rebasing: bytes[cursor..<edit.range.lowerBound]))
                    writeReplacement(edit, copy)
                    cursor = edit.range.upperBound
                }
                copy(UnsafeBufferPointer(rebasing: bytes[cursor..<count]))
                return written
            }
        } ?? text
    }
}
