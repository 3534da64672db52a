@testable import DiagnosticReporting
import TestSupport
import Testing

/// The window of a long line keeps its caret and underline in place whatever the line holds: the walk that chooses
/// the window also measures the indent and the underline, and these tests measure them again on the shown text.
@Suite struct LineExcerptTests {
    /// Characters of every width and kind a draft line holds: ASCII, a tab, escaped controls (ESC, NEL, a
    /// right-to-left override), an emoji, a joined emoji, an emoji with its variation selector, a letter with a
    /// combining accent, CJK and Hangul, a curly quote.
    static let pieces = ["a", "b", " ", "\t", "\u{1B}", "\u{85}", "\u{202E}", "🤌", "👩‍💻", "❤️", "e\u{301}", "北", "서", "’", "x"]

    /// Random lines with the problem between two marks that occur nowhere else (`§` starts it, `¶` follows its end), so
    /// that where the problem starts and ends in the shown text can be found in it.
    @Test(arguments: 0..<8)
    func caretAndUnderlineMatchTheShownText(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<60 {
            func piece() -> String { Self.pieces.randomElement(using: &generator)! }
            let before = (0..<Int.random(in: 0...400, using: &generator)).map { _ in piece() }.joined()
            let covered = (0..<Int.random(in: 0...150, using: &generator)).map { _ in piece() }.joined()
            let after = (0..<Int.random(in: 0...300, using: &generator)).map { _ in piece() }.joined()
            let line = before + "§" + covered + "¶" + after
            let start = line.firstIndex(of: "§")!, end = line.firstIndex(of: "¶")!
            let excerpt = LineExcerpt(line: Substring(line), range: start..<end)

            let shown = excerpt.text
            let shownStart = shown.firstIndex(of: "§")!
            // The underline runs to the problem's end, or to the end of the window when the problem goes past it.
            let shownEnd = shown.firstIndex(of: "¶") ?? (shown.hasSuffix("...") ? shown.index(shown.endIndex, offsetBy: -3) : shown.endIndex)
            #expect(excerpt.indent == DisplayWidth.indent(under: shown[..<shownStart]), "\(line.debugDescription)")
            #expect(excerpt.underlineWidth == max(DisplayWidth.of(shown[shownStart..<shownEnd]), 1), "\(line.debugDescription)")
            #expect(DisplayWidth.of(shown) <= LineExcerpt.defaultWidth + 1, "\(line.debugDescription)")
            // The text report writes the same excerpt as bytes.
            var written: [UInt8] = []
            let underline = LineExcerpt.write(line: Substring(line), range: start..<end, width: LineExcerpt.defaultWidth, into: &written)
            #expect(String(decoding: written, as: UTF8.self) == excerpt.text + "\n" + excerpt.indent, "\(line.debugDescription)")
            #expect(underline == excerpt.underlineWidth, "\(line.debugDescription)")
        }
    }

    /// The scalars the window's walk steps over on its own are each a character of one cell, shown as they are.
    @Test func standaloneScalarsTakeOneCellUnescaped() {
        let standalone = (0..<0x3000).compactMap(Unicode.Scalar.init).filter { LineExcerpt.isStandalone($0.value) }
        #expect(standalone.count == 95 + 13 + 594 + 24 + 47 + 33 + 80)
        for scalar in standalone {
            #expect(DisplayWidth.of(cluster: CollectionOfOne(scalar)) == 1, "U+\(String(scalar.value, radix: 16))")
            #expect(VisibleText.escape(scalar) == nil, "U+\(String(scalar.value, radix: 16))")
            #expect(String(scalar).count == 1 && (String(scalar) + "a").count == 2 && ("a" + String(scalar)).count == 2)
        }
    }

    /// Mangled text's characters (Latin-1 letters, Windows-1252 punctuation, letterlike symbols) with what may join
    /// them into one character: a combining accent, a variation selector, a joiner, a soft hyphen, a line separator.
    static let mangledPieces = [
        "a", " ", "ü", "§", "Œ", "ð", "Ÿ", "€", "‚", "’", "™", "‼", "\u{AD}", "\u{301}", "\u{FE0F}", "\u{200D}", "🤌", "\u{2028}", "e",
    ]

    /// The window starts and ends between two characters of the line, as the string's own grapheme breaking finds
    /// them, wherever the problem starts: the walk's shortcut for mangled text's characters must never cut one.
    @Test(arguments: 0..<8)
    func windowEndsFallBetweenCharacters(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<60 {
            let line = (0..<Int.random(in: 1...600, using: &generator))
                .map { _ in Self.mangledPieces.randomElement(using: &generator)! }.joined()
            let characterOffsets = Set(line.indices.map { line.utf8.distance(from: line.startIndex, to: $0) } + [line.utf8.count])
            let scalars = line.unicodeScalars
            let startOffset = Int.random(in: 0..<scalars.count, using: &generator)
            let start = scalars.index(scalars.startIndex, offsetBy: startOffset)
            let end = scalars.index(start, offsetBy: Int.random(in: 0...(scalars.count - startOffset), using: &generator))
            let excerpt = LineExcerpt(line: Substring(line), range: start..<end)

            // No piece holds a full stop: dots at either end are the window's marks (taken off as bytes, since a
            // mark's last dot and a variation selector after it make one character).
            var shownBytes = Array(excerpt.text.utf8)
            if shownBytes.starts(with: "...".utf8) { shownBytes.removeFirst(3) }
            if shownBytes.reversed().starts(with: "...".utf8) { shownBytes.removeLast(3) }
            let problemOffset = line.utf8.distance(from: line.startIndex, to: start)
            let lineBytes = Array(line.utf8)
            // Where the shown text stands in the line: an occurrence around the problem's start.
            let occurrences = (0...(lineBytes.count - shownBytes.count)).filter { offset in
                offset <= problemOffset && problemOffset <= offset + shownBytes.count
                    && lineBytes[offset..<offset + shownBytes.count].elementsEqual(shownBytes)
            }
            #expect(occurrences.contains { characterOffsets.contains($0) && characterOffsets.contains($0 + shownBytes.count) }
                    || !characterOffsets.contains(problemOffset), "\(line.debugDescription) from \(problemOffset)")
        }
    }
}
