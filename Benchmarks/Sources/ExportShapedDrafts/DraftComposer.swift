/// Writes one export-shaped draft from a seed: the header block, a greeting, sections of mixed body blocks until
/// the size is reached, then the footer. Each block is one of the shapes real exports are made of (see
/// ``ExportShapedDrafts``); which one, and every name, number and URL in it, comes from the seed.
struct DraftComposer {
    private typealias Words = DraftVocabulary

    private var random: DraftRandom
    private var text = ""
    private let publication: String

    init(seed: UInt64) {
        random = DraftRandom(seed: seed)
        publication = (random.pick(Words.productStems) + random.pick(["weekly", "daily", "digest", "brief"])).lowercased()
    }

    /// The draft, at least `bytes` UTF-8 bytes long (the footer comes after the last section that reaches it).
    mutating func draft(bytes: Int) -> String {
        text.reserveCapacity(bytes + 8192)
        appendHeader()
        appendGreeting()
        while text.utf8.count < bytes {
            appendSection()
        }
        appendFooter()
        return text
    }

    // MARK: Header, greeting, footer

    private mutating func appendHeader() {
        text += "# \(random.chance(30) ? random.pick(Words.sectionEmoji) + " " : "")\(phrase(words: random.within(5...9)))\n\n"
        text += "### \(random.chance(70) ? "PLUS: " : "")\(phrase(words: random.within(6...12)))\n\n"
        if random.chance(70) {
            let first = random.pick(Words.firstNames)
            text += "![Author](\(mediaURL(folder: "user/profile_picture", name: first.lowercased() + ".jpg")))\n\n"
            let lineEnd = random.chance(80) ? "\\\n" : "  \n"
            text += "[\(first) \(random.pick(Words.lastNames))](https://\(publication).beehiiv.com/authors/\(uuid()))\(lineEnd)"
            text += "\(random.pick(Words.months)) \(twoDigits(random.within(1...28))), \(random.within(2021...2025))\n\n"
        } else {
            appendLinkBar(["Advertise", "Jobs", "Community", "Sponsor", "Archive"])
            text += "\(phrase(words: 2)) #\(random.within(12...999))\n\n"
        }
    }

    private mutating func appendGreeting() {
        text += "Hey {{first_name | friend}}, \(prose(sentences: random.within(2...4)))\n\n"
        if random.chance(60) {
            text += "**In today’s \(random.pick(["digest", "issue", "email"])):**\n\n"
            for _ in 0..<random.within(3...5) {
                text += "- \(random.pick(Words.sectionEmoji)) \(phrase(words: random.within(4...9)))\n"
            }
            text += "\n"
        }
    }

    private mutating func appendFooter() {
        text += "## **\(random.chance(50) ? "👋" : "\u{F8FF}üëã") See ya**\n\n\(prose(sentences: 2))\n\n"
        text += "[Share \(publication)](https://\(publication).beehiiv.com/subscribe?ref=PLACEHOLDER) | "
        text += "[Refer a friend](\(random.pick(["{{rp_refer_url}}", "https://\(publication).beehiiv.com/refer?ref=PLACEHOLDER"])))\n\n"
        text += "<small>You are reading this as {{email}} ([manage](https://\(publication).beehiiv.com/manage?id={{subscriber_id}})). "
        text += "[Unsubscribe](https://\(publication).beehiiv.com/unsubscribe?ref=PLACEHOLDER)</small>\n"
    }

    // MARK: Sections

