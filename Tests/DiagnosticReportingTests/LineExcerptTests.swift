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
}
