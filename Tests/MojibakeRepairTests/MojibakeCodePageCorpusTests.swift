import MojibakeRepair
import Testing

/// The code pages beyond the default three, each scanned with the defaults: every generated positive repaired
/// exactly, and no correct line of the languages they serve (nor box drawing) changed.
@Suite struct MojibakeCodePageCorpusTests {
    @Test(arguments: MojibakeCodePageCorpus.pages)
    func everyPositiveOfAPageIsRepairedExactly(page: MojibakeCodePageCorpus.Page) {
        let samples = MojibakeCodePageCorpus.positives(of: page)
        #expect(samples.count >= 10)
        for sample in samples {
            let repaired = Mojibake.repair(sample.mangled, codePages: page.scanned)
            #expect(repaired.text == sample.correct, "\(page): \(sample.mangled)")
            let reader = page.reader ?? page.page
            #expect(repaired.edits.allSatisfy { $0.misreadings.contains(reader) || $0.misreadings.contains(.windows1252Sloppy) })
        }
    }

    @Test(arguments: MojibakeCodePageCorpus.pages)
    func noNegativeIsChanged(page: MojibakeCodePageCorpus.Page) {
        let negatives = MojibakeCodePageCorpus.negatives()
        #expect(negatives.count >= 300)
        let changed = negatives.filter { Mojibake.repair($0, codePages: page.scanned).changed }
        #expect(changed == [], "\(page)")
    }

    /// The pages of a region scanned together, as a caller expecting Cyrillic or Central European text would.
    @Test(arguments: [
        [CodePage.windows1251Sloppy, .koi8R, .cp866],
        [CodePage.windows1250Sloppy, .iso8859_2, .windows1257Sloppy, .windows1254Sloppy, .windows1253Sloppy],
    ])
    func pagesOfARegionTogetherChangeNoNegative(extra: [CodePage]) {
        let pages = MojibakeCodePageCorpus.westernPages + extra
        let changed = MojibakeCodePageCorpus.negatives().filter { Mojibake.repair($0, codePages: pages).changed }
        #expect(changed == [])
    }

    @Test(arguments: [
        ("Привет, мир", [CodePage.windows1251Sloppy, .windows1252Sloppy]),
        ("Zażółć gęślą jaźń", [CodePage.windows1250Sloppy, .windows1252Sloppy]),
        ("Привет, мир", [CodePage.windows1252Sloppy, .windows1251Sloppy]),
    ])
    func twoLayersAreUnwound(correct: String, misreadings: [CodePage]) {
        let mangled = misreadings.reduce(correct) { text, page in page.misread(Array(text.utf8)) }
        let pages = MojibakeCodePageCorpus.westernPages + misreadings.filter { !MojibakeCodePageCorpus.westernPages.contains($0) }
        let repaired = Mojibake.repair(mangled, codePages: pages)
        #expect(repaired.text == correct)
    }

    @Test(arguments: [
        ("РџСЂРёРІРµС‚", "Привет"), ("вЂ™", "’"), ("ZaĹĽĂłĹ‚Ä‡", "Zażółć"),
        ("╨┐╤Ç╨░╨▓╨╕╨╗╤î╨╜╨╛╨╡", "правильное"), ("ΓÇÖ", "’"),
    ])
    func theIssuesExamples(mangled: String, correct: String) {
        let pages = MojibakeCodePageCorpus.westernPages + [.windows1251Sloppy, .windows1250Sloppy, .cp437]
        #expect(Mojibake.repair("Read \(mangled) today", codePages: pages).text == "Read \(correct) today")
    }

    /// Windows-1251 read strictly loses byte 0x98, which no Cyrillic letter needs; the sloppy page keeps it.
    @Test func strictAndSloppyWindows1251() {
        #expect(CodePage.windows1251.undefinedBytes == [0x98])
        #expect(CodePage.windows1251Sloppy.character(forByte: 0x98) == "\u{98}")
        #expect(CodePage.windows1251Sloppy.misread(Array("П".utf8)) == "Рџ")
    }
}
