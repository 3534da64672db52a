@testable import NewsletterCore
import Testing

/// HeadingTitle answers white space and ASCII letters by value instead of by property lookup; the answers must not move.
@Suite struct HeadingTitleSpeedPathTests {
    @Test func whiteSpaceByValueIsUnicodesWhiteSpaceProperty() {
        let mismatches = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
            HeadingTitle.isWhitespace($0) != $0.properties.isWhitespace
        }
        #expect(mismatches.isEmpty)
    }

    @Test(arguments: [
        ("Tools 12", nil, "Tools 12"),
        ("1️⃣ First", "1️⃣", "First"),
        ("🔥\u{3000}Hot", "🔥", "Hot"),
        ("🔥\u{00A0}Hot", "🔥", "Hot"),
        ("A🔥 Mixed", nil, "A🔥 Mixed"),
    ] as [(String, String?, String)])
    func asciiLettersEndTheDecoration(heading: String, emoji: String?, title: String) {
        #expect(HeadingTitle.split(heading).emoji == emoji)
        #expect(HeadingTitle.split(heading).title == title)
        var splitter = HeadingTitle.Splitter()
        #expect(splitter.split(heading).emoji == emoji)
        #expect(splitter.split(heading).title == title)
    }
}
