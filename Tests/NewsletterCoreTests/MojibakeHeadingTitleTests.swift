import NewsletterCore
import Testing

/// Heading decoration recognises mangled emoji through the code page tables.
@Suite struct MojibakeHeadingTitleTests {
    @Test(arguments: [
        ("ü§å Ben's Picks", "ü§å"),
        ("üëã Welcome back", "üëã"),
        ("ðŸŽ‰ Launch day", "ðŸŽ‰"),
        ("‚úÖ Done", "‚úÖ"),
        ("\u{F8FF}ü§å Picks", "\u{F8FF}ü§å"),
        ("🔥 🔥 Hot", "🔥 🔥"),
        ("1️⃣ First", "1️⃣"),
    ])
    func mangledAndCorrectEmojiAreDecoration(heading: String, emoji: String) {
        #expect(HeadingTitle.split(heading).emoji == emoji)
    }

    @Test(arguments: ["Über uns", "Ã©tÃ© notes", "São Paulo", "ü is a letter", "Ärger"])
    func wordsAreNotDecoration(heading: String) {
        #expect(HeadingTitle.split(heading).emoji == nil)
        #expect(HeadingTitle.split(heading).title == heading)
    }
}
