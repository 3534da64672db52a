import MojibakeRepair
import Testing

/// The shapes beyond one misreading of UTF-8: CESU-8, Windows-1252 read as Latin-1, inconsistent depths on one
/// line, no-break spaces that became spaces, lost bytes next to U+FFFD, and pages that read the same bytes
/// differently. Inputs are made from correct text through our own tables.
@Suite struct MojibakeShapeTests {
    /// `text` in CESU-8: characters beyond U+FFFF as their two UTF-16 surrogates, three bytes each.
    static func cesu8(_ text: String) -> [UInt8] {
        text.unicodeScalars.flatMap { scalar -> [UInt8] in
            guard scalar.value > 0xFFFF else { return Array(String(scalar).utf8) }
            return String(scalar).utf16.flatMap { unit in [0xE0 | UInt8(unit >> 12), 0x80 | UInt8(unit >> 6 & 0x3F), 0x80 | UInt8(unit & 0x3F)] }
        }
    }

    /// `text` encoded in Windows-1252 and read as Latin-1.
    static func windows1252ReadAsLatin1(_ text: String) -> String {
        CodePage.latin1.misread(CodePage.windows1252.encode(text)!)
    }

    @Test(arguments: ["Hi guys 😍", "RT: ☺😘 and 🤌", "⚽😀😁😂 goal"], [CodePage.windows1252Sloppy, .latin1])
    func cesu8EmojiAreOneCharacter(correct: String, page: CodePage) {
        let mangled = page.misread(Self.cesu8(correct))
        let repaired = Mojibake.repair(mangled)
        #expect(repaired.text == correct)
        #expect(repaired.edits.contains { $0.damage == .separatelyEncodedSurrogates })
    }

    @Test func aLoneSurrogateHalfIsLeftAlone() {
        let half = CodePage.windows1252Sloppy.misread(Array(Self.cesu8("😍").prefix(3)))
        #expect(Mojibake.repair("Hi \(half) there").text == "Hi \(half) there")
    }

    @Test(arguments: ["„Handwerk bringt dich überall hin“: von hier", "Nous en avons parlé… Tu sais", "Œuvre ‹neuve› — 5 €, ‰"])
    func windows1252PunctuationReadAsLatin1(correct: String) {
        let mangled = Self.windows1252ReadAsLatin1(correct)
        #expect(mangled != correct)
        let repaired = Mojibake.repair(mangled)
        #expect(repaired.text == correct)
        #expect(repaired.edits.allSatisfy { $0.damage == .windows1252ReadAsLatin1 })
        #expect(repaired.edits.first?.explanation == "Windows-1252 read as Latin-1 (a C1 control stands for its punctuation)")
    }

    @Test func controlsWindows1252LeavesUndefinedStay() {
        let text = "These controls are intentional \u{81} and \u{9D}"
        #expect(Mojibake.repair(text).text == text)
    }

    /// One quote mangled as UTF-8 read as Latin-1, the other as Windows-1252 read as Latin-1; and a dash whose
    /// inner quote went through Latin-1 while the `€` of its outer layer became a C1 control.
    @Test(arguments: [
        ("ok \(CodePage.latin1.misread(Array("“".utf8)))senza modifiche\u{94} all'Italicum", "ok “senza modifiche” all'Italicum"),
        ("\(CodePage.latin1.misread(Array("“".utf8)))mismatched quotes\u{85}\u{94}", "“mismatched quotes…”"),
        ("friendly â\u{80}\(CodePage.latin1.misread(Array("“".utf8))) live!", "friendly – live!"),
    ])
    func inconsistentMojibakeOnOneLine(mangled: String, correct: String) {
        let repaired = Mojibake.repair(mangled)
        #expect(repaired.text == correct)
        #expect(Mojibake.repair(repaired.text).text == repaired.text)
    }

    /// Windows-1252 mojibake whose no-break spaces (byte A0 of `Р`, `ภ`, or a real one) became spaces.
    @Test(arguments: [
        ("Русский язык", CodePage.windows1252Sloppy),
        ("ภาษาไทย", .windows1252Sloppy),
        ("It was named\u{A0}„scars´ stones“ after", .windows1250Sloppy),
    ])
    func noBreakSpacesThatBecameSpaces(correct: String, page: CodePage) {
        let mangled = page.misread(Array(correct.utf8)).replacingOccurrences(of: "\u{A0}", with: " ")
        let repaired = Mojibake.repair(mangled)
        #expect(repaired.text == correct)
        #expect(repaired.edits.contains { $0.damage == .lostNoBreakSpace })
    }

