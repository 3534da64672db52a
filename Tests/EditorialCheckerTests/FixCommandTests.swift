import Foundation
import Testing

/// `fix`: safe fixes applied in place, every other byte kept, permissions kept; `--dry-run` only shows a diff.
@Suite("fix")
struct FixCommandTests {
    /// A draft with a byte order mark, CRLF line ends, a tab, a no-break space, an emoji, curly quotes and no final
    /// newline, and three fixable problems on line 7, kept as the bytes between and around the three edits.
    enum Tides {
        static let beforeFirstEdit = Data([0xEF, 0xBB, 0xBF]) + Data("""
            # Tide Tables\r\n\r\n### PLUS: a\ttab and a\u{A0}no-break space\r\n\r\n## **🌊 Tides**\r\n\r\n\
            High water—twice a day, for
            """.utf8)
        static let betweenFirstAndSecond = Data("**sure**".utf8)
        static let betweenSecondAndThird = Data("now.".utf8)
        static let afterLastEdit = Data("\r\nLow water follows.\r\n\r\nCafé notes, unchanged: “quoted” text".utf8)

        static let original = beforeFirstEdit + betweenFirstAndSecond + betweenSecondAndThird + Data("  ".utf8) + afterLastEdit
        static let fixed = beforeFirstEdit + Data(" ".utf8) + betweenFirstAndSecond + Data(" ".utf8) + betweenSecondAndThird
            + Data("\\".utf8) + afterLastEdit
    }

