import MojibakeRepair
import Testing
import TestSupport

/// Repair reaches a fixed point in one call: repairing its output again changes nothing. Checked on generated
/// inputs of the shapes a fuzzer finds (layers mangled only in part, lost characters, random runs of the
/// characters mojibake is made of), and on the shapes it found.
@Suite struct MojibakeIdempotenceTests {
    static let pages: [CodePage] = [.windows1252Sloppy, .latin1, .macOSRoman]

    /// Correct text mangled once, then a random part of it mangled again (up to three times), sometimes with
    /// a character dropped: the inconsistent layers a copy-paste chain leaves.
    static func partlyLayered(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        func random(_ bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }
        var inputs: [String] = []
        let fragments = MojibakeCorpus.fragments
        for _ in 0..<count {
            var scalars = Array(String.UnicodeScalarView(
                (0..<1 + random(3)).map { _ in fragments[random(fragments.count)] }.joined(separator: " ").unicodeScalars
            ))
            for _ in 0..<1 + random(3) {
                let start = random(scalars.count)
                let end = min(scalars.count, start + 1 + random(8))
                let part = String(String.UnicodeScalarView(scalars[start..<end]))
                let mangled = pages[random(pages.count)].misread(Array(part.utf8)).unicodeScalars
                scalars.replaceSubrange(start..<end, with: mangled)
            }
            if random(4) == 0 && scalars.count > 1 { scalars.remove(at: random(scalars.count)) }
            inputs.append(String(String.UnicodeScalarView(scalars)))
        }
        return inputs
    }

    /// Random runs of the characters mojibake is made of, with a few letters, spaces and emoji among them.
    static func randomRuns(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        func random(_ bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }
        var pool = Set<Unicode.Scalar>()
        for page in pages {
            for byte in UInt8(0x80)...0xFF { if let scalar = page.character(forByte: byte) { pool.insert(scalar) } }
        }
        let alphabet = Array(pool).sorted { $0.value < $1.value } + Array("caf e s ’ “ 👋🤌\u{FFFD}".unicodeScalars)
        return (0..<count).map { _ in
            String(String.UnicodeScalarView((0..<2 + random(10)).map { _ in alphabet[random(alphabet.count)] }))
        }
    }

    /// The inputs whose repair changes on a second repair, with both results.
    static func unstable(_ inputs: [String]) -> [String] {
        inputs.compactMap { input in
            let once = Mojibake.repair(input).text
            let twice = Mojibake.repair(once).text
            return once == twice ? nil : "\(input.debugDescription) -> \(once.debugDescription) -> \(twice.debugDescription)"
        }
    }

    @Test func partlyLayeredTextIsRepairedToAFixedPoint() {
        let unstable = Self.unstable(Self.partlyLayered(count: 20_000, seed: 0x1D3))
        #expect(unstable.isEmpty, "\(unstable.count) unstable, such as \(unstable.prefix(5))")
    }

    @Test func randomRunsOfMojibakeCharactersAreRepairedToAFixedPoint() {
        let unstable = Self.unstable(Self.randomRuns(count: 30_000, seed: 0x1D4))
        #expect(unstable.isEmpty, "\(unstable.count) unstable, such as \(unstable.prefix(5))")
    }

