import MojibakeRepair
import Testing

/// Decisions a single run cannot make and the rest of its line settles: which of two pages reads a run, whether
/// a capital before a space lost a no-break space, and whether a C1 control inside a word is Windows-1252
/// punctuation or a Mac OS Roman letter. Inputs are made from correct text through our own tables.
@Suite struct MojibakeLineEvidenceTests {
    /// `text` in UTF-8, read through `page`.
    static func misread(_ text: String, as page: CodePage) -> String {
        page.misread(Array(text.utf8))
    }

    /// `text` in Mac OS Roman, read as Latin-1.
    static func macOSRomanReadAsLatin1(_ text: String) -> String {
        CodePage.latin1.misread(CodePage.macOSRoman.encode(text)!)
    }

    /// Windows-1257 is a default page: its letters that Windows-1252 reads differently (`ÄÆ` for `į`) are
    /// repaired on a line whose other mojibake both pages read alike.
    @Test(arguments: ["Kaip įdomu, visų pirma", "Ar įsivaizduoji, kiek laiko reikės?"])
    func windows1257IsReadByDefault(correct: String) {
        let mangled = Self.misread(correct, as: .windows1257)
        #expect(mangled.contains("ÄÆ"))
        #expect(Mojibake.repair(mangled).text == correct)
    }

    /// `Ā` is a Latvian capital that starts names: `Āø` alone is left as written, not read as `¸`.
    @Test func aLatvianNameIsNotWindows1257Mojibake() {
        #expect(Mojibake.scan("Ask Āø about the meetup").isEmpty)
    }

    /// Windows-1250 and ISO-8859-2 read `ĂĄ` differently (`å`, `á`); a certain finding on the line that only
    /// ISO-8859-2 reads (its C1 control 99 is `™` in Windows-1250) settles the tie.
    @Test func aCertainFindingSettlesWhichPageReadsATie() {
        let correct = "Mám rád třetí tisíciletí"
        let mangled = Self.misread(correct, as: .iso8859_2)
        #expect(mangled.contains("ĂĄ") && mangled.contains("\u{99}"))
        #expect(Mojibake.repair(mangled).text == correct)
        #expect(Mojibake.repair("Måm rád").text == "Måm rád")
    }

    /// `Š` is C5 A0: once the no-break space becomes a space, `Å ` starts the word. On a line whose repairs
    /// write letters of Latin Extended-A it is `Š`; elsewhere `Å ` may as well be `Ł` with its byte 81
    /// dropped, and stays a guess.
    @Test func aLoneCapitalBeforeASpaceOnABalticLine() {
        let mangled = Self.misread("Šveices baņķieri gaida", as: .windows1252Sloppy).replacingOccurrences(of: "\u{A0}", with: " ")
        #expect(mangled == "Å veices baÅ†Ä·ieri gaida")
        let repaired = Mojibake.repair(mangled)
        #expect(repaired.text == "Šveices baņķieri gaida")
        #expect(repaired.edits.first?.damage == .lostNoBreakSpace)
        #expect(Mojibake.repair("Å from the cafÃ© team").text == "Å from the café team")
        #expect(Mojibake.repair("a 12 Å thick baÅ†Ä·ieri").text == "a 12 Å thick baņķieri")
    }

    /// Mac OS Roman text read as Latin-1: a control between two small letters whose Windows-1252 character
    /// never stands inside a word (`‡`), or `’` where no contraction or elision could put it, is the Mac OS
    /// Roman letter of its byte; one such control makes every control inside a word on the line a letter.
    @Test(arguments: [
        ("una ruta turística", "una ruta tur\u{92}stica"),
        ("Mazatlán y Tlacotalpán confían", "Mazatl\u{87}n y Tlacotalp\u{87}n conf\u{92}an"),
    ])
    func macOSRomanReadAsLatin1(correct: String, mangled: String) {
        #expect(Self.macOSRomanReadAsLatin1(correct) == mangled)
        let repaired = Mojibake.repair(mangled)
        #expect(repaired.text == correct)
        #expect(repaired.edits.allSatisfy { $0.damage == .macOSRomanReadAsLatin1 })
        #expect(repaired.edits.first?.explanation == "Mac OS Roman read as Latin-1 (a C1 control stands for its letter)")
    }

    /// Apostrophes read as Latin-1 stay apostrophes: contractions, elisions before a vowel or `h`, and after
    /// one letter.
    @Test(arguments: [
        ("don\u{92}t, it\u{92}s, we\u{92}re", "don’t, it’s, we’re"),
        ("l\u{92}homme, dell\u{92}anno, tutt\u{92}altro", "l’homme, dell’anno, tutt’altro"),
        ("five o\u{92}clock", "five o’clock"),
    ])
    func apostrophesInsideWordsStayWindows1252(mangled: String, correct: String) {
        #expect(Mojibake.repair(mangled).text == correct)
    }

    /// `Ã¥` among correct characters is inconsistent mojibake that Mac OS Roman explains as well (U+0334): a
    /// guess, repaired only when asked, as ftfy's negative `Bremer/Mccoy – DrÃ¥ber` requires.
    @Test(arguments: ["Bremer/Mccoy – DrÃ¥ber", "Det er pÃ¥ tide – nu", "“Ã¥rets” bedste"])
    func aLoneRingAmongCorrectCharactersIsAGuess(text: String) {
        let repaired = Mojibake.repair(text)
        #expect(repaired.text == text)
        #expect(repaired.edits.isEmpty)
        let spans = Mojibake.scan(text)
        #expect(spans.map(\.original) == ["Ã¥"])
        #expect(spans.map(\.replacement) == ["å"])
        #expect(spans.map(\.confidence) == [.guess])
        #expect(Mojibake.repair(text, includeGuesses: true).text == text.replacingOccurrences(of: "Ã¥", with: "å"))
    }

    /// Alone on its line, or beside other mojibake, `Ã¥` is `å`; so are the other pairs among correct text.
    @Test(arguments: [
        ("pÃ¥ tide", "på tide"),
        ("â€“ DrÃ¥ber", "– Dråber"),
        ("Det er pÃ¥ tide â€“ nu", "Det er på tide – nu"),
        ("Today’s cafÃ© – MÃ¤rz", "Today’s café – März"),
    ])
    func theRingIsRepairedWhereTheLineSettlesIt(mangled: String, correct: String) {
        #expect(Mojibake.repair(mangled).text == correct)
    }

    /// A run Windows-1252 reads with certainty is not read through Mac OS Roman too, where its characters make
    /// other characters from the same bytes: `Ãâ` would be U+0309, a combining hook, written after `m`.
    @Test func macOSRomanDoesNotReadARunWindows1252ReadsWithCertainty() {
        let repaired = Mojibake.repair("nÃ¢ mÃâÂ")
        #expect(repaired.text == "nâ mÃâÂ")
        #expect(repaired.edits.map(\.misreadings) == [[.windows1252Sloppy]])
        #expect(Mojibake.scan("nÃ¢ mÃâÂ").allSatisfy { !$0.misreadings.contains(.macOSRoman) })
    }
}
