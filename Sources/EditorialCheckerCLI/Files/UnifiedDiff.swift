/// A unified diff (`diff -u` style) between two texts, for `fix --dry-run`.
///
/// Lines keep their terminators so that a CRLF file shows as CRLF, and are compared by their bytes: a line whose only
/// change is its Unicode normalization is shown as changed.
///
/// Lines are aligned in one pass, not by a minimal edit script: equal lines are kept, and at a difference the nearest
/// pair of equal lines within ``lookAhead`` lines on either side resumes the alignment, or past it the next place
/// where either line comes again (a long block added or removed). Fixes change lines in place or insert or remove a
/// few, which this aligns as a minimal script would; a minimal script (the standard library's
/// `difference(from:)`, Myers' algorithm) costs time in the product of the lines and the lines changed, minutes for a
/// draft whose every line a fix changes.
struct UnifiedDiff {
    var oldName: String
    var newName: String
    var context = 3
    /// How far ahead, in lines of each text, a difference looks for lines that are equal again.
    static let lookAhead = 16

    func render(old: String, new: String) -> String {
        let oldLines = Lines(old)
        let newLines = Lines(new)
        let script = Self.script(oldLines, newLines)
        guard script.contains(where: { $0.kind != " " }) else { return "" }

        var output = "--- \(oldName)\n+++ \(newName)\n"
        var index = 0
        while index < script.count {
            guard script[index].kind != " " else { index += 1; continue }
            var start = max(index - context, 0)
            var end = index
            // Extend the hunk while the next change is within two contexts of the last one.
            while end < script.count {
                var next = end
                while next < script.count && script[next].kind == " " { next += 1 }
                if next == script.count || next - end > 2 * context {
                    end = min(end + context, script.count)
                    break
                }
                end = next + 1
            }
            while start < index && script[start].kind != " " { start += 1 }
            let hunk = script[start..<end]
            let oldCount = hunk.count { $0.kind != "+" }
            let newCount = hunk.count { $0.kind != "-" }
            let oldStart = oldCount == 0 ? hunk.first!.oldIndex : hunk.first!.oldIndex + 1
            let newStart = newCount == 0 ? hunk.first!.newIndex : hunk.first!.newIndex + 1
            output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for entry in hunk {
                let line = entry.kind == "+" ? newLines[entry.newIndex] : oldLines[entry.oldIndex]
                output += "\(entry.kind)\(line)"
                // By the last byte: a CRLF line ends in the one character "\r\n", which `hasSuffix("\n")` does not see.
                if line.utf8.last != UInt8(ascii: "\n") { output += "\n\\ No newline at end of file\n" }
            }
            index = end
        }
        return output
    }

    /// Every line of both texts in order, each kept (` `), removed (`-`) or added (`+`), with the indices of the lines
    /// before it in each text: the lines of each run of changes removed first, then added, as `diff -u` shows them.
    private static func script(_ old: Lines, _ new: Lines) -> [(kind: Character, oldIndex: Int, newIndex: Int)] {
        var script: [(kind: Character, oldIndex: Int, newIndex: Int)] = []
        script.reserveCapacity(max(old.count, new.count))
        var oldIndex = 0
        var newIndex = 0
        // A run of changes: the old lines from `removedFrom` and the new lines from `addedFrom` up to the indices.
        var removedFrom = 0
        var addedFrom = 0
        var anchors: Anchors?
        func endChanges() {
            for index in removedFrom..<oldIndex { script.append(("-", index, addedFrom)) }
            for index in addedFrom..<newIndex { script.append(("+", oldIndex, index)) }
        }
        while oldIndex < old.count && newIndex < new.count {
            if old.line(oldIndex, equals: new, newIndex) {
                endChanges()
                script.append((" ", oldIndex, newIndex))
                oldIndex += 1
                newIndex += 1
                removedFrom = oldIndex
                addedFrom = newIndex
                continue
            }
            let (skipOld, skipNew) = nearestEqualLines(old, from: oldIndex, new, from: newIndex)
                ?? farEqualLine(old, from: oldIndex, new, from: newIndex, &anchors) ?? (1, 1)
            oldIndex += skipOld
            newIndex += skipNew
        }
        oldIndex = old.count
        newIndex = new.count
        endChanges()
        return script
    }

