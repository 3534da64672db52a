/// The part of a source line that text output shows above a problem's caret, escaped for the terminal.
///
/// A line that fits in ``width`` cells is shown whole. A longer one is shown as a window of at most about ``width``
/// cells around the problem's start, as rustc and swiftc do, with `...` where the line goes on: some context before the
/// start (more when the line ends soon after it), then as much of the problem and what follows as fits. Only the
/// window is read, so a line with thousands of problems costs the width of a window per problem, not the line's length.
package struct LineExcerpt: Equatable {
    /// The shown text, escaped, with `...` where the line goes on.
    package var text: String
    /// What goes before the caret: a space per cell, and a tab for a tab so that the caret lines up with it.
    package var indent: String
    /// The cells the underline covers, at least one.
    package var underlineWidth: Int

    /// The default width in terminal cells.
    package static let defaultWidth = 120
    /// At most this many cells of context before the start, unless the line ends within the window.
    static let leadingContext = 40
    /// Marks a window's cut ends; three cells, as its characters are ASCII.
    static let ellipsis = "..."

    package init(text: String, indent: String, underlineWidth: Int) {
        self.text = text
        self.indent = indent
        self.underlineWidth = underlineWidth
    }

    /// The excerpt of `line` for a problem covering `range` of it (indices of the string `line` is a slice of; the
    /// range ends at most at the line's end).
    package init(line: Substring, range: Range<String.Index>, width: Int = LineExcerpt.defaultWidth) {
        let window = Window(line: line, range: range, width: width)
        var text = window.hasPrefix ? Self.ellipsis : ""
        text += VisibleText.escaping(window.before)
        text += VisibleText.escaping(window.after)
        if window.hasSuffix { text += Self.ellipsis }
        self.text = text
        indent = window.indent()
        underlineWidth = window.underlineWidth
    }

    /// Writes the excerpt's text, a line feed and its indent into `out` as UTF-8, with no string made for them
    /// unless a character must be escaped or a tab kept; returns the underline's width (the text report's path).
    package static func write(line: Substring, range: Range<String.Index>, width: Int, into out: inout [UInt8]) -> Int {
        let window = Window(line: line, range: range, width: width)
        if window.hasPrefix { out.append(contentsOf: ellipsis.utf8) }
        VisibleText.append(window.before, to: &out)
        VisibleText.append(window.after, to: &out)
        if window.hasSuffix { out.append(contentsOf: ellipsis.utf8) }
        out.append(UInt8(ascii: "\n"))
        if window.hasTab {
            out.append(contentsOf: window.indent().utf8)
        } else {
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: window.indentCells))
        }
        return window.underlineWidth
    }

    /// Whether a scalar is printable and of the ranges mangled text is mostly made of (Latin-1 letters, Windows-1252
    /// punctuation, currency and letterlike symbols: `ü§å`, `â€™`): between two of them a character boundary always
    /// falls (their Grapheme_Cluster_Break is Other: no controls, marks, joiners, regional indicators or Hangul), none
    /// is escaped for the terminal, and each takes one cell. So the window's walk steps over them without the string's
    /// grapheme breaking, which cost two thirds of a long mangled line's report.
    static func isStandalone(_ value: UInt32) -> Bool {
        switch value {
        case 0x20..<0x7F, 0xA0..<0xAD, 0xAE..<0x300, 0x2010..<0x2028, 0x2030..<0x205F, 0x20A0..<0x20C1, 0x2100..<0x2150: true
        default: false
        }
    }

    /// Where the window falls on the line and what it measures: found by walking the characters out from the problem's
    /// start, a window's width at most.
    private struct Window {
        /// The shown part of the line before the problem's start, and from it on.
        let before: Substring
        let after: Substring
        /// Whether the line goes on before and after the window (shown as `...`).
        let hasPrefix: Bool
        let hasSuffix: Bool
        /// The cells before the caret, prefix included, and whether the shown part before it holds a tab.
        let indentCells: Int
        let hasTab: Bool
        let underlineWidth: Int

        init(line: Substring, range: Range<String.Index>, width: Int) {
            // Two strings of their own, so that characters are counted from the problem's start whatever precedes it.
            let before = Substring(line.unicodeScalars[..<range.lowerBound])
            let after = Substring(line.unicodeScalars[range.lowerBound...])
            let marker = LineExcerpt.ellipsis.count
            // Cells alone do not bound the work: zero-width characters take none, so bytes are bounded too.
            let byteLimit = 8 * width

            var left = Walk(start: before.endIndex)
            left.backward(in: before, cells: LineExcerpt.leadingContext, bytes: byteLimit)
            let leftMarker = left.index > before.startIndex ? marker : 0
            var right = Walk(start: after.startIndex, marking: range.upperBound)
            right.forward(in: after, cells: max(width - left.cells - leftMarker - marker, 1), bytes: byteLimit)
            if right.index == after.endIndex {
                // The line ends inside the window: the cells meant for what follows go to what precedes.
                left.backward(in: before, cells: width - right.cells - left.cells - leftMarker, bytes: byteLimit)
            }

            self.before = before[left.index...]
            self.after = after[..<right.index]
            hasPrefix = left.index > before.startIndex
            hasSuffix = right.index < after.endIndex
            // The walks have measured the cells already: the indent is a space per cell unless a tab must stay a
            // tab, and the underline is what the walk counted up to the problem's end, unless that end falls inside
            // a character.
            indentCells = (hasPrefix ? marker : 0) + left.cells
            hasTab = self.before.utf8.contains(0x09)
            let coveredEnd = min(range.upperBound, right.index)
            let coveredCells = coveredEnd == right.index ? right.cells : right.cellsAtMark
            underlineWidth = max(coveredCells ?? DisplayWidth.of(VisibleText.escaping(after[..<coveredEnd])), 1)
        }

        /// What goes before the caret: a space per cell, with the shown part's tabs kept.
        func indent() -> String {
            guard hasTab else { return ASCIIRun.of(" ", count: indentCells) }
            return ASCIIRun.of(" ", count: hasPrefix ? LineExcerpt.ellipsis.count : 0) + DisplayWidth.indent(under: VisibleText.escaping(before))
        }
    }

    /// A walk over whole characters from a point, counting the cells they take once escaped, and noting the count
    /// when it passes a marked index.
    private struct Walk {
        var index: String.Index
        var cells = 0
        var bytes = 0
        let mark: String.Index?
        /// The cells counted when the walk stood at ``mark``; `nil` if it never did (the mark is inside a character,
        /// or beyond where the walk stopped).
        var cellsAtMark: Int?

        init(start: String.Index, marking mark: String.Index? = nil) {
            index = start
            self.mark = mark
        }

        // The walks read bytes in place and keep a byte offset; a `String.Index` is made only to form a character
        // that is not printable ASCII. Reading through the substring's indices cost a third of the report's window.
        mutating func backward(in text: Substring, cells limit: Int, bytes byteLimit: Int) {
            let stop = cells + max(limit, 0)
            let utf8 = text.utf8
            var offset = utf8.distance(from: utf8.startIndex, to: index)
            // Where a scalar starts that was already found to be of the standalone ranges, so that it is decoded once.
            var knownStandalone = -1
            func walk(_ bytes: UnsafeBufferPointer<UInt8>) {
                while offset > 0 {
                    // Printable ASCII after ASCII is a character of its own, one cell wide: no grapheme breaking needed.
                    if Self.isPrintableASCII(bytes[offset - 1]) && (offset == 1 || bytes[offset - 2] < 0x80) {
                        guard step(cells: 1, bytes: 1, stop: stop, byteLimit: byteLimit) else { return }
                        offset -= 1
                        continue
                    }
                    let scalarStart = Self.scalarStart(bytes, before: offset)
                    let previousStart = scalarStart == 0 ? 0 : Self.scalarStart(bytes, before: scalarStart)
                    if scalarStart == knownStandalone || Self.isStandalone(bytes, at: scalarStart),
                       scalarStart == 0 || Self.isStandalone(bytes, at: previousStart) {
                        guard step(cells: 1, bytes: offset - scalarStart, stop: stop, byteLimit: byteLimit) else { return }
                        offset = scalarStart
                        knownStandalone = previousStart
                        continue
                    }
                    let end = utf8.index(utf8.startIndex, offsetBy: offset)
                    let start = text.index(before: end)
                    guard take(text[start..<end], stop: stop, byteLimit: byteLimit) else { return }
                    offset = utf8.distance(from: utf8.startIndex, to: start)
                }
            }
            if utf8.withContiguousStorageIfAvailable(walk) == nil { Array(utf8).withUnsafeBufferPointer(walk) }
            index = utf8.index(utf8.startIndex, offsetBy: offset)
        }

        mutating func forward(in text: Substring, cells limit: Int, bytes byteLimit: Int) {
            let stop = cells + max(limit, 0)
            let utf8 = text.utf8
            let markOffset = mark.map { utf8.distance(from: utf8.startIndex, to: $0) }
            var offset = utf8.distance(from: utf8.startIndex, to: index)
            var knownStandalone = -1
            func walk(_ bytes: UnsafeBufferPointer<UInt8>) {
                defer { if offset == markOffset { cellsAtMark = cells } }
                while offset < bytes.count {
                    if offset == markOffset { cellsAtMark = cells }
                    // Printable ASCII before ASCII (or the end) is a character of its own, one cell wide.
                    if Self.isPrintableASCII(bytes[offset]) && (offset + 1 == bytes.count || bytes[offset + 1] < 0x80) {
                        guard step(cells: 1, bytes: 1, stop: stop, byteLimit: byteLimit) else { return }
                        offset += 1
                        continue
                    }
                    let end = offset + Self.scalarLength(bytes[offset])
                    if offset == knownStandalone || Self.isStandalone(bytes, at: offset), end == bytes.count || Self.isStandalone(bytes, at: end) {
                        guard step(cells: 1, bytes: end - offset, stop: stop, byteLimit: byteLimit) else { return }
                        offset = end
                        knownStandalone = end
                        continue
                    }
                    let start = utf8.index(utf8.startIndex, offsetBy: offset)
                    let next = text.index(after: start)
                    guard take(text[start..<next], stop: stop, byteLimit: byteLimit) else { return }
                    offset = utf8.distance(from: utf8.startIndex, to: next)
                }
            }
            if utf8.withContiguousStorageIfAvailable(walk) == nil { Array(utf8).withUnsafeBufferPointer(walk) }
            index = utf8.index(utf8.startIndex, offsetBy: offset)
        }

        private static func isPrintableASCII(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }

        /// Whether the scalar starting at `offset` (the bytes are valid UTF-8) is one of ``LineExcerpt/isStandalone(_:)``.
        private static func isStandalone(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
            let length = scalarLength(bytes[offset])
            var value = UInt32(bytes[offset]) & (length == 1 ? 0x7F : 0xFF >> (length + 1))
            for index in offset + 1..<offset + length { value = value << 6 | UInt32(bytes[index] & 0x3F) }
            return LineExcerpt.isStandalone(value)
        }

        /// The length of the scalar whose lead byte is `lead`.
        private static func scalarLength(_ lead: UInt8) -> Int {
            lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        }

        /// Where the scalar ending at `offset` starts.
        private static func scalarStart(_ bytes: UnsafeBufferPointer<UInt8>, before offset: Int) -> Int {
            var start = offset - 1
            while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            return start
        }

        private mutating func step(cells width: Int, bytes size: Int, stop: Int, byteLimit: Int) -> Bool {
            guard cells + width <= stop, bytes + size <= byteLimit else { return false }
            cells += width
            bytes += size
            return true
        }

        private mutating func take(_ character: Substring, stop: Int, byteLimit: Int) -> Bool {
            step(cells: Self.cells(character), bytes: character.utf8.count, stop: stop, byteLimit: byteLimit)
        }

        /// The cells of one character once escaped; the escape is built only for a character that has one.
        private static func cells(_ character: Substring) -> Int {
            guard character.unicodeScalars.contains(where: { VisibleText.escape($0) != nil }) else {
                return DisplayWidth.of(cluster: character.unicodeScalars)
            }
            return DisplayWidth.of(VisibleText.escaping(character))
        }
    }
}