    /// A heading in one of the forms exports use, the `######` tagline under it, then one to three blocks;
    /// one section in sixteen is empty (the next heading follows at once).
    private mutating func appendSection() {
        let emoji = random.pick(Words.sectionEmoji)
        let title = random.pick(Words.sectionTitles)
        switch random.below(8) {
        case 0, 1: text += "### **\(emoji) \(title)**\n"
        case 2: text += "## **\(emoji) \(title)**\n"
        case 3: text += "### \(emoji)\(title)\n"
        case 4: text += "### \(emoji) \(title)\n"
        case 5:
            let words = title.uppercased().split(separator: " ")
            text += "## **\(emoji) \(words[0])**\(words.dropFirst().map { " " + $0 }.joined())\n"
        case 6: text += "## <mark>**\(emoji) \(title)**</mark>\n"
        default: text += "###### **\(emoji) \(title)**\n"
        }
        guard !random.chance(6) else { return }
        if random.chance(85) {
            text += "\(random.chance(25) ? "\n" : "")###### \(random.pick(Words.taglines))\n"
        }
        text += "\n"
        for _ in 0..<random.within(1...3) {
            switch random.below(16) {
            case 0...3: appendToolList()
            case 4...6: appendRoundup()
            case 7...9: appendStory()
            case 10: appendSponsor()
            case 11: appendImage()
            case 12: appendPoll()
            case 13: appendLinkBar(["Share", "Refer a friend", "Advertise", "Archive", "Jobs"])
            default: appendNumberedList()
            }
        }
    }

    // MARK: Blocks

    /// `- Name - **what it is**. ([<u>link</u>](https://...))`, with spaces lost around bold and links now and then.
    private mutating func appendToolList() {
        for _ in 0..<random.within(3...8) {
            let name = productName()
            let linkText = random.pick(["<u>link</u>", "link", "Try it", "<u>\(name)</u>"])
            switch random.below(5) {
            case 0: text += "- \(name) - an API**with**\(random.pick(Words.whatItIs)) ([\(linkText)](\(trackedURL())))\n"
            case 1: text += "- \(name) - \(random.pick(Words.whatItIs)), with[\(linkText)](\(siteURL()))\n"
            default: text += "- \(name) - **\(random.pick(Words.whatItIs))**. ([\(linkText)](\(trackedURL())))\n"
            }
        }
        text += "\n"
    }

    /// One line of several kilobytes holding dozens of links.
    private mutating func appendRoundup() {
        text += "**\(random.pick(["Quick hits", "More links", "Also trending", "In other news"])):**"
        for index in 0..<random.within(15...60) {
            let separator = index == 0 ? " " : random.pick(["; ", " | ", ". ", ", "])
            let emoji = random.chance(20) ? random.pick(Words.richWords) + " " : ""
            let url = random.chance(60) ? trackedURL() : siteURL()
            text += "\(separator)\(emoji)[\(phrase(words: random.within(2...6)))](\(url)) \(phrase(words: random.within(2...8)).lowercased())"
        }
        text += ".\n\n"
    }

