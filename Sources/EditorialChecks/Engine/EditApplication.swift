/// Choosing compatible fixes and applying their edits in one pass.
enum EditApplication {
    /// The keys of the fixes whose edits overlap no edit of a fix chosen before them, so that all of them can be applied
    /// at once, in the order they are chosen: by the first byte a fix edits, then by key. Fixes are named by a key of
    /// the caller's (a diagnostic's position in a store), in ascending order, with the first byte each edits; each fix's
    /// edit ranges are asked of `ranges` when its turn comes, so that no fix need be held as a value.
    ///
    /// One sort, then a binary search per edit among the edits already taken: O(N log N) for N edits. (Comparing each
    /// edit with every edit taken was quadratic: a megabyte of mangled text took a minute to fix.)
    ///
    /// Keys are returned in 32 bits, as a store's positions fit in them: 64 MiB of mojibake can make six million fixes.
    static func compatibleKeys(_ candidates: consuming [(start: Int, key: Int)], ranges: (Int) -> [Range<Int>]) -> [UInt32] {
        candidates.sort { $0 < $1 }
        return compatibleKeys(sorted: candidates, ranges: ranges)
    }

    /// ``compatibleKeys(_:ranges:)`` of candidates that come sorted by start, then key, as a store's fixes nearly
    /// always do: they can be read as they are chosen, without a list of them.
    static func compatibleKeys(sorted candidates: some Sequence<(start: Int, key: Int)>, ranges: (Int) -> [Range<Int>]) -> [UInt32] {
        var taken = TakenRanges()
        var chosen: [UInt32] = []
        for (start, key) in candidates {
            // No edit of this fix or a later one starts before `start`: ranges that end before it are done with.
            taken.forget(endingBefore: start)
            let ranges = ranges(key)
            guard !ranges.contains(where: taken.conflicts) else { continue }
            for range in ranges { taken.insert(range) }
            chosen.append(UInt32(key))
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
    ///
    /// Ranges that end before every edit still to come are forgotten (from `first` on are those kept; the array is
    /// cut when half of it is forgotten), so that a pass over millions of fixes holds a few ranges, not all.
    private struct TakenRanges {
        private var ranges: [Range<Int>] = []
        private var first = 0

        func conflicts(_ range: Range<Int>) -> Bool {
            let next = firstIndex(startingAfter: range.lowerBound)
            if next > first && conflict(range, ranges[next - 1]) { return true }
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

        /// Forgets the ranges that end before `offset`: none can conflict with an edit starting at or after it (an
        /// empty range at `offset` itself still can, as two insertions at one place do).
        mutating func forget(endingBefore offset: Int) {
            while first < ranges.count, ranges[first].upperBound < offset { first += 1 }
            if first >= 1024, first * 2 >= ranges.count {
                ranges.removeFirst(first)
                first = 0
            }
        }

        private func firstIndex(startingAfter offset: Int) -> Int {
            ranges[first...].partitioningIndex { $0.lowerBound > offset }
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

    /// Applies non-conflicting edits to `text` in one pass, each edit's replacement written by `writeReplacement`,
    /// which hands its bytes to the function it is given; bytes outside the edits are copied unchanged, straight into
    /// the new string.
    static func apply(
        _ edits: consuming [PlacedEdit], to text: String,
        writeReplacement: (PlacedEdit, (UnsafeBufferPointer<UInt8>) -> Void) -> Void
    ) -> String {
        var sorted = consume edits
        // Fixes of one edit each, chosen in order of their starts, come sorted already.
        if zip(sorted, sorted.dropFirst()).contains(where: { $0.range.lowerBound > $1.range.lowerBound }) {
            sorted.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        let count = sorted.reduce(text.utf8.count) { $0 - $1.range.count + $1.replacementCount }
        return apply(to: text, count: count) { replace in
            withoutActuallyEscaping(replace) { replace in
                for edit in sorted {
                    writeReplacement(edit) { replacement in replace(edit.range, replacement) }
                }
            }
        }
    }

    /// Applies edits that `forEachEdit` gives in order of their starts, none overlapping, to `text`, making a text of
    /// `count` bytes: `forEachEdit` calls the function it is given with each edit's range and replacement bytes.
    /// Bytes outside the edits are copied unchanged, straight into the new string.
    static func apply(
        to text: String, count: Int,
        inOrder forEachEdit: ((Range<Int>, UnsafeBufferPointer<UInt8>) -> Void) -> Void
    ) -> String {
        var text = text
        text.makeContiguousUTF8()
        let textCount = text.utf8.count
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            String(unsafeUninitializedCapacity: count) { output in
                var written = 0
                func copy(_ piece: UnsafeBufferPointer<UInt8>) {
                    guard let base = piece.baseAddress, !piece.isEmpty else { return }
                    precondition(written + piece.count <= output.count, "a replacement is longer than it said")
                    (output.baseAddress! + written).initialize(from: base, count: piece.count)
                    written += piece.count
                }
                var cursor = 0
                forEachEdit { range, replacement in
                    copy(UnsafeBufferPointer(rebasing: bytes[cursor..<range.lowerBound]))
                    copy(replacement)
                    cursor = range.upperBound
                }
                copy(UnsafeBufferPointer(rebasing: bytes[cursor..<textCount]))
                return written
            }
        } ?? text
    }
}
