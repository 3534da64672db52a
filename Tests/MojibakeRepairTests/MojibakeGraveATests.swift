import MojibakeRepair
import Testing

/// `à` is C3 A0 in UTF-8, and A0 is a no-break space in Windows-1252: pipelines turn it into a space or merge
/// it with the next one, leaving `Ã` and a space. Repaired where the words around say `à`, with the Portuguese
/// `às` and `àquele`; capitals stay.
@Suite struct MojibakeGraveATests {
    @Test(arguments: [
        ("voilÃ le menu", "voilà le menu"),
        ("voilÃ  le menu", "voilà le menu"),
        ("Ã  demain, et jusqu'Ã ce soir", "à demain, et jusqu'à ce soir"),
        ("fomos Ã s lojas com a irmÃ£", "fomos às lojas com a irmã"),
        ("igual Ã quele livro", "igual àquele livro"),
        ("GÃ\u{A0}idhlig agus CÃ\u{A0}nan", "Gàidhlig agus Cànan"),
    ])
    func graveAIsRestored(mangled: String, correct: String) {
        let repaired = Mojibake.repair(mangled)
        #expect(repaired.text == correct)
        #expect(Mojibake.repair(repaired.text).text == repaired.text)
    }

    @Test(arguments: [
        "C O N C L U S Ã O", "IRMÃ O", "SÃO PAULO", "NÃO É", "SELKÄ\u{A0}KIPEÄ", "Ã B C", "NICIODATĂ™", "Ã",
        // A strict decoder's `Á` (C3 81, the 81 dropped) between words: not told apart from `à`, so left alone.
        "he said Ã and left",
    ])
    func capitalsAndCorrectTextStay(line: String) {
        #expect(Mojibake.scan(line) == [])
    }

    @Test func theSpanSaysTheNoBreakSpaceWasLost() throws {
        let span = try #require(Mojibake.scan("voilÃ le menu").first)
        #expect(span.original == "Ã")
        #expect(span.replacement == "à")
        #expect(span.damage == .lostNoBreakSpace)
        #expect(span.explanation == "UTF-8 read as Windows-1252 (byte A0, a no-break space, became a space)")
    }
}
