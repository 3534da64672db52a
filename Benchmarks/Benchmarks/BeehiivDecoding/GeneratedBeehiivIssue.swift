/// A beehiiv-style export of a chosen size, the same text on every run: header block, greeting, then sections
/// mixing `##` and `###` bold-emoji headings with list items of links (`\&` escapes, `<u>link</u>`), bare URLs,
/// emoji before links, an occasional empty section and poll table.
enum GeneratedBeehiivIssue {
    private static let emoji = ["🤌", "🔥", "📰", "🎯", "💡", "⭐️", "\u{F8FF}ü§å", "✅", "👋", "🧰"]
    private static let words = ["tools", "picks", "review", "notes", "inbox", "weekly", "café", "API", "ship", "lathe"]

    /// The text of an issue of at least `minimumBytes` UTF-8 bytes.
    static func text(minimumBytes: Int) -> String {
        var text = """
            # The Benchmark Weekly: Every tool, every week

            ### PLUS: thousands of sections and links

            ![Author](https://media.beehiiv.com/cdn-cgi/image/fit=scale-down,format=auto/uploads/user/profile_picture/bench/avatar.jpg)

            [Bench Writer](https://benchmarkweekly.example/authors/bench)\\
            January 03, 2023

            Hey {{first_name | friend}}, welcome to issue #1.


            """
        var section = 0
        while text.utf8.count < minimumBytes {
            let mark = section % 3 == 1 ? "##" : "###"
            let word = words[section % words.count]
            let emojiText = emoji[section % emoji.count]
            text += "\(mark) **\(emojiText) \(word.capitalized) \(section)**\n"
            if section % 17 == 5 {
                section += 1
                continue
            }
            text += """

                - \(word.capitalized) - **what it is**. ([<u>link</u>](https://flight.beehiiv.net/v2/clicks/t\(section)?utm_source=bench\\&utm_medium=newsletter))
                - \(emojiText) [\(word)](https://\(word).example/item/\(section)?ref=PLACEHOLDER) - an API**with**no docs.
                - Read more at https://docs.example/\(word)/\(section). Or `curl https://not.a.link/\(section)`.

                """
            if section % 23 == 7 {
                text += """

                    ||
                    |:---|
                    | ### How was today's email? |
                    | - [Loved it](https://benchmarkweekly.example/poll?section=\(section)\\&answer=1) |

                    """
            }
            text += "\n"
            section += 1
        }
        return text
    }
}