    /// A capital before a word in plain letters is also the Ångström sign: only mojibake right after the space
    /// lets the space stand for byte A0.
    @Test func aCapitalBeforeAPlainWordKeepsItsSpace() {
        #expect(Mojibake.repair("a 10 Å thick layer at the cafÃ©").text == "a 10 Å thick layer at the café")
    }

    /// Several characters fit the lost byte: without guesses, the mangled characters collapse into the U+FFFD
    /// that already marks the loss; with guesses, the first candidate is written.
    @Test func aGuessNextToReplacementCharacterCollapsesIntoIt() throws {
        let mangled = CodePage.windows1252.misread(Array("Slovenčina".utf8), undefined: .replace)
        #expect(mangled == "SlovenÄ\u{FFFD}ina")
        let span = try #require(Mojibake.scan(mangled).first)
        #expect(span.confidence == .guess)
        #expect(span.candidates.contains("č"))
        let safe = Mojibake.repair(mangled)
        #expect(safe.text == "Sloven\u{FFFD}ina")
        #expect(safe.edits.map(\.candidates) == [span.candidates])
        let guessed = Mojibake.repair(mangled, includeGuesses: true)
        #expect(guessed.text == "Sloven\(span.candidates[0])ina")
        #expect(Mojibake.repair(safe.text).text == safe.text)
    }

    /// An opening quote earlier on the line leaves `”` the only fit for a lost `â€`.
    @Test func contextSettlesALostClosingQuote() {
        let mangled = CodePage.windows1252.misread(Array("“lossy decoding”".utf8), undefined: .replace)
        #expect(Mojibake.repair(mangled).text == "“lossy decoding”")
    }

    @Test(arguments: [
        ("Je l’ai vu jusqu'Ã nos jours, thÃ©ologiens", "Je l’ai vu jusqu'à nos jours, théologiens"),
        ("voilÃ  le travail de la rÃ©gion", "voilà le travail de la région"),
        ("Il vivait lГ bas, dans la rГ©gion", "Il vivait là bas, dans la région"),
        // A capital whose second byte a strict decoder dropped would leave the same `Ã `, but a capital glued
        // after small letters does not fit: `à` is the only candidate that does.
        ("Thanks for readingÃ see you at the cafÃ©", "Thanks for readingà see you at the café"),
    ])
    func graveAEndingAWordIsRepairedWhateverTheLineHolds(mangled: String, correct: String) {
        let once = Mojibake.repair(mangled).text
        #expect(once == correct)
        #expect(Mojibake.repair(once).text == once)
    }

    /// A lone `Ã` before a small word is `à` on a line of Windows-1252 mojibake (a capital whose second byte
    /// was dropped never stands alone before a word in small letters), and nothing on its own (`SÃO`).
    @Test func aLoneGraveAOnALineOfMojibake() {
        #expect(Mojibake.repair("Ã perturber la rÃ©flexion").text == "à perturber la réflexion")
        #expect(Mojibake.repair("se trouve Г lвЂ™ouest de lвЂ™Ukraine").text == "se trouve à l’ouest de l’Ukraine")
        #expect(Mojibake.repair("Ã perturber la réflexion").text == "Ã perturber la réflexion")
        #expect(Mojibake.repair("SÃO PAULO Ã É").text == "SÃO PAULO Ã É")
    }

    @Test(arguments: [
        ("HLA-DR4.IL2R\(CodePage.windows1252Sloppy.misread(Array("γ".utf8)))cKO mice", "HLA-DR4.IL2RγcKO mice"),
        ("indah di dalam hatiku\(CodePage.windows1252Sloppy.misread(Array("♫".utf8)))~", "indah di dalam hatiku♫~"),
    ])
    func symbolsAndGreekInsideTokens(mangled: String, correct: String) {
        #expect(Mojibake.repair(mangled).text == correct)
    }
}
