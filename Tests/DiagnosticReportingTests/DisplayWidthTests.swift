@testable import DiagnosticReporting
import Testing

/// Widths settled by value agree with the widths the Unicode properties give, and the cases around them stand.
@Suite struct DisplayWidthTests {
    @Test(arguments: [0xA0...0x2FF, 0x2010...0x205E, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3] as [ClosedRange<UInt32>])
    func widthsByValueAreThePropertyWidths(block: ClosedRange<UInt32>) {
        let differing = block.compactMap(Unicode.Scalar.init).filter { scalar in
            guard let width = DisplayWidth.commonWidth(scalar.value) else { return false }
            return width != DisplayWidth.propertyWidth(of: Character(scalar).unicodeScalars, first: scalar)
        }
        #expect(differing.isEmpty, "\(differing.prefix(5).map { String($0.value, radix: 16) })")
    }

    @Test(arguments: [
        ("café", 4), ("’", 1), ("北京", 4), ("서울", 4), ("🤌", 2), ("👩‍💻", 2), ("❤️", 2), ("e\u{301}", 1), ("\u{AD}", 0),
        ("a\tb", 3),
    ])
    func textWidths(text: String, cells: Int) {
        #expect(DisplayWidth.of(text) == cells)
        #expect(DisplayWidth.fits(text, in: cells))
        #expect(!DisplayWidth.fits(text, in: cells - 1))
    }

    /// The bound counted on bytes never falls below the width, so `fits` answers as measuring every character does,
    /// on texts of characters of every width and of several scalars each, at limits around their width.
    @Test func theByteBoundNeverFallsBelowTheWidth() {
        let pieces = [
            "a", " ", "\t", "\r\n", "e\u{301}", "1\u{FE0F}\u{20E3}", "👩‍💻", "🇫🇷", "🤌🏽", "❤️", "北", "서", "’", "é", "\u{AD}",
            "\u{200B}", "ü§å", "\u{1B}",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        var checked = 0
        for _ in 0..<2_000 {
            let text = (0..<(1 + next(40))).map { _ in pieces[next(pieces.count)] }.joined()
            let width = DisplayWidth.of(text)
            #expect(DisplayWidth.cellBound(text.utf8) >= width, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            for limit in max(width - 2, 0)...(width + 2) {
                #expect(DisplayWidth.fits(text, in: limit) == (width <= limit))
                checked += 1
            }
        }
        #expect(checked >= 9_000)
    }
}
