import MojibakeRepair
import NewsletterCore
import TestSupport

/// Generated test sets for mojibake: correct text, and the same text mangled through our own code page
/// tables in every way the scanner must undo.
enum MojibakeCorpus {
    /// One way of mangling text.
    enum Kind: String, CaseIterable, CustomStringConvertible {
        case windows1252Sloppy, latin1, macOSRoman, macOSRomanStrippedLogo
        case twoLayersWindows1252, macOSRomanThenWindows1252, threeLayers
        case partialWindows1252, partialMacOSRoman

        var description: String { rawValue }

        /// The misreadings in the order they happen.
        var misreadings: [CodePage] {
            switch self {
            case .windows1252Sloppy, .partialWindows1252: [.windows1252Sloppy]
            case .latin1: [.latin1]
            case .macOSRoman, .macOSRomanStrippedLogo, .partialMacOSRoman: [.macOSRoman]
            case .twoLayersWindows1252: [.windows1252Sloppy, .windows1252Sloppy]
            case .macOSRomanThenWindows1252: [.macOSRoman, .windows1252Sloppy]
            case .threeLayers: [.windows1252Sloppy, .windows1252Sloppy, .windows1252Sloppy]
            }
        }
    }

    /// A correct line and its mangled form.
    struct Sample: CustomStringConvertible {
        var kind: Kind
        var correct: String
        var mangled: String
        var description: String { "\(kind): \(correct)" }
    }

    /// Text of every shape the scanner must restore, one fragment per entry.
    static let fragments: [String] = [
        // Emoji: plain, with variation selector, skin tones, ZWJ sequences, flags, keycaps, tag sequences.
        "🤌", "👋", "🎉", "🔥", "🚀", "📈", "🧵", "🫶", "😀", "🙏", "💡", "📣",
        "❤️", "☕️", "✅", "⭐", "✨", "⚡", "☀️", "✔️",
        "👍🏽", "👋🏿", "🙌🏻", "💪🏾",
        "👩‍💻", "👨‍👩‍👧", "🧑‍🚀", "🏳️‍🌈", "❤️‍🔥",
        "🇺🇸", "🇫🇷", "🇯🇵", "🇧🇷",
        "1️⃣", "#️⃣", "9️⃣",
        "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
        // Punctuation and symbols.
        "Ben’s", "“quoted”", "‘single’", "2019–2024", "wait — what", "and so on…", "• item", "€5", "£10",
        "© 2026", "Acme®", "Brand™", "10\u{00A0}km", "45°", "½ cup", "«\u{00A0}oui\u{00A0}»",
        // Accented Latin.
        "café", "Müller", "Ångström", "naïve", "São Paulo", "Øresund", "Łódź", "Kraków", "Dvořák",
        "București", "Straße", "crème brûlée", "piñata", "résumé", "façade", "Zürich", "Tromsø",
        "Þingvellir", "Gümüşhane", "Việt Nam", "Příliš žluťoučký kůň", "Ελλάδα", "À bientôt",
        "CAFÉ", "ÉCOLE", "Über", "İstanbul", "señor", "ação", "coração",
        // Greek, Cyrillic, CJK, Korean, Japanese.
        "Καλημέρα κόσμε", "Привет, мир", "Київ", "Беларусь", "北京", "東京", "こんにちは", "안녕하세요", "中文报道",
    ]

    /// Sentences a newsletter might hold, with `{}` where a fragment goes.
    static let templates: [String] = [
        "{} Ben's picks for the week",
        "Top stories this week: {} and more",
        "We met at the {} yesterday.",
        "Quote of the day: {}",
        "Subscribe now {}",
        "{}",
        "Read more about {} in our archive.",
        "Last call: {}!",
    ]

    /// Sentences that pair a mangled fragment with correct non-ASCII text on the same line.
    static let partialTemplates: [String] = [
        "Read {} on 北京 and ✅ today",
        "🎉 Big news: {} is back",
        "Café owners say {} — really",
        "{} 👋 Ben’s “weekly” picks",
    ]

    static func mangle(_ text: String, through pages: [CodePage]) -> String {
        pages.reduce(text) { text, page in page.misread(Array(text.utf8)) }
    }

    /// ``positives()``, generated once.
    static let positiveSamples = positives()

