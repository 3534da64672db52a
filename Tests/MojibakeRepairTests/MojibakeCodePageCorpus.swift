import MojibakeRepair

/// Generated sets for the code pages beyond the default three: correct lines in the languages each page
/// serves, those lines mangled through the page, and the correct text that looks most like such mangling.
enum MojibakeCodePageCorpus {
    /// A page, the pages scanned with it, and the lines it mangles.
    struct Page: CustomStringConvertible {
        var page: CodePage
        var languages: [[String]]
        /// The page that explains the misreading: a strict page's text is read through its sloppy variant,
        /// which knows the bytes a strict decoder drops and puts them back.
        var reader: CodePage? = nil
        var description: String { page.identifier }
        /// The pages behind nearly all newsletter mojibake and this one: a scan follows at most eight pages.
        var scanned: [CodePage] { MojibakeCodePageCorpus.westernPages + [reader ?? page] }
    }

    // Our own sentences; words chosen so that every mangled word holds a sequence of three or more bytes or
    // two touching sequences (a lone pair of characters decoding to one letter is ambiguous, see the article).
    static let russian = ["Привет, мир", "Москва — столица", "Ёлка и ёж", "Добрый вечер, друзья", "Новости недели"]
    static let ukrainian = ["Рідна мова", "Сімферополь і Київ", "Їжак ґанок є", "Добрий день, друзі!", "РІВЕНЬ ВОДИ"]
    static let centralEuropean = [
        "Zażółć gęślą jaźń", "Příliš žluťoučký kůň", "Árvíztűrő tükörfúrógép", "Mám dost třetího", "București și Iași",
        "Łódź i Kraków", "Šťastný nový rok",
    ]
    static let greek = ["Καλημέρα κόσμε", "Ελλάδα και Αθήνα", "Ευχαριστώ πολύ"]
    static let turkish = ["ağaç ve İstanbul", "Gümüşhane güzel bir şehir", "Işık ılık"]
    static let baltic = ["Latviešu valoda ģimene", "Eesti keel õun", "Žalgiris ir Šiauliai"]
    static let english = ["It’s “quoted” — yes…", "café naïve 🤌 北京"]

    /// Windows-1252, Latin-1 and Mac OS Roman.
    static let westernPages: [CodePage] = [.windows1252Sloppy, .latin1, .macOSRoman]

    static let pages: [Page] = [
        Page(page: .windows1251Sloppy, languages: [russian, ukrainian, english]),
        Page(page: .windows1251, languages: [russian, ukrainian], reader: .windows1251Sloppy),
        Page(page: .windows1250Sloppy, languages: [centralEuropean, english]),
        Page(page: .iso8859_2, languages: [centralEuropean]),
        Page(page: .cp437, languages: [russian, centralEuropean, english]),
        Page(page: .koi8R, languages: [russian, centralEuropean]),
        Page(page: .cp866, languages: [russian, ukrainian, centralEuropean]),
        Page(page: .windows1253Sloppy, languages: [greek, centralEuropean, english]),
        Page(page: .windows1254Sloppy, languages: [turkish, centralEuropean, english]),
        Page(page: .windows1257Sloppy, languages: [baltic, centralEuropean, english]),
    ]

    /// The correct lines a page mangles, with their mangled forms: whole lines, one word inside correct text,
    /// and two layers (Windows-1252 then the page).
    static func positives(of page: Page) -> [(correct: String, mangled: String)] {
        var samples: [(correct: String, mangled: String)] = []
        for line in page.languages.joined() {
            let whole = page.page.misread(Array(line.utf8))
            guard whole != line, page.page.encode(whole) != nil else { continue }
            samples.append((line, whole))
            let word = String(line.split(separator: " ")[0])
            samples.append(("Read \(word) today", "Read \(page.page.misread(Array(word.utf8))) today"))
        }
        return samples
    }

    /// Correct text that the misreadings of these pages look like, at least 300 lines: the languages' prose,
    /// and the hard cases the issue names.
    static func negatives() -> [String] {
        let hard = [
            "Рідна", "Сімферополь", "РІВЕНЬ", "СІЛЬСЬКИЙ", "Рєчиця", "Рівне", "Сєвєродонецьк", "Тернопіль", "Ґудзик",
            "Їжачок", "Ёжик", "Соломія", "Річка", "РЄСТР", "Сіль", "Тієї", "СЄВЕР",
            "┌───┐", "│ a │", "└───┘", "▓▒░", "╔══╗", "║▌▐║", "╚══╝", "├─┼─┤", "░░▒▒▓▓██",
            "ağaç", "İstanbul", "Işık", "şehir", "ÇĞİÖŞÜ", "Eskişehir", "Türkçe",
            "Zażółć", "Příliš", "Ďakujem", "Árvíztűrő", "București", "Ţara", "Łódź", "ŻÓŁW",
            "Καλημέρα", "Ελλάδα", "ΑΘΗΝΑ", "Ευχαριστώ", "ψυχή",
            "Lietuvių", "Latviešu", "ģimene", "Žalgiris", "Šiauliai", "õun", "Ķekava",
        ]
        let frames = ["{}", "Read {} today", "«{}»", "{}, {} і {}", "{} — {}", "({})", "{}…", "ОЙ {} ОЙ"]
        var lines: [String] = []
        for word in hard {
            for frame in frames { lines.append(frame.replacingOccurrences(of: "{}", with: word)) }
        }
        lines += pages.flatMap { $0.languages.joined() }
        return lines
    }
}
