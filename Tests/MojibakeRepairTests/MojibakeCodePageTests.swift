import MojibakeRepair
import NewsletterCore
import Testing

@Suite struct MojibakeCodePageTests {
    @Test(arguments: CodePage.all)
    func everyDefinedByteRoundTripsAndASCIIIsItself(page: CodePage) {
        for byte in UInt8(0)...0xFF {
            guard let scalar = page.character(forByte: byte) else {
                #expect(page.undefinedBytes.contains(byte))
                continue
            }
            if byte < 0x80 { #expect(scalar.value == UInt32(byte)) }
            #expect(page.byte(for: scalar) == byte, "\(page) 0x\(String(byte, radix: 16))")
        }
    }

    @Test func windows1252LeavesFiveBytesUndefinedAndTheSloppyVariantKeepsThemAsControls() {
        #expect(CodePage.windows1252.undefinedBytes == [0x81, 0x8D, 0x8F, 0x90, 0x9D])
        #expect(CodePage.windows1252Sloppy.undefinedBytes == [])
        #expect(CodePage.windows1252Sloppy.bytesLostByStrictDecoders == [0x81, 0x8D, 0x8F, 0x90, 0x9D])
        #expect(CodePage.windows1252Sloppy.character(forByte: 0x9D) == "\u{9D}")
        #expect(CodePage.windows1252Sloppy.character(forByte: 0x80) == "€")
        #expect(CodePage.windows1252Sloppy.name == "Windows-1252")
        #expect(CodePage.windows1252Sloppy != CodePage.windows1252)
    }

    @Test(arguments: [
        (UInt8(0x80), "Ä"), (0xA5, "•"), (0xC3, "√"), (0xDB, "€"), (0xF0, "\u{F8FF}"), (0x9F, "ü"), (0xFF, "ˇ"),
    ] as [(UInt8, Unicode.Scalar)])
    func macOSRomanBytes(byte: UInt8, character: Unicode.Scalar) {
        #expect(CodePage.macOSRoman.character(forByte: byte) == character)
    }

    @Test func latin1IsTheIdentity() {
        for byte in UInt8(0)...0xFF {
            #expect(CodePage.latin1.character(forByte: byte)?.value == UInt32(byte))
        }
    }

    @Test(arguments: [
        (CodePage.cp437, UInt8(0xB0), Unicode.Scalar("░")),
        (.windows1250, 0x8A, "Š"),
        (.windows1251, 0xC0, "А"),
        (.windows1251, 0xFF, "я"),
    ])
    func otherTablesHoldTheirCharacters(page: CodePage, byte: UInt8, character: Unicode.Scalar) {
        #expect(page.character(forByte: byte) == character)
    }

    @Test func misreadingUTF8MakesTheClassicMojibake() {
        #expect(CodePage.windows1252Sloppy.misread(Array("é’😀".utf8)) == "Ã©â€™ðŸ˜€")
        #expect(CodePage.macOSRoman.misread(Array("é’🤌".utf8)) == "√©‚Äô\u{F8FF}ü§å")
        #expect(CodePage.latin1.misread(Array("’".utf8)) == "â\u{80}\u{99}")
        #expect(CodePage.windows1252.misread(Array("👍".utf8)) == "ðŸ‘")
        #expect(CodePage.windows1252.misread(Array("👍".utf8), undefined: .replace) == "ðŸ‘\u{FFFD}")
    }

    @Test func encodeIsTheInverseOfMisread() {
        let mangled = CodePage.macOSRoman.misread(Array("Ben’s 🤌".utf8))
        #expect(CodePage.macOSRoman.encode(mangled) == Array("Ben’s 🤌".utf8))
        #expect(CodePage.windows1252.encode("北") == nil)
    }

    @Test func aNewCodePageIsATable() {
        var upperHalf = [UInt16](repeating: 0, count: 128)
        upperHalf[0x23] = 0x00E9
        let page = CodePage(identifier: "x-test", name: "Test page", upperHalf: upperHalf)
        #expect(page.character(forByte: 0xA3) == "é")
        #expect(page.byte(for: "é") == 0xA3)
        #expect(page.undefinedBytes.count == 127)
        #expect(page.description == "Test page")
    }
}
