import NewsletterCore
import Testing

@Suite struct SourceTextColumnUnitTests {
    /// `😀` is 4 bytes, 2 UTF-16 units, 1 scalar; `漢` 3 bytes, 1 unit, 1 scalar; `é` 2 bytes, 1 unit, 1 scalar.
    private let source = SourceText("first\n😀漢é x\r\nlast")

    @Test(arguments: [
        (ColumnUnit.utf8, [1, 5, 8, 10, 11, 12]),
        (ColumnUnit.utf16, [1, 3, 4, 5, 6, 7]),
        (ColumnUnit.unicodeScalars, [1, 2, 3, 4, 5, 6]),
    ])
    func columnsOfEachCharacterInEachUnit(unit: ColumnUnit, columns: [Int]) {
        let offsets = [6, 10, 13, 15, 16, 17]
        #expect(offsets.map { source.column(of: source.location(atUTF8Offset: $0), in: unit) } == columns)
        #expect(columns.map { source.location(line: 2, column: $0, in: unit).offset } == offsets)
    }

    @Test(arguments: [
        // Inside the emoji (a UTF-16 low surrogate, UTF-8 continuation bytes): the emoji's start.
        (ColumnUnit.utf16, 2, 2, 6),
        (ColumnUnit.utf8, 2, 3, 6),
        (ColumnUnit.utf8, 2, 7, 10),
        // Past the line's end: its end, before `\r\n`; past the last line: the end of the text.
        (ColumnUnit.utf16, 2, 90, 17),
        (ColumnUnit.unicodeScalars, 3, 90, 23),
        (ColumnUnit.utf8, 4, 1, 23),
        (ColumnUnit.utf16, 1_000_000, 3, 23),
        // Before the first line or column: the start.
        (ColumnUnit.utf16, 0, 0, 0),
        (ColumnUnit.utf8, -3, -9, 0),
    ])
    func positionsOutsideTheTextAreClamped(unit: ColumnUnit, line: Int, column: Int, offset: Int) {
        #expect(source.location(line: line, column: column, in: unit).offset == offset)
    }

    @Test func anEmptyTextHasOnePosition() {
        let empty = SourceText("")
        #expect(empty.location(line: 1, column: 5, in: .utf16) == SourceLocation(offset: 0, line: 1, column: 1))
        #expect(empty.column(of: SourceLocation(offset: 0, line: 1, column: 1), in: .utf8) == 1)
    }

    @Test func utf16ColumnsOnALongLineMatchTheStandardLibrarysCount() {
        // A 20 KB line (past the 1 KiB blocks of the scalar index) of ASCII, emoji, CJK and accents in a mix.
        let pieces = ["a", "😀", "漢", "é", "🇫🇷", " ", "xyz", "𝔘"]
        var line = ""
        var index = 0
        while line.utf8.count < 20_000 {
            line += pieces[index % pieces.count]
            index += 7
        }
        let text = "first line\n" + line + "\nlast"
        let source = SourceText(text)
        let lineStart = 11
        // Every 13th character boundary of the line, with the UTF-16 units before it.
        var boundaries: [(offset: Int, units: Int)] = []
        var offset = lineStart
        var units = 0
        for (position, scalar) in line.unicodeScalars.enumerated() {
            if position.isMultiple(of: 13) { boundaries.append((offset, units)) }
            offset += UTF8.width(scalar)
            units += UTF16.width(scalar)
        }
        boundaries.append((offset, units))
        #expect(boundaries.count > 100)
        for boundary in boundaries {
            let location = source.location(atUTF8Offset: boundary.offset)
            #expect(source.column(of: location, in: .utf16) == boundary.units + 1)
            #expect(source.location(line: 2, column: boundary.units + 1, in: .utf16).offset == boundary.offset)
        }
    }

    /// Every byte offset of long lines (past the blocks of the scalar index, which count from a block's nearer end), in
    /// the middle of characters too: the column is one more than the scalars that start on the line before the offset,
    /// as counting from the line's start gives it.
    @Test(arguments: [1023, 1024, 1025, 5000])
    func scalarColumnsAtEveryOffsetOfALongLine(length: Int) {
        let pieces = ["a", "😀", "漢", "é", " ", "xyz"]
        var long = ""
        var index = 0
        while long.utf8.count < length {
            long += pieces[index % pieces.count]
            index += 5
        }
        let source = SourceText("first line\n" + long + "\n" + long)
        let bytes = Array(source.text.utf8)
        var lineNumber = 1
        var scalarsBefore = 0
        for offset in 0...bytes.count {
            #expect(source.location(atUTF8Offset: offset) == SourceLocation(offset: offset, line: lineNumber, column: scalarsBefore + 1))
            guard offset < bytes.count else { break }
            if bytes[offset] & 0xC0 != 0x80 { scalarsBefore += 1 }
            if bytes[offset] == 0x0A { (lineNumber, scalarsBefore) = (lineNumber + 1, 0) }
        }
    }
}
