extension SourceText {
    /// The 1-based column of `location` counted in `unit`.
    ///
    /// ```swift
    /// let source = SourceText("😀 x\n")
    /// let x = source.location(atUTF8Offset: 5)
    /// source.column(of: x, in: .utf8)            // 6
    /// source.column(of: x, in: .utf16)           // 4
    /// source.column(of: x, in: .unicodeScalars)  // 3
    /// ```
    public func column(of location: SourceLocation, in unit: ColumnUnit) -> Int {
        switch unit {
        case .utf8: utf8Column(of: location)
        case .utf16: utf16Column(of: location)
        case .unicodeScalars: location.column
        }
    }

    /// The location at a 1-based line and a 1-based column counted in `unit`, clamped into the text as editors
    /// expect: a column past the line's end is the line's end (before its line ending), a line past the last is the
    /// end of the text, and a column inside a character (a UTF-8 continuation byte, the second half of a UTF-16
    /// surrogate pair) is that character's start.
    public func location(line: Int, column: Int, in unit: ColumnUnit) -> SourceLocation {
        guard line <= lineStarts.count else { return location(atUTF8Offset: utf8Count) }
        let lineRange = lineOffsets(max(line, 1))
        let wanted = max(column - 1, 0)
        let offset: Int = text.utf8.withContiguousStorageIfAvailable { bytes in
            var offset = lineRange.lowerBound
            var counted = 0
            while offset < lineRange.upperBound {
                let lead = bytes[offset]
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                let units = switch unit {
                case .utf8: length
                case .utf16: length == 4 ? 2 : 1
                case .unicodeScalars: 1
                }
                if counted + units > wanted { break }
                counted += units
                offset += length
            }
            return offset
        } ?? lineRange.lowerBound
        return location(atUTF8Offset: offset)
    }
}