    /// The smallest steps `(i, j)` (by `i + j`, each at most ``lookAhead``) after which the lines at `oldStart + i`
    /// and `newStart + j` are equal, or nil.
    private static func nearestEqualLines(_ old: Lines, from oldStart: Int, _ new: Lines, from newStart: Int) -> (Int, Int)? {
        let oldLimit = min(lookAhead, old.count - 1 - oldStart)
        let newLimit = min(lookAhead, new.count - 1 - newStart)
        guard oldLimit + newLimit > 0 else { return nil }
        for distance in 1...(oldLimit + newLimit) {
            for skipOld in max(0, distance - newLimit)...min(distance, oldLimit)
            where old.line(oldStart + skipOld, equals: new, newStart + distance - skipOld) {
                return (skipOld, distance - skipOld)
            }
        }
        return nil
    }

    /// Past ``lookAhead``: the next line of `new` equal to the old line at `oldStart` (lines added) or of `old` equal
    /// to the new line at `newStart` (lines removed), whichever is nearer, so that a block of many lines added or
    /// removed is shown as such rather than every line after it as changed. Nil when neither line comes again.
    private static func farEqualLine(
        _ old: Lines, from oldStart: Int, _ new: Lines, from newStart: Int, _ anchors: inout Anchors?
    ) -> (Int, Int)? {
        if anchors == nil { anchors = Anchors(old, new) }
        let added = anchors!.next(equalTo: old, oldStart, in: new, atOrAfter: newStart, side: \.new).map { $0 - newStart }
        let removed = anchors!.next(equalTo: new, newStart, in: old, atOrAfter: oldStart, side: \.old).map { $0 - oldStart }
        switch (added, removed) {
        case let (added?, removed?): return added <= removed ? (0, added) : (removed, 0)
        case let (added?, nil): return (0, added)
        case let (nil, removed?): return (removed, 0)
        case (nil, nil): return nil
        }
    }

    /// Where each line's hash occurs in each text, with a cursor per hash that only moves forward, as the alignment
    /// does: every look-up together costs time in the number of lines.
    private struct Anchors {
        struct Occurrences {
            var positions: [Int: [Int]] = [:]
            var cursors: [Int: Int] = [:]
        }

        var old = Occurrences()
        var new = Occurrences()

        init(_ oldLines: Lines, _ newLines: Lines) {
            for index in 0..<oldLines.count { old.positions[oldLines.hash(index), default: []].append(index) }
            for index in 0..<newLines.count { new.positions[newLines.hash(index), default: []].append(index) }
        }

        /// The first line at or after `start` of `text` (whose occurrences are `side`) with the bytes of line `index`
        /// of `other`.
        mutating func next(
            equalTo other: Lines, _ index: Int, in text: Lines, atOrAfter start: Int, side: WritableKeyPath<Anchors, Occurrences>
        ) -> Int? {
            let hash = other.hash(index)
            guard let positions = self[keyPath: side].positions[hash] else { return nil }
            var cursor = self[keyPath: side].cursors[hash, default: 0]
            while cursor < positions.count && positions[cursor] < start { cursor += 1 }
            self[keyPath: side].cursors[hash] = cursor
            return positions[cursor...].first { other.line(index, equals: text, $0) }
        }
    }

    /// A text's lines, each ending after its `\n` (the last may have none), with a hash of each line's bytes.
    private struct Lines {
        private let lines: [Substring]
        private let hashes: [Int]

        init(_ text: String) {
            var lines: [Substring] = []
            let utf8 = text.utf8
            var start = utf8.startIndex
            var index = start
            while index < utf8.endIndex {
                let next = utf8.index(after: index)
                if utf8[index] == UInt8(ascii: "\n") {
                    lines.append(text[start..<next])
                    start = next
                }
                index = next
            }
            if start < utf8.endIndex { lines.append(text[start...]) }
            self.lines = lines
            hashes = lines.map { line in
                var hasher = Hasher()
                if line.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
                    Array(line.utf8).withUnsafeBytes { hasher.combine(bytes: $0) }
                }
                return hasher.finalize()
            }
        }

        var count: Int { lines.count }

        subscript(index: Int) -> Substring { lines[index] }

        func hash(_ index: Int) -> Int { hashes[index] }

        /// Whether line `index` has the same bytes as line `otherIndex` of `other`.
        func line(_ index: Int, equals other: Lines, _ otherIndex: Int) -> Bool {
            hashes[index] == other.hashes[otherIndex] && lines[index].utf8.elementsEqual(other.lines[otherIndex].utf8)
        }
    }
}