    /// Every positive sample: each fragment in each template, and random lines of several fragments,
    /// mangled in each way.
    static func positives() -> [Sample] {
        var lines: [(line: String, fragment: String, partialTemplate: String)] = []
        for (index, fragment) in fragments.enumerated() {
            for (templateIndex, template) in templates.enumerated() {
                lines.append((
                    template.replacingOccurrences(of: "{}", with: fragment),
                    fragment,
                    partialTemplates[(index + templateIndex) % partialTemplates.count]
                ))
            }
        }
        var generator = SeededGenerator(seed: 0xC0FFEE)
        for _ in 0..<150 {
            let picked = (0..<3).map { _ in fragments[Int(generator.next() % UInt64(fragments.count))] }
            let line = "\(picked[0]) and \(picked[1]), then \(picked[2])."
            lines.append((line, line, partialTemplates[Int(generator.next() % UInt64(partialTemplates.count))]))
        }
        var samples: [Sample] = []
        for (line, fragment, partialTemplate) in lines {
            for kind in Kind.allCases {
                switch kind {
                case .partialWindows1252, .partialMacOSRoman:
                    samples.append(Sample(
                        kind: kind,
                        correct: partialTemplate.replacingOccurrences(of: "{}", with: fragment),
                        mangled: partialTemplate.replacingOccurrences(of: "{}", with: mangle(fragment, through: kind.misreadings))
                    ))
                case .macOSRomanStrippedLogo:
                    let mangled = mangle(line, through: kind.misreadings)
                    guard mangled.unicodeScalars.contains("\u{F8FF}") else { continue }
                    samples.append(Sample(kind: kind, correct: line, mangled: mangled.replacingOccurrences(of: "\u{F8FF}", with: "")))
                default:
                    samples.append(Sample(kind: kind, correct: line, mangled: mangle(line, through: kind.misreadings)))
                }
            }
        }
        return samples
    }

    /// A line whose UTF-8 holds bytes Windows-1252 leaves undefined, decoded strictly (bytes dropped or
    /// replaced), with the character whose byte was lost.
    struct LostByteSample: CustomStringConvertible {
        var correct: String
        var mangled: String
        var lostCharacter: String
        var description: String { mangled }
    }

    /// Characters whose UTF-8 holds one of 81, 8D, 8F, 90, 9D.
    static let lostByteFragments = ["👍", "😐", "👏", "🏝", "🍏", "”", "❤", "✍", "Á", "Í", "Ý", "Ð", "Ï", "ŏ", "Ł"]

    static func lostByteSamples() -> [LostByteSample] {
        let sentences = [
            "Our café said {} and left",
            "Ben’s note {} again",
            "{} from the café team",
            "Thanks for reading{} see you at the café",
        ]
        var samples: [LostByteSample] = []
        for fragment in lostByteFragments {
            for sentence in sentences {
                let correct = sentence.replacingOccurrences(of: "{}", with: fragment)
                // `said Ã and`, `readingÃ see`: `Ã` and a space before a word in small letters is `à` whose A0
                // became a space, or a capital whose second byte was dropped; a capital standing alone or glued
                // to small letters does not fit, so the repair reads `à` (MojibakeShapeTests), and those
                // capitals, dropped, are no lost-byte sample. Their byte replaced by U+FFFD still is.
                let readsAsGraveA = fragment.utf8.first == 0xC3
                for undefined in [CodePage.UndefinedByte.drop, .replace] where !(readsAsGraveA && undefined == .drop) {
                    samples.append(LostByteSample(
                        correct: correct,
                        mangled: CodePage.windows1252.misread(Array(correct.utf8), undefined: undefined),
                        lostCharacter: fragment
                    ))
                }
            }
        }
        return samples
    }

    /// Correct lines, including the hard cases that look like mojibake; at least 1,000.
    static func negatives() -> [String] {
        var lines = hardNegatives
        let words = [
            "Müller", "Ångström", "naïve", "São Paulo", "Zürich", "façade", "crème brûlée", "piñata", "Øresund",
            "Łódź", "Kraków", "Dvořák", "București", "Straße", "Þingvellir", "Gümüşhane", "Việt Nam", "Tromsø",
            "SÃO PAULO", "NÃO É", "ROMÂNIA", "IRMÃ", "AMANHÃ", "MÃE", "ÁREA", "ÉCOLE", "ÎLE-DE-FRANCE", "ÇA VA",
            "über", "grüße", "l’été", "d’où", "où", "à la carte", "déjà vu", "fiancée", "Noël", "Citroën",
            "Ελλάδα", "Αθήνα", "Привет", "Київ", "Москва", "北京", "東京", "こんにちは", "안녕하세요",
            "√π", "∑ xᵢ", "¬p ∨ q", "x ≤ y", "a ≥ b", "∞", "±5", "€5", "£10", "¥300", "45°", "½",
            "🤌", "👋🏽", "👩‍💻", "🇫🇷", "1️⃣", "❤️", "✅", "🎉🎉", "", "NESTLÉ®", "CAFÉ™", "4288×",
            "Åland", "Ærø", "ÐÓR", "Ñandú", "ÑOÑO", "Ýmir", "Íslands", "Ísafjörður", "Öl", "Ünye",
            "üçüncü", "Øre", "ÅÄÖ", "«Ça»", "„Über“", "“École”", "–été", "Ætt",
            // An accented letter ending a word, then a quote, apostrophe, dash or ellipsis inside the sentence.
            "café’s", "José’s", "Pelé’s", "fiancé’s", "mamá’s", "Perú’s", "até’", "está—dijo", "está…bien",
            "café–bar", "déjà…", "entrée”", "você—e", "à–la", "né‘", "Tschüß’", "daß—", "Bogotá“",
            // Turkish words that read as Mac OS Roman emoji without their Apple logo.
            "üçü", "küçük", "güçü", "üçö",
        ]
        let frames = [
            "{}", "Visit {} this summer", "{} — a short note", "“{}”", "({})", "{}!", "{}…", "{}\u{00A0}!",
            "The word {} means a lot", "{}: 10\u{00A0}%", "IN {} TODAY", "{}, {} and more",
        ]
        for word in words {
            for frame in frames {
                lines.append(frame.replacingOccurrences(of: "{}", with: word))
            }
        }
        var generator = SeededGenerator(seed: 0x5EED)
        for _ in 0..<200 {
            let count = Int(generator.next() % 5) + 3
            let picked = (0..<count).map { _ in words[Int(generator.next() % UInt64(words.count))] }
            lines.append(picked.joined(separator: " "))
        }
        return lines
    }

