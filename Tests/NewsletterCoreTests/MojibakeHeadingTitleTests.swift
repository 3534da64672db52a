import NewsletterCore
import Testing

/// Heading decoration recognises mangled emoji by reading them back through Windows-1252 and Mac OS Roman,
/// without the repair engine.
@Suite struct MojibakeHeadingTitleTests {
    @Test(arguments: [
        ("ü§å Ben's Picks", "ü§å"),
        ("üëã Welcome back", "üëã"),
        ("ðŸŽ‰ Launch day", "ðŸŽ‰"),
        ("‚úÖ Done", "‚úÖ"),
        ("\u{F8FF}ü§å Picks", "\u{F8FF}ü§å"),
        ("Ã°Å¸Â¤Å’ Twice mangled", "Ã°Å¸Â¤Å’"),
        ("ü§åü§å Two stripped logos", "ü§åü§å"),
        ("ðŸ‡µðŸ‡¹ Lisbon", "ðŸ‡µðŸ‡¹"),
        ("🔥 🔥 Hot", "🔥 🔥"),
        ("1️⃣ First", "1️⃣"),
    ])
    func mangledAndCorrectEmojiAreDecoration(heading: String, emoji: String) {
        #expect(HeadingTitle.split(heading).emoji == emoji)
    }

    @Test(arguments: ["Über uns", "Ã©tÃ© notes", "São Paulo", "ü is a letter", "Ärger", "üçüncü gün", "Ã¢â‚¬â„¢s notes", "Привет мир"])
    func wordsAreNotDecoration(heading: String) {
        #expect(HeadingTitle.split(heading).emoji == nil)
        #expect(HeadingTitle.split(heading).title == heading)
    }
}
