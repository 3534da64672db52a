import Foundation
import Testing

/// The documented exit statuses: 0 no errors, 1 errors (or warnings with `--strict`), 2 usage, configuration or input errors.
@Suite("exit codes")
struct ExitCodeTests {
    /// A command line run in a folder holding `clean.md`, `fog.md` (warnings only), `harbour.md` (errors) and a bad `bad.yml`.
    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var status: Int32
        /// How the first line of standard error starts; empty when nothing may be written there.
        var firstErrorLine: String

        var testDescription: String { "editorial-check \(arguments.joined(separator: " ")) → \(status)" }
    }

    static let cases: [Case] = [
        Case(arguments: ["--offline", "clean.md"], status: 0, firstErrorLine: ""),
        Case(arguments: ["check", "--offline", "clean.md", "fog.md"], status: 0, firstErrorLine: ""),
        Case(arguments: ["--offline", "harbour.md"], status: 1, firstErrorLine: ""),
        Case(arguments: ["--offline", "--strict", "fog.md"], status: 1, firstErrorLine: ""),
        Case(arguments: ["--offline", "--strict", "clean.md"], status: 0, firstErrorLine: ""),
        Case(arguments: ["--offline", "--disable", "placeholder-link", "harbour.md"], status: 0, firstErrorLine: ""),
        Case(arguments: ["--offline", "--rule", "placeholder-link", "harbour.md"], status: 1, firstErrorLine: ""),
        Case(arguments: ["--offline", "--output", "json", "harbour.md"], status: 1, firstErrorLine: ""),
        Case(arguments: ["--offline", "--output", "sarif", "harbour.md"], status: 1, firstErrorLine: ""),
        Case(arguments: ["--offline", "--output", "github", "harbour.md"], status: 1, firstErrorLine: ""),
        Case(arguments: ["fix", "clean.md"], status: 0, firstErrorLine: ""),
        Case(arguments: ["fix", "--dry-run", "harbour.md"], status: 1, firstErrorLine: ""),
        Case(arguments: ["rules"], status: 0, firstErrorLine: ""),
        Case(arguments: ["--version"], status: 0, firstErrorLine: ""),
        Case(arguments: ["check", "--help"], status: 0, firstErrorLine: ""),
        Case(
            arguments: ["--offline", "--rule", "no-such-rule", "clean.md"], status: 2,
            firstErrorLine: "error: unknown rule 'no-such-rule'; `editorial-check rules` lists them"
        ),
        Case(
            arguments: ["--offline", "--disable", "no-such-rule", "clean.md"], status: 2,
            firstErrorLine: "error: unknown rule 'no-such-rule'; `editorial-check rules` lists them"
        ),
        Case(
            arguments: ["fix", "--rule", "no-such-rule", "clean.md"], status: 2,
            firstErrorLine: "error: unknown rule 'no-such-rule'; `editorial-check rules` lists them"
        ),
        Case(arguments: ["--offline", "missing.md"], status: 2, firstErrorLine: "missing.md: error: no such file or folder"),
        Case(arguments: ["--offline", "clean.md", "missing.md"], status: 2, firstErrorLine: "missing.md: error: no such file or folder"),
        Case(arguments: ["fix", "missing.md"], status: 2, firstErrorLine: "missing.md: error: no such file or folder"),
        Case(arguments: ["fix-mojibake", "missing.md"], status: 2, firstErrorLine: "missing.md: error: cannot read the file: no such file"),
        Case(arguments: ["convert", "missing.md", "--to", "json"], status: 2, firstErrorLine: "missing.md: error: cannot read the file: no such file"),
        Case(arguments: ["--offline", "--config", "none.yml", "clean.md"], status: 2, firstErrorLine: "none.yml: error: cannot read configuration file"),
        // An unknown rule id in a configuration is a warning (another tool may know it), an error with --strict.
        Case(
            arguments: ["--offline", "--config", "bad.yml", "clean.md"], status: 0,
            firstErrorLine: "bad.yml:2:3: warning: unknown rule 'placeholder-links'; did you mean 'placeholder-link'?"
        ),
        Case(
            arguments: ["--offline", "--strict", "--config", "bad.yml", "clean.md"], status: 2,
            firstErrorLine: "bad.yml:2:3: error: unknown rule 'placeholder-links'; did you mean 'placeholder-link'?"
        ),
        Case(
            arguments: ["fix", "--strict", "--config", "bad.yml", "clean.md"], status: 2,
            firstErrorLine: "bad.yml:2:3: error: unknown rule 'placeholder-links'; did you mean 'placeholder-link'?"
        ),
        Case(
            arguments: ["rules", "--config", "bad.yml"], status: 0,
            firstErrorLine: "bad.yml:2:3: warning: unknown rule 'placeholder-links'; did you mean 'placeholder-link'?"
        ),
        Case(
            arguments: ["rules", "--strict", "--config", "bad.yml"], status: 2,
            firstErrorLine: "bad.yml:2:3: error: unknown rule 'placeholder-links'; did you mean 'placeholder-link'?"
        ),
        Case(arguments: ["rules", "--verify"], status: 0, firstErrorLine: ""),
        Case(
            arguments: ["--offline", "--format-in", "docx", "clean.md"], status: 2,
            firstErrorLine: "error: unknown format 'docx'; known formats: beehiiv, "
        ),
        Case(
            arguments: ["convert", "clean.md", "--to", "docx"], status: 2,
            firstErrorLine: "error: unknown format 'docx'; known formats: beehiiv, "
        ),
        Case(
            arguments: ["--offline", "--output", "xml", "clean.md"], status: 2,
            firstErrorLine: "Error: The value 'xml' is invalid for '--output <output>'. Please provide one of 'text', 'json', 'sarif' or 'github'."
        ),
        Case(arguments: ["--frobnicate"], status: 2, firstErrorLine: "Error: Unknown option '--frobnicate'"),
        Case(
            arguments: ["--offline", "--config", "huge-timeout.yml", "clean.md"], status: 2,
            firstErrorLine: "huge-timeout.yml:2:12: error: timeout must be a number of seconds from 0.1 to 3600"
        ),
        Case(
            arguments: ["--config", "huge-timeout.yml", "clean.md"], status: 2,
            firstErrorLine: "huge-timeout.yml:2:12: error: timeout must be a number of seconds from 0.1 to 3600"
        ),
        Case(
            arguments: ["--offline", "--config", "negative-ttl.yml", "clean.md"], status: 2,
            firstErrorLine: "negative-ttl.yml:2:14: error: cache_ttl must be a number of seconds from 0 to 31536000"
        ),
        Case(
            arguments: ["--offline", "--config", "nan-interval.yml", "clean.md"], status: 2,
            firstErrorLine: "nan-interval.yml:3:34: error: interval must be a number of seconds from 0 to 60"
        ),
        Case(
            arguments: ["--offline", "--config", "zero-timeout.yml", "clean.md"], status: 2,
            firstErrorLine: "zero-timeout.yml:2:12: error: timeout must be a number of seconds from 0.1 to 3600"
        ),
        Case(arguments: ["convert", "clean.md"], status: 2, firstErrorLine: "Error: Missing expected argument '--to <to>'"),
    ]

    @Test("exit status and first error line", arguments: cases)
    func exitStatus(_ testCase: Case) throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.clean, to: "clean.md")
        try folder.write(FixtureDrafts.warningsOnly, to: "fog.md")
        try folder.write(FixtureDrafts.beehiiv, to: "harbour.md")
        try folder.write("rules:\n  placeholder-links: false\n", to: "bad.yml")
        try folder.write("link_check:\n  timeout: 1e20\n", to: "huge-timeout.yml")
        try folder.write("link_check:\n  cache_ttl: -1\n", to: "negative-ttl.yml")
        try folder.write("link_check:\n  hosts:\n    fixture-news.net: {interval: .nan}\n", to: "nan-interval.yml")
        try folder.write("link_check:\n  timeout: 0\n", to: "zero-timeout.yml")
        let result = try folder.run(testCase.arguments)
        #expect(result.status == testCase.status, "\(result.errors)")
        if testCase.firstErrorLine.isEmpty {
            #expect(result.errors == "")
        } else {
            let firstLine = result.errors.prefix { $0 != "\n" }
            #expect(firstLine.hasPrefix(testCase.firstErrorLine), "standard error starts with: \(firstLine)")
        }
    }

    @Test("a bad .newsletterlint.yml found above a draft is an input error naming its line and column")
    func badNearbyConfiguration() throws {
        let folder = try FixtureFolder()
        try folder.write("rulez: {}\n", to: "issues/.newsletterlint.yml")
        try folder.write(FixtureDrafts.clean, to: "issues/clean.md")
        try folder.write(FixtureDrafts.clean, to: "other/clean.md")
        let result = try folder.run("--offline", "issues", "other")
        #expect(result.status == 2)
        let configuration = folder.url.resolvingSymlinksInPath().appendingPathComponent("issues/.newsletterlint.yml").path
        #expect(result.errors == """
            \(configuration):1:1: error: unknown key 'rulez' in the configuration; did you mean 'rules'?
            rulez: {}
            ^

            """)
    }

    @Test("with no path the working folder is checked")
    func defaultPath() throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.clean, to: "clean.md")
        let result = try folder.run("--offline")
        #expect(result.status == 0)
        #expect(result.output == "0 errors, 0 warnings, 0 fixable in 1 file\n")
    }
}
