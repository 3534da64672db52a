import Foundation
import Testing

/// Colour only on a terminal, and never with `NO_COLOR` set to anything but the empty string (https://no-color.org).
@Suite("colour")
struct ColorTests {
    private static let escape = Data([0x1B])

    private func draftFolder() throws -> FixtureFolder {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.beehiiv, to: "harbour-notes.md")
        return folder
    }

    @Test("no escape sequences when standard output is a pipe or file", arguments: ["text", "json", "sarif", "github"])
    func notATerminal(output: String) throws {
        let result = try draftFolder().run("--offline", "--output", output, "harbour-notes.md")
        #expect(result.status == 1)
        #expect(result.standardOutput.firstRange(of: Self.escape) == nil)
        #expect(result.standardError.firstRange(of: Self.escape) == nil)
    }

    /// Runs the checker with standard output on a pseudo-terminal and returns what the terminal received. The output
    /// is kept to one problem because nothing reads the terminal until the child has exited.
    private func runOnTerminal(environment: [String: String]) throws -> String {
        let terminal = try #require(PseudoTerminal(), "cannot open a pseudo-terminal")
        let folder = try draftFolder()
        let result = try EditorialCheckProcess.run(
            ["--offline", "--rule", "placeholder-link", "harbour-notes.md"],
            in: folder.url,
            environment: environment,
            standardOutput: terminal.terminal
        )
        #expect(result.status == 1)
        try terminal.terminal.close()
        return String(decoding: terminal.readAll(), as: UTF8.self)
    }

    @Test("on a terminal the location, severity and underline are coloured")
    func terminal() throws {
        let screen = try runOnTerminal(environment: [:])
        #expect(screen.hasPrefix("\u{1B}[1mharbour-notes.md:19:53:\u{1B}[0m \u{1B}[1;31merror\u{1B}[0m: link destination contains"))
        #expect(screen.contains("\u{1B}[1;32m^~~~"))
    }

    @Test("NO_COLOR turns colour off on a terminal, whatever its value", arguments: ["1", "true", "0"])
    func noColor(value: String) throws {
        let screen = try runOnTerminal(environment: ["NO_COLOR": value])
        #expect(!screen.contains("\u{1B}"))
        #expect(screen.hasPrefix("harbour-notes.md:19:53: error: link destination contains the placeholder '{{rp_refer_url}}' [placeholder-link]\r\n"))
    }

    @Test("an empty NO_COLOR counts as unset")
    func emptyNoColor() throws {
        let screen = try runOnTerminal(environment: ["NO_COLOR": ""])
        #expect(screen.contains("\u{1B}[1;31merror\u{1B}[0m"))
    }
}
