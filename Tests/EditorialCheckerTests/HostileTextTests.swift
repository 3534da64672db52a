import Foundation
import Testing

/// A draft is untrusted: control characters in it are shown as visible escapes, never sent to the terminal.
@Suite("hostile text")
struct HostileTextTests {
    /// A draft whose link text holds an escape sequence that would turn the terminal red, a NUL, and a right-to-left
    /// override, with a mojibake error after them on the same line.
    static let draft = "# Notes\n\n## Picks\n\nSee [red\u{1B}[31m\u{0}](https://a.example/x) and \u{202E}txt ü§å ok.\n"

    @Test("text output escapes control characters, and the caret still sits under the problem")
    func textOutput() throws {
        let folder = try FixtureFolder()
        try folder.write(Self.draft, to: "draft.md")
        let result = try folder.run("--offline", "--rule", "mojibake", "draft.md")
        #expect(result.status == 1)
        #expect(!result.standardOutput.contains(0x1B))
        #expect(!result.standardOutput.contains(0x00))
        #expect(result.output == """
            draft.md:5:47: error: UTF-8 read as Mac OS Roman (the Apple logo standing for byte F0 was lost): 'ü§å' should be '🤌' [mojibake]
            See [red\\u{1B}[31m\\u{0}](https://a.example/x) and \\u{202E}txt ü§å ok.
            \(String(repeating: " ", count: 62))^~~
              fix: replace 'ü§å' with '🤌'
            1 error, 0 warnings, 1 fixable in 1 file

            """)
    }

    @Test("messages quoting the draft are escaped too", arguments: ["text", "github"])
    func messages(output: String) throws {
        let folder = try FixtureFolder()
        try folder.write("# Notes\n\n## Fog\u{1B}[2J Report\n\n## Picks\n\nA [guide](https://a.example/x).\n", to: "draft.md")
        let result = try folder.run("--offline", "--rule", "empty-section", "--output", output, "draft.md")
        #expect(!result.standardOutput.contains(0x1B))
        #expect(result.output.contains("section 'Fog\\u{1B}[2J Report' is empty"))
    }

    @Test("an input error quoting the draft's line escapes it on standard error")
    func inputErrorLine() throws {
        let folder = try FixtureFolder()
        try folder.write("{\"title\": \"\u{1B}]0;pwned\u{7}\" x}\n", to: "draft.json")
        let result = try folder.run("--offline", "draft.json")
        #expect(result.status == 2)
        #expect(!result.standardError.contains(0x1B))
        #expect(result.errors == """
            draft.json:1:12: error: a string cannot hold the control character U+001B; write it as an escape
            {"title": "\\u{1B}]0;pwned\\u{7}" x}
                       ^

            """)
    }
}
