import Foundation
import Testing

/// `fix-mojibake`: a pure filter, standard input (or a file) to standard output, every other byte unchanged.
@Suite("fix-mojibake")
struct FixMojibakeTests {
    @Test("standard input is repaired to standard output", arguments: [
        ("CafÃ© on the quay", "Café on the quay"),
        ("Todayâ€™s tide table", "Today’s tide table"),
        ("Today‚Äôs issue üëã", "Today’s issue 👋"),
        ("Todayâ€™s\r\nCafÃ©\r\nnaÃ¯ve", "Today’s\r\nCafé\r\nnaïve"),
        ("Nothing to repair — café, naïve, 🌊\n", "Nothing to repair — café, naïve, 🌊\n"),
        ("", ""),
    ])
    func standardInput(input: String, expected: String) throws {
        let folder = try FixtureFolder()
        let result = try folder.run("fix-mojibake", input: Data(input.utf8))
        #expect(result.status == 0)
        #expect(result.standardOutput == Data(expected.utf8))
        #expect(result.errors == "")
    }

    @Test("a file argument, or -, gives the same output and leaves the file alone", arguments: [["notes.txt"], ["-"]])
    func fileArgument(arguments: [String]) throws {
        let folder = try FixtureFolder()
        let text = "Hey sailors üëã\nThe cafÃ© reopens.\nNo trailing newline"
        try folder.write(text, to: "notes.txt")
        let result = try folder.run(["fix-mojibake"] + arguments, input: Data(text.utf8))
        #expect(result.status == 0)
        #expect(result.output == "Hey sailors 👋\nThe café reopens.\nNo trailing newline")
        #expect(try folder.read("notes.txt") == Data(text.utf8))
    }

    @Test("--verbose lists each repair with its position on standard error")
    func verbose() throws {
        let folder = try FixtureFolder()
        try folder.write("Hey sailors üëã\nThe cafÃ© reopens.\n", to: "notes.txt")
        let result = try folder.run("fix-mojibake", "--verbose", "notes.txt")
        #expect(result.output == "Hey sailors 👋\nThe café reopens.\n")
        #expect(result.errors == """
            notes.txt:1:13: UTF-8 read as Mac OS Roman (the Apple logo standing for byte F0 was lost)
            notes.txt:2:8: UTF-8 read as Windows-1252

            """)
    }

    @Test("input that is not UTF-8 stops the filter at the bad line, with its position; the lines before are written")
    func invalidInput() throws {
        let folder = try FixtureFolder()
        let result = try folder.run("fix-mojibake", input: Data("line cafÃ©\nbad ".utf8) + Data([0xFF, 0x0A]) + Data("after\n".utf8))
        #expect(result.status == 2)
        #expect(result.output == "line café\n")
        #expect(result.errors.prefix { $0 != "\n" } == "<stdin>:2:5: error: invalid UTF-8: the byte sequence starting with 0xFF is not a character")
    }
}