    @Test("every byte outside the edits is unchanged")
    func bytesOutsideEdits() throws {
        let folder = try FixtureFolder()
        try folder.write(Tides.original, to: "tides.md")
        let result = try folder.run("fix", "tides.md")
        #expect(result.status == 0, "only warnings remain")
        #expect(result.errors == "")
        #expect(result.output == """
            tides.md: applied 3 fixes
              7:28: insert a space [emphasis-spacing]
              7:36: insert a space [emphasis-spacing]
              7:40: replace the trailing spaces with '\\' [trailing-whitespace-break]

            """)
        let after = try folder.read("tides.md")
        #expect(after.prefix(Tides.beforeFirstEdit.count) == Tides.beforeFirstEdit)
        #expect(after.suffix(Tides.afterLastEdit.count) == Tides.afterLastEdit)
        #expect(after == Tides.fixed, "first difference at byte \(firstDifference(after, Tides.fixed) ?? -1)")
    }

    /// 3,000 fixes make a report of about 130 KB, written a piece at a time: every line is there, once, in order.
    @Test("a long report of applied fixes is whole")
    func longReport() throws {
        let folder = try FixtureFolder()
        let lines = (0..<3_000).map { "Line \($0): ü§å and ‚Äô.\n" }
        try folder.write("# Notes\n\n## **Picks**\n\n" + lines.joined(separator: "\n"), to: "long.md")
        let result = try folder.run("fix", "long.md")
        #expect(result.status == 0)
        let expected = (0..<3_000).flatMap { index in
            let line = 5 + 2 * index
            let column = 8 + String(index).count
            return [
                "  \(line):\(column): replace 'ü§å' with '🤌' [mojibake]",
                "  \(line):\(column + 8): replace '‚Äô' with '’' [mojibake]",
            ]
        }
        #expect(result.output == "long.md: applied 6000 fixes\n" + expected.joined(separator: "\n") + "\n")
        #expect(result.output.utf8.count > 2 * 65_536, "longer than two of the 64 KiB pieces the report is written in")
    }

    @Test("mojibake is repaired in place and every other byte kept")
    func mojibake() throws {
        let folder = try FixtureFolder()
        let beforeFirstEdit = "# Robin's Workshop\n\n### PLUS: tools we love\n\n## **"
        let betweenEdits = " Robin"
        let afterLastEdit = "s Picks**\n\nThe new lathe for the café arrived, naïve as we are.\n"
        try folder.write(beforeFirstEdit + "ü§å" + betweenEdits + "‚Äô" + afterLastEdit, to: "workshop.md")
        let result = try folder.run("fix", "workshop.md")
        #expect(result.status == 0)
        #expect(result.output == """
            workshop.md: applied 2 fixes
              5:6: replace 'ü§å' with '🤌' [mojibake]
              5:15: replace '‚Äô' with '’' [mojibake]

            """)
        #expect(try folder.read("workshop.md") == Data((beforeFirstEdit + "🤌" + betweenEdits + "’" + afterLastEdit).utf8))
    }

    @Test("an accented letter before a curly apostrophe is text, not mojibake")
    func accentBeforeApostrophe() throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.clean + "\nThe café’s lathe arrived.\n", to: "cafe.md")
        let result = try folder.run("--offline", "cafe.md")
        #expect(result.status == 0)
        #expect(result.output == "0 errors, 0 warnings, 0 fixable in 1 file\n")
    }

    @Test("fixing again changes nothing")
    func idempotent() throws {
        let folder = try FixtureFolder()
        try folder.write(Tides.fixed, to: "tides.md")
        let result = try folder.run("fix", "tides.md")
        #expect(result.status == 0)
        #expect(result.output == "")
        #expect(try folder.read("tides.md") == Tides.fixed)
    }

    @Test("permissions are kept and no temporary file is left behind", arguments: [0o600, 0o640, 0o664, 0o755])
    func permissions(mode: Int) throws {
        let folder = try FixtureFolder()
        try folder.write(Tides.original, to: "tides.md")
        try folder.setPermissions(mode, of: "tides.md")
        let before = try folder.contents()
        let result = try folder.run("fix", "tides.md")
        #expect(result.status == 0)
        #expect(try folder.read("tides.md") == Tides.fixed)
        #expect(try folder.permissions(of: "tides.md") == mode)
        #expect(try folder.contents() == before)
    }

    @Test("a symbolic link is written through: the file it names is fixed, the link stays a link")
    func symbolicLink() throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.beehiiv, to: "real.md")
        try folder.setPermissions(0o640, of: "real.md")
        try FileManager.default.createSymbolicLink(atPath: folder.path("link.md"), withDestinationPath: "real.md")
        let result = try folder.run("fix", "link.md")
        #expect(result.status == 1)
        let linkType = try FileManager.default.attributesOfItem(atPath: folder.path("link.md"))[.type] as? FileAttributeType
        #expect(linkType == .typeSymbolicLink)
        #expect(try folder.read("real.md") == Data(Self.safelyFixedBeehiiv.utf8))
        #expect(try folder.permissions(of: "real.md") == 0o640)
    }

    @Test("--dry-run prints a unified diff and leaves the file untouched")
    func dryRun() throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.beehiiv, to: "harbour-notes.md")
        try folder.setPermissions(0o600, of: "harbour-notes.md")
        let before = try folder.contents()
        let arguments = ["fix", "--dry-run", "harbour-notes.md"]
        let result = try folder.run(arguments)
        #expect(result.status == 1, "the placeholder link is an error that no fix removes")
        #expect(result.output.hasPrefix("--- a/harbour-notes.md\n+++ b/harbour-notes.md\n@@ -12,7 +12,7 @@\n"))
        try Golden.expect(result.transcript(of: arguments), matches: "fix-dry-run.txt")
        #expect(try folder.read("harbour-notes.md") == Data(FixtureDrafts.beehiiv.utf8))
        #expect(try folder.permissions(of: "harbour-notes.md") == 0o600)
        #expect(try folder.contents() == before)
    }

    @Test("--include-guesses also applies suggestions")
    func includeGuesses() throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.beehiiv, to: "harbour-notes.md")
        let result = try folder.run("fix", "--include-guesses", "harbour-notes.md")
        #expect(result.status == 1)
        #expect(result.output == """
            harbour-notes.md: applied 4 fixes
              15:33: insert a space [emphasis-spacing]
              15:42: insert a space [emphasis-spacing]
              15:68: use https [insecure-link]
              23:39: replace the trailing spaces with '\\' [trailing-whitespace-break]

            """)
        let expected = Self.safelyFixedBeehiiv.replacingOccurrences(of: "http://knots.example", with: "https://knots.example")
        #expect(try folder.read("harbour-notes.md") == Data(expected.utf8))
    }

    @Test("with - the fixed draft goes to standard output")
    func standardInput() throws {
        let folder = try FixtureFolder()
        let result = try folder.run("fix", "--format-in", "beehiiv", "-", input: Data(FixtureDrafts.beehiiv.utf8))
        #expect(result.status == 1)
        #expect(result.output == Self.safelyFixedBeehiiv)
        #expect(result.errors == "")
    }

    /// The beehiiv fixture with its three safe fixes applied.
    static let safelyFixedBeehiiv = FixtureDrafts.beehiiv
        .replacingOccurrences(of: "for**posts**and", with: "for **posts** and")
        .replacingOccurrences(of: "knot.  \n", with: "knot.\\\n")

    private func firstDifference(_ first: Data, _ second: Data) -> Int? {
        zip(first, second).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? (first.count == second.count ? nil : min(first.count, second.count))
    }
}
