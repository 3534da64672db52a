@testable import EditorialCheckerCLI
import Foundation
import NewsletterKit
import Testing

/// A third party's checker built through the public entry point, with a format and a rule of its own: every command
/// sees them, and the exit codes are ours.
@Suite("custom checker")
struct CustomCheckerTests {
    /// The tool of the README's snippet (`NotesCheck`).
    static let tool = EditorialCheckTool(commandName: "notes-check", version: "1.0.0")
        .adding(format: NotesAdapter())
        .adding(rule: ShoutingTitleRule())

    /// What one in-process run wrote and returned.
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `tool` on `arguments`, with paths inside `folder` shown relative to it.
    static func run(_ arguments: [String], in folder: FixtureFolder, tool: EditorialCheckTool = tool) async -> Run {
        let capture = Terminal.Capture()
        let status = await Terminal.$capture.withValue(capture) { await tool.run(arguments: arguments) }
        let prefix = folder.url.path + "/"
        return Run(
            status: status,
            output: capture.output.replacingOccurrences(of: prefix, with: ""),
            errors: capture.errors.replacingOccurrences(of: prefix, with: "")
        )
    }

    @Test("check finds the format's files in a folder and runs the added rule with the built-in ones")
    func check() async throws {
        let folder = try FixtureFolder()
        try folder.write("HARBOUR NEWS\nThe tide is out.\n", to: "drafts/harbour.notes")
        try folder.write("Fog notes\nQuiet week.\n", to: "drafts/fog.notes")
        let run = await Self.run(["check", "--offline", folder.path("drafts")], in: folder)
        #expect(run.output == """
            drafts/fog.notes:1:1: warning: the draft names no author [missing-author]
            Fog notes
            ^
            drafts/fog.notes:1:1: warning: the draft has no publication date [missing-date]
            Fog notes
            ^
            drafts/fog.notes:1:1: warning: the draft has no subtitle [missing-subtitle]
            Fog notes
            ^
            drafts/harbour.notes:1:1: warning: the draft names no author [missing-author]
            HARBOUR NEWS
            ^
            drafts/harbour.notes:1:1: warning: the draft has no publication date [missing-date]
            HARBOUR NEWS
            ^
            drafts/harbour.notes:1:1: warning: the draft has no subtitle [missing-subtitle]
            HARBOUR NEWS
            ^
            drafts/harbour.notes:1:1: warning: the title is in capitals [shouting-title]
            HARBOUR NEWS
            ^~~~~~~~~~~~
              fix: write 'Harbour news'
            0 errors, 7 warnings, 1 fixable in 2 files

            """)
        #expect(run.errors == "")
        #expect(run.status == 0)
        let strict = await Self.run(["check", "--offline", "--strict", "--rule", "shouting-title", folder.path("drafts")], in: folder)
        #expect(strict.status == 1)
    }

    @Test("check writes the added rule's problems in the machine-readable formats")
    func github() async throws {
        let folder = try FixtureFolder()
        try folder.write("HARBOUR NEWS\nThe tide is out.\n", to: "harbour.notes")
        let run = await Self.run(["check", "--offline", "--rule", "shouting-title", "--output", "github", folder.path("harbour.notes")], in: folder)
        #expect(run.output == "::warning file=harbour.notes,line=1,col=1,endLine=1,endColumn=13,title=shouting-title::the title is in capitals\n")
        #expect(run.status == 0)
        let sarif = await Self.run(["check", "--offline", "--rule", "shouting-title", "--output", "sarif", folder.path("harbour.notes")], in: folder)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.output.utf8)) as? [String: Any])
        let run0 = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run0["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "notes-check")
        #expect(driver["version"] as? String == "1.0.0")
        let ruleIDs = (driver["rules"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(ruleIDs == RuleRegistry.builtIn.descriptions.map(\.id) + ["shouting-title", "broken-link"])
        let results = try #require(run0["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["shouting-title"])
        #expect(results.first?["ruleIndex"] as? Int == ruleIDs.count - 2)
    }

    @Test("a configuration file sets the added rule's severity, which decides the exit status")
    func configured() async throws {
        let folder = try FixtureFolder()
        try folder.write("rules:\n  shouting-title: { severity: error }\n", to: ".newsletterlint.yml")
        try folder.write("HARBOUR NEWS\nThe tide is out.\n", to: "harbour.notes")
        let run = await Self.run(["check", "--offline", "--rule", "shouting-title", folder.path("harbour.notes")], in: folder)
        #expect(run.output == """
            harbour.notes:1:1: error: the title is in capitals [shouting-title]
            HARBOUR NEWS
            ^~~~~~~~~~~~
              fix: write 'Harbour news'
            1 error, 0 warnings, 1 fixable in 1 file

            """)
        #expect(run.status == 1)
    }

    @Test("fix applies the added rule's safe fix to a file of the added format")
    func fix() async throws {
        let folder = try FixtureFolder()
        try folder.write("HARBOUR NEWS\nThe tide is out.\n", to: "harbour.notes")
        let run = await Self.run(["fix", "--rule", "shouting-title", folder.path("harbour.notes")], in: folder)
        #expect(run.output == "harbour.notes: applied 1 fix\n  1:1: write 'Harbour news' [shouting-title]\n")
        #expect(run.status == 0)
        #expect(String(decoding: try folder.read("harbour.notes"), as: UTF8.self) == "Harbour news\nThe tide is out.\n")
    }

    @Test("convert reads and writes the added format")
    func convert() async throws {
        let folder = try FixtureFolder()
        try folder.write("Harbour news\nThe tide is out.\n", to: "harbour.notes")
        try folder.write("---\ntitle: Fog notes\n---\n\nQuiet week.\n", to: "fog.md")
        let toJSON = await Self.run(["convert", folder.path("harbour.notes"), "--to", "json"], in: folder)
        #expect(toJSON.output == """
            {
              "format": "newsletterkit-issue",
              "version": 1,
              "title": "Harbour news",
              "subtitle": null,
              "authors": [],
              "date": null,
              "slug": null,
              "tags": [],
              "metadata": {},
              "preamble": "The tide is out.\\n",
              "sections": [],
              "links": []
            }

            """)
        #expect(toJSON.status == 0)
        let toNotes = await Self.run(["convert", folder.path("fog.md"), "--format-in", "front-matter", "--to", "notes"], in: folder)
        #expect(toNotes.output == "Fog notes\n\nQuiet week.\n")
        #expect(toNotes.status == 0)
    }

    @Test("rules lists the added rule after the built-in ones; --version and help are the tool's")
    func rulesAndVersion() async throws {
        let folder = try FixtureFolder()
        let rules = await Self.run(["rules"], in: folder)
        let lines = rules.output.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("shouting-title ") && $0.hasSuffix("The title is not written in capitals.") })
        #expect(lines.count == RuleRegistry.builtInRules.count + 3)
        let version = await Self.run(["--version"], in: folder)
        #expect(version.output == "1.0.0\n")
        #expect(version.status == 0)
        let help = await Self.run(["convert", "--help"], in: folder)
        // Help wraps lines at 80 columns, breaking at spaces.
        let unwrapped = help.output.replacingOccurrences(of: "\n", with: " ")
        #expect(unwrapped.hasPrefix("OVERVIEW: Convert a draft to another format (beehiiv, front-matter, json, notes). "))
        #expect(help.output.contains("USAGE: notes-check convert <path> --to <to>"))
        #expect(help.status == 0)
    }

    /// An asynchronous rule of the tests' own that reports every draft; it never runs offline.
    struct EveryDraftRule: AsyncRule {
        static let description = RuleDescription(
            id: "every-draft", name: "Every draft", summary: "Reports every draft.", rationale: "A test rule.",
            category: .structure, defaultSeverity: .error
        )

        func check(_ context: CheckContext) async -> [Diagnostic] {
            [context.diagnostic("seen", at: context.startOfFile)]
        }
    }

    @Test("an added asynchronous rule is listed, and skipped by check --offline as broken-link is")
    func asyncRule() async throws {
        let folder = try FixtureFolder()
        try folder.write("Harbour news\nThe tide is out.\n", to: "harbour.notes")
        let tool = Self.tool.adding(rule: EveryDraftRule())
        let rules = await Self.run(["rules"], in: folder, tool: tool)
        let ids = rules.output.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != " " }) }
        #expect(ids.suffix(3) == ["shouting-title", "every-draft", "broken-link"])
        let run = await Self.run(["check", "--offline", "--rule", "every-draft", folder.path("harbour.notes")], in: folder, tool: tool)
        #expect(run.output == "0 errors, 0 warnings, 0 fixable in 1 file\n")
        #expect(run.status == 0)
    }

    @Test("the standard tool does not know the added format, and says which it knows")
    func standardToolRefusesNotes() async throws {
        let folder = try FixtureFolder()
        try folder.write("HARBOUR NEWS\n", to: "harbour.notes")
        let run = await Self.run(["check", "--offline", "--format-in", "notes", folder.path("harbour.notes")], in: folder, tool: EditorialCheckTool())
        #expect(run.errors == "error: unknown format 'notes'; known formats: beehiiv, front-matter, json\n")
        #expect(run.status == 2)
    }

    @Test("a second adapter or rule with a taken identifier fails the run with status 2, naming it")
    func duplicateRegistration() async throws {
        let folder = try FixtureFolder()
        let format = await Self.run(["rules"], in: folder, tool: EditorialCheckTool().adding(format: JSONAdapter()))
        #expect(format.errors.hasPrefix("error: cannot add format adapter JSONAdapter: a format with identifier 'json' is already registered"))
        #expect(format.output == "")
        #expect(format.status == 2)
        let rule = await Self.run(["rules"], in: folder, tool: Self.tool.adding(rule: ShoutingTitleRule()))
        #expect(rule.errors.hasPrefix("error: cannot add rule ShoutingTitleRule: a rule with identifier 'shouting-title' is already registered"))
        #expect(rule.status == 2)
    }
}
