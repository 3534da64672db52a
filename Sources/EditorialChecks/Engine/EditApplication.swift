/// Choosing compatible fixes and applying their edits in one pass.
enum EditApplication {
    /// The fixes whose edits overlap no edit of an earlier fix (in document order), so all of them can be applied at once.
    static func compatible(_ fixes: [Fix]) -> [Fix] {
        let ordered = fixes.enumerated().sorted { lhs, rhs in
            let left = lhs.element.edits.map(\.range.start.offset).min() ?? 0
            let right = rhs.element.edits.map(\.range.start.offset).min() ?? 0
            return left == right ? lhs.offset < rhs.offset : left < right
        }
        var chosen: [Fix] = []
        var taken: [Range<Int>] = []
        for fix in ordered.map(\.element) where !fix.edits.isEmpty {
            let ranges = fix.edits.map(\.range.utf8Offsets)
            guard !ranges.contains(where: { range in taken.contains { conflict(range, $0) } }) else { continue }
            chosen.append(fix)
            taken.append(contentsOf: ranges)
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

    /// Applies non-conflicting edits to `text`; bytes outside them are copied unchanged.
    static func apply(_ edits: [TextEdit], to text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.replacement.utf8.count })
        var cursor = 0
        for edit in edits.sorted(by: { $0.range.start.offset < $1.range.start.offset }) {
            let range = edit.range.utf8Offsets
            output.append(contentsOf: bytes[cursor..<range.lowerBound])
            output.append(contentsOf: edit.replacement.utf8)
            cursor = range.upperBound
        }
        output.append(contentsOf: bytes[cursor...])
        return String(decoding: output, as: UTF8.self)
    }
}
