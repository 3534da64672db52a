/// The cells of one table row line, as GitHub splits them: at every pipe not escaped with a backslash (also inside
/// code spans), a leading and a trailing pipe optional, each cell trimmed of spaces and tabs.
struct TableRowCells {
    /// Each cell's content, from its first to its last character (empty at its pipe when the cell is empty).
    let cells: [Range<Int>]

    init(bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>) {
        var cells: [Range<Int>] = []
        var index = line.lowerBound
        while index < line.upperBound, Self.isSpace(bytes[index]) { index += 1 }
        if index < line.upperBound, bytes[index] == UInt8(ascii: "|") { index += 1 }
        while index < line.upperBound {
            var end = index
            while end < line.upperBound, bytes[end] != UInt8(ascii: "|") {
                end += bytes[end] == UInt8(ascii: "\\") && end + 1 < line.upperBound ? 2 : 1
            }
            end = min(end, line.upperBound)
            var first = index
            var last = end
            while first < last, Self.isSpace(bytes[first]) { first += 1 }
            while last > first, Self.isSpace(bytes[last - 1]) { last -= 1 }
            let isTrailingPipe = end == line.upperBound && first == last && !cells.isEmpty && bytes[index - 1] == UInt8(ascii: "|")
            if !isTrailingPipe { cells.append(first..<last) }
            index = end + 1
        }
        self.cells = cells
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
