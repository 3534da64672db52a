import DiagnosticReporting
import Foundation
import Testing

/// `--output github`: workflow commands with GitHub's escaping, errors before warnings before notices.
@Suite("GitHub output")
struct GitHubOutputTests {
    @Test("file names and messages are escaped and errors come first")
    func escapedAndOrdered() throws {
        let folder = try FixtureFolder()
        // A required section whose title holds every character workflow commands escape ends up in a message.
        try folder.write("required_sections:\n  - \"Odds: 100%, really\\nnot\"\n", to: ".newsletterlint.yml")
        let name = "notes: 50%, odd\nname.md"
        try folder.write(FixtureDrafts.beehiiv, to: name)
        let result = try folder.run("--offline", "--output", "github", name)
        #expect(result.status == 1)
        #expect(result.errors == "")
        let file = "file=notes%3A 50%25%2C odd%0Aname.md"
        #expect(result.output == """
            ::error \(file),line=1,col=1,endLine=1,endColumn=1,title=missing-section::missing section 'Odds: 100%25, really%0Anot'
            ::error \(file),line=19,col=53,endLine=19,endColumn=109,title=placeholder-link::link destination contains the placeholder '{{rp_refer_url}}'
            ::warning \(file),line=15,col=33,endLine=15,endColumn=33,title=emphasis-spacing::bold text starts right after a word; add a space
            ::warning \(file),line=15,col=42,endLine=15,endColumn=42,title=emphasis-spacing::bold text runs into the next word; add a space
            ::notice \(file),line=15,col=54,endLine=15,endColumn=101,title=non-descriptive-link-text::link text 'link' does not say where the link leads
            ::notice \(file),line=15,col=68,endLine=15,endColumn=100,title=insecure-link::link to 'knots.example' uses http; use https
            ::notice \(file),line=23,col=39,endLine=23,endColumn=41,title=trailing-whitespace-break::line break written as trailing spaces; use a backslash

            """)
    }

    @Test("errors of later files still come before warnings of earlier ones")
    func errorsFirstAcrossFiles() throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.warningsOnly, to: "a-fog.md")
        try folder.write(FixtureDrafts.beehiiv, to: "b-harbour.md")
        let result = try folder.run("--offline", "--output", "github", "--disable", "non-descriptive-link-text",
                                    "--disable", "insecure-link", "--disable", "trailing-whitespace-break", ".")
        #expect(result.status == 1)
        let commands = result.output.split(separator: "\n").map { String($0.prefix { $0 != "," }) }
        #expect(commands == [
            "::error file=./b-harbour.md",
            "::warning file=./a-fog.md",
            "::warning file=./b-harbour.md",
            "::warning file=./b-harbour.md",
        ])
    }

    @Test("message data escapes %, CR and LF", arguments: [
        ("100% sure", "100%25 sure"),
        ("first\nsecond", "first%0Asecond"),
        ("windows\r\nline", "windows%0D%0Aline"),
        ("a: b, c", "a: b, c"),
        ("%0A is not a newline", "%250A is not a newline"),
    ])
    func data(text: String, escaped: String) {
        #expect(GitHubReporter.escapeData(text) == escaped)
    }

    @Test("property values also escape colon and comma", arguments: [
        ("drafts/a: b, c.md", "drafts/a%3A b%2C c.md"),
        ("50%\nodd", "50%25%0Aodd"),
        ("plain/path.md", "plain/path.md"),
    ])
    func property(text: String, escaped: String) {
        #expect(GitHubReporter.escapeProperty(text) == escaped)
    }
}