    /// The correct lines that trip naive detectors (several from ftfy's own suite).
    static let hardNegatives: [String] = [
        "(-1/2)! = √π",
        "√π ∑ ¬p ≤ q",
        "C O N C L U S Ã O",
        "S Ã O   P A U L O",
        "SÃO PAULO",
        "NÃO É",
        "ROMÂNIA",
        "SELKÄ\u{00A0}",
        "SELKÄ\u{00A0}KIPEÄ",
        "NESTLÉ®",
        "4288×…",
        "€5 or £4",
        "Price: €5, £4.50, ¥300",
        "\u{F8FF}",
        "\u{F8FF} Apple",
        "Made on a Mac \u{F8FF}",
        "IRMÃ”",
        "“AMANHÔ",
        "L’ÉTÉ",
        "Grüße aus München",
        "Ça, c’est la vie.",
        "«\u{00A0}Ça va\u{00A0}?\u{00A0}»",
        "Καλημέρα κόσμε",
        "Привет, мир",
        "中文报道 北京 東京",
        "🤌🏽👩‍💻🇫🇷1️⃣#️⃣❤️✅ all correct",
        "©®™ 2026",
        "±°²³µ¶·",
        "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ",
        "ÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß",
        "àáâãäåæçèéêëìíîï ðñòóôõö÷øùúûüýþÿ",
        // Shapes from ftfy's negative cases, in our own words.
        "Το ¨σπίτι¨ μας",
        "the “+” and “×” buttons",
        "Con il cuore,\u{00A0}è così",
        "OBRIGADO VOCÊ…",
        "SÓ…",
        "IL Y A MARQUÉ…",
        "NÃO Õ…",
        "CAFÉ’s menu",
        "L’étoile du nord",
        "Ôôô que lindo",
        "[1]\u{00A0}©",
        "2012—∞",
        "TEXT with a Cyrillic Е inside",
        "so :( `¬´ ):",
        "( o¬ô )",
        "∆°",
        "QUEM É¿",
        "``vai lá´´",
        "YLÄ\u{00A0}PÄÄ\u{00A0}TÄNÄÄN",
        "3×£20 tickets",
        "abracadá§ 12",
        "£ÄMÄ SÖÄ£ ÑÝÄ",
        "├─a┼┐b┼┐c",
        "The café’s lathe arrived.",
        "¿Está—dijo—aquí? Sí…",
        "Il était déjà…” — Pelé’s “boot”, José’s",
        "Kaffee im Café–Bar, daß—",
        "Üçüncü gün üçü de küçük",
        // Look-alikes of the shapes beyond one misreading: CESU-8 (`í` before a no-break space or `½`),
        // Windows-1252 quotes written correctly, Portuguese `à`, `às` and `àquele`, a capital before a space
        // (the Ångström sign, Slavic and Nordic one-letter words), Cyrillic and Thai next to spaces.
        "aquí\u{00A0}½ taza, ahí ¸ y ½í",
        "„Handwerk bringt dich überall hin“: „Über“ und ‚so‘ …",
        "Vou à praia às vezes, àquele lugar à noite",
        "a 10 Å thick layer, Å i Å, Ð and Þ",
        "Р у Ру — С и к",
        "ภาษาไทย สวัสดี",
        "Œuvre ‹neuve› — € 5 ‰ • ™",
        // Windows-1257 by default: Latvian `Ā` before a symbol-like letter, as names are written.
        "Ask Āø or Āris about the meetup, Šveice and Lietuvių",
    ]
}
