/// Generates beehiiv-style drafts of a given size: the header block, sections with mangled emoji headings,
/// list items with links, bold run into words, images, and a footer with placeholder links. Deterministic.
struct DraftGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed &* 6_364_136_223_846_793_005 &+ 1
    }

    private mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    private static let emoji = ["\u{F8FF}ü§å", "üß∞", "\u{F8FF}üî•", "‚≠êÔ∏è", "🎯", "📚", "\u{F8FF}üëã", "💡"]
    private static let titles = ["Cool Tools", "Ben’s Picks", "REAL** REVIEWS", "Quick Tip", "Reading List", "Top Stories", "See ya"]
    private static let words = ["ledger", "notes", "teams", "sync", "small", "tools", "editor", "launch", "review", "price", "week", "readers"]

    /// A draft of at least `bytes` UTF-8 bytes.
    mutating func draft(bytes: Int) -> String {
        var text = """
            # Daily Digest: Issue \(next(1000))

            ### PLUS: why small tools win

            ![Author](https://media.beehiiv.com/uploads/user/profile_picture/\(next(9999))/ada.jpg)

            [Ada Quill](https://www.beehiiv.com/@adaquill)\\
            January 03, 2023

            Hey friends, welcome back to the digest. Today we look at an API**with** a twist.


            """
        var section = 0
        while text.utf8.count < bytes {
            let level = next(3) == 0 ? "###" : "##"
            text += "\(level) **\(Self.emoji[next(Self.emoji.count)]) \(Self.titles[section % Self.titles.count]) \(section)**\n\n"
            for item in 0..<(3 + next(5)) {
                let word = Self.words[next(Self.words.count)]
                let host = "\(Self.words[next(Self.words.count)])\(next(50)).app"
                let linkText = next(3) == 0 ? "<u>link</u>" : "the \(word) guide"
                text += "- \(word.capitalized) \(item) - **a \(word) for \(Self.words[next(Self.words.count)])**. "
                text += "([\(linkText)](https://\(host)/\(word)?utm_source=digest\\&utm_medium=email))\n"
            }
            text += "\nSome teams refrain from**spending** on \(Self.words[next(Self.words.count)]); read more at <https://acme.dev/\(section)>.\n\n"
            if next(4) == 0 { text += "![](https://media.beehiiv.com/uploads/asset/file/\(section)/chart.png)\n\n" }
            section += 1
        }
        text += """
            ## **\u{F8FF}üëã See ya**

            [Share the digest](https://digest.beehiiv.com/subscribe?ref=PLACEHOLDER)

            [Refer a friend]({{rp_refer_url}})

            """
        return text
    }
}