    /// The shapes the fuzzer and the property test reported, minimized: a layer left half unwound; an accented
    /// letter read with the characters of an emoji whose lead was lost; a character misread twice of which a
    /// pass peeled one layer (`äº` begins a sequence nothing completes, so the run is left as it is); `Ã ` that
    /// became `à` only once the word after it was repaired; `Å` written by a repair, then guessed to have lost
    /// its second byte; Windows-1252 quotes read as Latin-1 around a word's last accented letter; `Ã` before a
    /// space written by a repair (`Ã\u{83}` read twice), which makes it `à` on a line with Latin-1 mojibake;
    /// `Ã` and two spaces before a word that a repair starts with a small letter; a two-byte lead a repair wrote
    /// before a space (`Ù `, D9 A0); a character misread many times over, one layer peeled per pass; mojibake
    /// elsewhere on a line that a repair changed, which the first pass left alone and a pass over the repaired
    /// line takes (`Â©` once `🤌` is repaired; a C1 control once another on the line is a letter).
    @Test(arguments: [
        ("ââ‚¬™", "’"),
        ("caféŸ‘‹", "caféŸ‘‹"),
        ("cafÃ©Ÿ‘‹", "caféŸ‘‹"),
        ("äºâ\u{82}¬", "äºâ\u{82}¬"),
        ("cafÃ© o, Ã ÃÂ¬5", "café o, Ã ì5"),
        ("10Â km Ã…ngstrÃ¶m© 2026", "10\u{A0}km Ångström© 2026"),
        ("\u{93}résumé\u{94} \u{97} \u{91}yes\u{92} Î\u{95}Î»Î»Î¬Î´Î±", "“résumé” — ‘yes’ Ελλάδα"),
        ("Voilà Beâ€™s résumé Ã perturber", "Voilà Be’s résumé à perturber"),
        ("Ã¢Â\u{80}Â\u{94}Ã¢Â\u{80}Â\u{94} Ã\u{83} tÃ°\u{9F}Â\u{8F}", "—— à tÃ°\u{9F}Â\u{8F}"),
        ("Ã  Ã¢ Ã°Â\u{9F}Â¤Â\u{8C}", "à â 🤌"),
        ("Ã\u{99} )â­\u{90}ð¸", "٠)â­\u{90}ð¸"),
        ("\u{83}ÂÃ\u{83}\u{82}£o Â\u{97}Ã¤#\u{83}ÂÂÃ\u{83}\u{82}£o", "ģo Âъ#ģo"),
        ("â\u{AD}\u{83}â¸ Ã°Â\u{9F}Â¤Â\u{8C} Â©ÂÂ\u{8F}", "â\u{AD}\u{83}â¸ 🤌 ©ÂÂ\u{8F}"),
        ("d\u{8B}v Âïd\u{92}s", "dãv Âïd’s"),
        ("d\u{8B}v ’ñc\u{97}p", "dãv ’ñc—p"),
    ])
    func reportedShapes(input: String, repaired: String) {
        let once = Mojibake.repair(input)
        #expect(once.text == repaired)
        #expect(Mojibake.repair(once.text).text == once.text)
        let guessed = Mojibake.repair(input, includeGuesses: true).text
        #expect(Mojibake.repair(guessed, includeGuesses: true).text == guessed)
    }

    /// Chains, in which each repair makes a new pair with the next character (`Ã` and C1 control 83 are C3 83,
    /// `Ã` again) or the one before (`Â£` is `£`), are taken whole in one pass, whatever their length: the
    /// fuzzer found chains of 31 to 48 links that a repair a pass per link left part repaired. The results are
    /// those that repeated repairs reach on short chains.
    @Test(arguments: [2, 40, 3_000])
    func chainsOfAnyLengthAreTakenWhole(links: Int) {
        func repeated(_ link: String) -> String { String(repeating: link, count: links) }
        let shapes = [
            ("Ã" + repeated("\u{83}"), "Ã"),
            ("Ã" + repeated("ƒ") + "¥", "å"),
            ("x " + repeated("Â") + "£ y", "x £ y"),
            ("‚" + repeated("Äö") + " x", "‚ x"),
            ("¬" + repeated("¨"), "¬"),
            ("TÃ\u{83}\u{83}ÃÃ" + repeated("\u{83}") + "¥", "TÃÃå"),
            (String(repeating: "\u{83}", count: 17) + "£Ã" + repeated("\u{83}") + "n", String(repeating: "ƒ", count: 16) + "ģÃn"),
        ]
        for (input, repaired) in shapes {
            let once = Mojibake.repair(input)
            #expect(once.text == repaired, "\(input.prefix(12).debugDescription)")
            #expect(Mojibake.repair(once.text).text == once.text)
            #expect(Self.rebuilt(input, from: once) == once.text)
        }
    }

    /// Edits composed over several passes still cover exactly the original text they replace.
    @Test func editsOfSeveralPassesRebuildTheResult() {
        for input in Self.partlyLayered(count: 3_000, seed: 0x1D5) {
            let repaired = Mojibake.repair(input)
            #expect(Self.rebuilt(input, from: repaired) == repaired.text, "\(input.debugDescription)")
        }
    }

    /// `input` with the edits of `repaired` applied, or nil when an edit is out of order or its original text is
    /// not what `input` holds there.
    static func rebuilt(_ input: String, from repaired: RepairedText) -> String? {
        let bytes = Array(input.utf8)
        var rebuilt: [UInt8] = []
        var copied = 0
        for edit in repaired.edits {
            guard edit.utf8Range.lowerBound >= copied, edit.utf8Range.upperBound <= bytes.count,
                  Array(bytes[edit.utf8Range]) == Array(edit.original.utf8) else { return nil }
            rebuilt += bytes[copied..<edit.utf8Range.lowerBound]
            rebuilt += edit.replacement.utf8
            copied = edit.utf8Range.upperBound
        }
        rebuilt += bytes[copied...]
        return String(decoding: rebuilt, as: UTF8.self)
    }
}
