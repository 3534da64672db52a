import MojibakeRepair
import NewsletterCore
import Testing

@Suite struct MojibakeScanTests {
    @Test func macOSRomanEmojiWithoutItsAppleLogoInAHeading() {
        let spans = Mojibake.scan("ü§å Ben’s Picks")
        #expect(spans == [MojibakeSpan(
            utf8Range: 0..<6,
            original: "ü§å",
            replacement: "🤌",
            misreadings: [.macOSRoman],
            damage: .strippedAppleLogo,
            confidence: .certain
        )])
        #expect(spans.first?.explanation == "UTF-8 read as Mac OS Roman (the Apple logo standing for byte F0 was lost)")
    }

    @Test func correctEmojiAndCJKOnTheLineDoNotBlockTheFix() {
        let text = "Read ‚úÖ on 北京 cafÃ©"
        let spans = Mojibake.scan(text)
        #expect(spans.map(\.utf8Range) == [5..<12, 26..<30])
        #expect(spans.map(\.original) == ["‚úÖ", "Ã©"])
        #expect(spans.map(\.replacement) == ["✅", "é"])
        #expect(spans.map(\.misreadings) == [[.macOSRoman], [.windows1252Sloppy]])
        #expect(spans.map(\.explanation) == ["UTF-8 read as Mac OS Roman", "UTF-8 read as Windows-1252"])
        #expect(Mojibake.repair(text).text == "Read ✅ on 北京 café")
    }

    @Test func documentSpansCarryLinesAndColumns() {
        let source = SourceText("# Picks\n\nü§å Ben’s Picks\nSee the cafÃ© menu\n")
        let spans = Mojibake.scan(source)
        #expect(spans.map(\.range) == [
            SourceRange(start: SourceLocation(offset: 9, line: 3, column: 1), end: SourceLocation(offset: 15, line: 3, column: 4)),
            SourceRange(start: SourceLocation(offset: 41, line: 4, column: 12), end: SourceLocation(offset: 45, line: 4, column: 14)),
        ])
        #expect(spans.map(\.replacement) == ["🤌", "é"])
    }

    @Test func layersAreListedInTheOrderTheyHappened() {
        let mangled = CodePage.windows1252Sloppy.misread(Array(CodePage.macOSRoman.misread(Array("🤌 picks".utf8)).utf8))
        #expect(mangled == "ï£¿Ã¼Â§Ã¥ picks")
        let spans = Mojibake.scan(mangled)
        #expect(spans.count == 1)
        #expect(spans.first?.replacement == "🤌")
        #expect(spans.first?.misreadings == [.macOSRoman, .windows1252Sloppy])
        #expect(spans.first?.confidence == .certain)
        #expect(spans.first?.explanation == "UTF-8 read as Mac OS Roman, then the result read as Windows-1252")
    }

    @Test(arguments: [
        ("aoÃ»t", "août"),
        ("HÃ”TEL DE VILLE", "HÔTEL DE VILLE"),
        ("OÃ™ ET QUAND?", "OÙ ET QUAND?"),
        ("Ã¥klagare", "åklagare"),
        ("voilÃ\u{00A0} le travail", "voilà le travail"),
        ("ZÅ‚oty", "Złoty"),
        ("BucureÈ™ti", "București"),
        ("Ã¢â‚¬Å“quotedÃ¢â‚¬Â\u{9D}", "“quoted”"),
        ("â€œquotesâ€¦”", "“quotes…”"),
        ("<40% vs \u{00E2}\u{0089}\u{00A5}40%", "<40% vs ≥40%"),
    ])
    func writtenMojibakeIsRepaired(mangled: String, correct: String) {
        #expect(Mojibake.repair(mangled).text == correct)
    }

    @Test(arguments: ["שלום עולם", "رسالة قصيرة", "Привет, мир", "Καλημέρα", "東京タワー", "안녕하세요"])
    func scriptsMisreadAsMacOSRomanAreRepaired(correct: String) {
        let mangled = CodePage.macOSRoman.misread(Array(correct.utf8))
        #expect(Mojibake.repair(mangled).text == correct)
    }

    @Test func otherCodePagesAreOneTableAway() {
        let mangled = CodePage.windows1251.misread(Array("Привет, мир".utf8))
        #expect(mangled == "РџСЂРёРІРµС‚, РјРёСЂ")
        #expect(Mojibake.scan(mangled, codePages: [.windows1252Sloppy, .latin1, .macOSRoman]) == [])
        let spans = Mojibake.scan(mangled, codePages: [.windows1251])
        #expect(spans.map(\.replacement) == ["Привет", "мир"])
        #expect(spans.map(\.explanation) == ["UTF-8 read as Windows-1251", "UTF-8 read as Windows-1251"])
    }

    @Test func emojiWithADroppedByteIsAGuessWithItsCandidates() {
        let text = "Great job ðŸ‘ see you"
        let spans = Mojibake.scan(text)
        #expect(spans.count == 1)
        let span = spans[0]
        #expect(span.utf8Range == 10..<17)
        #expect(span.damage == .droppedByte)
        #expect(span.confidence == .guess)
        #expect(span.candidates == ["🍑", "🏑", "🐑", "👁", "👍", "👏", "👐", "👝"])
        #expect(span.explanation == "UTF-8 read as Windows-1252 (a byte the code page leaves undefined was dropped)")
        #expect(Mojibake.repair(text) == RepairedText(text: text, edits: []))
        #expect(Mojibake.repair(text, includeGuesses: true).text == "Great job 🍑 see you")
    }

    @Test func droppedByteWithOneFittingCharacterIsRepaired() {
        let mangled = CodePage.windows1252.misread(Array("I ❤ this".utf8))
        #expect(mangled == "I â¤ this")
        let spans = Mojibake.scan(mangled)
        #expect(spans.map(\.candidates) == [["❤"]])
        #expect(spans.map(\.confidence) == [.likely])
        #expect(Mojibake.repair(mangled).text == "I ❤ this")
    }

    @Test func replacementCharacterStandsForTheLostByte() {
        let mangled = CodePage.windows1252.misread(Array("café Á la carte".utf8), undefined: .replace)
        #expect(mangled == "cafÃ© Ã\u{FFFD} la carte")
        let spans = Mojibake.scan(mangled)
        #expect(spans.map(\.damage) == [.none, .replacedByte])
        #expect(spans.last?.candidates == ["Á", "Í", "Ï", "Ð", "Ý"])
        #expect(spans.last?.confidence == .guess)
    }

    @Test func droppedByteAfterATwoByteLeadIsReportedOnlyWhereTheLineConfirmsTheMisreading() {
        #expect(Mojibake.scan("ÃREA") == [])
        let spans = Mojibake.scan("ÃREA do cafÃ©")
        #expect(spans.map(\.original) == ["Ã", "Ã©"])
        #expect(spans.map(\.confidence) == [.guess, .certain])
    }

    @Test func accentedLetterBeforePunctuationIsTextOnAConfirmedLine() {
        let spans = Mojibake.scan("Itâ€™s the café’s menu, está—dijo")
        #expect(spans.map(\.original) == ["â€™"])
        #expect(spans.map(\.replacement) == ["’"])
    }

    @Test func turkishWordsAreNotStrippedLogoEmojiEvenOnAConfirmedLine() {
        let text = "Read ‚Äî üçüncü and küçük"
        #expect(Mojibake.scan(text).map(\.original) == ["‚Äî"])
        #expect(Mojibake.repair(text).text == "Read — üçüncü and küçük")
        #expect(Mojibake.scan("üçü") == [])
        #expect(Mojibake.repair("üëã Hello").text == "👋 Hello")
    }

    @Test func repairReturnsTheAppliedEditsAndIsIdempotent() {
        let text = "Line one: Itâ€™s here\nLine two: ðŸŽ‰ party\nclean line\n"
        let repaired = Mojibake.repair(text)
        #expect(repaired.text == "Line one: It’s here\nLine two: 🎉 party\nclean line\n")
        #expect(repaired.edits.map(\.utf8Range) == [12..<20, 37..<46])
        #expect(repaired.changed)
        #expect(Mojibake.repair(repaired.text) == RepairedText(text: repaired.text, edits: []))
    }

    @Test(arguments: ["", "plain ASCII only", "Ben’s “quoted” café — 🤌🏽 北京", "\u{F8FF}", "line\r\nbreaks\r\n"])
    func cleanTextHasNoSpans(text: String) {
        #expect(Mojibake.scan(text) == [])
        #expect(Mojibake.repair(text).text == text)
    }
}