    /// A paragraph with soft breaks, link text wrapping onto the next line, a link right after a hard break,
    /// a bare URL ending in punctuation, a `<...>` autolink and inline HTML.
    private mutating func appendStory() {
        text += "\(prose(sentences: random.within(1...3))) See [\(phrase(words: 2))\n\(phrase(words: 2).lowercased())](\(trackedURL())) "
        text += "and \(prose(sentences: 1))\(random.chance(50) ? "\\" : "  ")\n[\(phrase(words: 3))](\(siteURL())) "
        text += "\(prose(sentences: 1))\nMore at \(siteURL())\(random.pick([".", ",", ")", "!", ";"])) "
        text += "or <https://\(host())/\(slug())>. "
        switch random.below(4) {
        case 0: text += "<u>\(prose(sentences: 1))</u>"
        case 1: text += "<font color=\"#6b7280\">\(prose(sentences: 1))</font>"
        case 2: text += "<small>\(prose(sentences: 1))</small>"
        default: text += "<mark>\(phrase(words: 4))</mark> \(prose(sentences: 1))"
        }
        text += "\n\n"
    }

    /// A bold lead-in, a link with no space before it, `\` hard breaks inside the paragraph, a button.
    private mutating func appendSponsor() {
        let name = productName()
        let url = trackedURL()
        text += "**Together with \(name)**[\(name)](\(url)) \(prose(sentences: 2))\\\n"
        text += "\(prose(sentences: 1))\\\n[**Try \(name) free**](\(url))\\\n<button>Get started</button>\n\n"
    }

    private mutating func appendImage() {
        text += "![](\(mediaURL(folder: "asset/file", name: slug() + ".png")))\n\n"
        if random.chance(60) { text += "<small>\(prose(sentences: 1))</small>\n\n" }
    }

    /// A poll, rendered as a one-column pipe table whose first row is a heading and the others list items.
    private mutating func appendPoll() {
        text += "||\n|:---|\n| ### How was today’s \(random.pick(["email", "issue", "digest"]))? |\n"
        let poll = uuid()
        for (answer, label) in ["😍 Loved it", "😐 It was OK", "😞 Not for me"].enumerated() {
            text += "| - [\(label)](https://\(publication).beehiiv.com/polls/\(poll)?answer=\(answer + 1)\\&email={{email}}) |\n"
        }
        text += "\n"
    }

    /// `[A](...)|[B](...)|\` then the rest of the row on the next line.
    private mutating func appendLinkBar(_ labels: [String]) {
        let breakAfter = random.within(1...(labels.count - 1))
        for (index, label) in labels.enumerated() {
            text += "[\(label)](https://\(publication).beehiiv.com/\(label.lowercased().replacing(" ", with: "-"))?ref=PLACEHOLDER)"
            if index == breakAfter - 1 {
                text += "|\\\n"
            } else if index < labels.count - 1 {
                text += "|"
            }
        }
        text += "\n\n"
    }

    private mutating func appendNumberedList() {
        for number in 1...random.within(2...5) {
            text += "\(number). \(random.pick(Words.richWords)) **\(phrase(words: random.within(2...4)))**: \(prose(sentences: 1)) "
            text += "([\(random.pick(["source", "thread", "paper", "video"]))](\(siteURL())))\n"
        }
        text += "\n"
    }

    // MARK: Pieces

    /// Words with a capital first letter, no final stop; one word in eight is not ASCII.
    private mutating func phrase(words count: Int) -> String {
        var words: [String] = []
        for _ in 0..<count {
            words.append(random.chance(12) ? random.pick(Words.richWords) : random.pick(Words.words))
        }
        let first = words[0]
        words[0] = first.prefix(1).uppercased() + first.dropFirst()
        return words.joined(separator: " ")
    }

    private mutating func prose(sentences count: Int) -> String {
        (0..<count).map { _ in phrase(words: random.within(6...18)) + random.pick([".", ".", ".", "!", "?"]) }.joined(separator: " ")
    }

    private mutating func productName() -> String {
        random.pick(Words.productStems) + random.pick(Words.productSuffixes)
    }

    private mutating func host() -> String {
        productName().lowercased() + random.pick([".com", ".ai", ".io", ".dev", ".app"])
    }

    private mutating func slug() -> String {
        (0..<random.within(2...5)).map { _ in random.pick(Words.words).lowercased() }.joined(separator: "-")
    }

    /// A beehiiv click-tracking redirect, whose opaque token makes these links a few hundred bytes long.
    private mutating func trackedURL() -> String {
        let parts = (0..<3).map { _ in
            String((0..<random.within(40...120)).map { _ in random.pick(Words.base64URL) })
        }
        return "https://flight.beehiiv.net/v2/clicks/" + parts.joined(separator: ".")
    }

    /// A site link with `utm_*` parameters, the `&` often backslash-escaped as converters write it.
    private mutating func siteURL() -> String {
        let ampersand = random.chance(50) ? "\\&" : "&"
        return "https://\(host())/\(slug())?utm_source=\(publication)\(ampersand)utm_medium=newsletter\(ampersand)utm_campaign=\(slug())"
    }

    private mutating func mediaURL(folder: String, name: String) -> String {
        "https://media.beehiiv.com/cdn-cgi/image/fit=scale-down,format=auto,onerror=redirect,quality=80/uploads/\(folder)/\(uuid())/\(name)"
    }

    private mutating func uuid() -> String {
        [8, 4, 4, 4, 12].map { length in String((0..<length).map { _ in random.pick(Words.hex) }) }.joined(separator: "-")
    }

    private func twoDigits(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }
}
