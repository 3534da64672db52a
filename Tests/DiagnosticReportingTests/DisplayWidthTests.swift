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
}
