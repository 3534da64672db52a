import Foundation
import Testing

/// The exact output of `check` for a draft in each format, in the text and JSON report formats, kept as golden files.
@Suite("check output")
struct CheckOutputTests {
    @Test("check output matches the golden file", arguments: FixtureDrafts.byFormat.map(\.format), ["text", "json"])
    func golden(format: String, output: String) throws {
        let draft = try #require(FixtureDrafts.byFormat.first { $0.format == format })
        let folder = try FixtureFolder()
        try folder.write(draft.text, to: draft.file)
        let arguments = ["check", "--offline", "--output", output, draft.file]
        let result = try folder.run(arguments)
        try Golden.expect(result.transcript(of: arguments), matches: "check-\(format).\(output).txt")
    }

    @Test("a folder is checked recursively, files in sorted order, with one summary")
    func folder() throws {
        let folder = try FixtureFolder()
        for draft in FixtureDrafts.byFormat {
            try folder.write(draft.text, to: "drafts/\(draft.format)/\(draft.file)")
        }
        try folder.write("not a draft", to: "drafts/notes.txt")
        try folder.write(FixtureDrafts.beehiiv, to: "drafts/.hidden/skipped.md")
        let arguments = ["--offline", "drafts"]
        let result = try folder.run(arguments)
        try Golden.expect(result.transcript(of: arguments), matches: "check-folder.text.txt")
    }

    @Test("many files checked in parallel are reported in sorted path order")
    func stableOrder() throws {
        let folder = try FixtureFolder()
        let names = (1...40).map { String(format: "issue-%02d.md", $0) }
        // Written in reverse, with the longest drafts first, so neither creation order nor finishing order is sorted order.
        for (index, name) in names.enumerated().reversed() {
            let filler = String(repeating: "Calm water today.\n\n", count: (names.count - index) * 50)
            try folder.write("# Issue \(index + 1)\n\n\(filler)[Subscribe](https://harbour.example/join?ref={{ref_\(index + 1)}})\n", to: "drafts/\(name)")
        }
        // Plain Markdown fits both beehiiv and front-matter, so the format is named.
        let result = try folder.run("--offline", "--format-in", "beehiiv", "--rule", "placeholder-link", "--output", "github", "drafts")
        #expect(result.status == 1)
        let reported = result.output.split(separator: "\n").map { $0.split(separator: ",")[0] }
        #expect(reported == names.map { "::error file=drafts/\($0)" })
    }

    @Test("the rules command lists every rule")
    func rules() throws {
        let folder = try FixtureFolder()
        let result = try folder.run("rules")
        #expect(result.status == 0)
        try Golden.expect(result.transcript(of: ["rules"]), matches: "rules.txt")
    }

    @Test("standard input is checked as <stdin> with the format given")
    func standardInput() throws {
        let folder = try FixtureFolder()
        let result = try folder.run("check", "--offline", "--format-in", "beehiiv", "-", input: Data(FixtureDrafts.beehiiv.utf8))
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("<stdin>:15:33: warning: bold text starts right after a word; add a space [emphasis-spacing]\n"))
        #expect(result.output.hasSuffix("1 error, 2 warnings, 3 infos, 3 fixable in 1 file\n"))
        #expect(result.errors == "")
    }

    @Test("the caret sits under the exact range after an emoji, and the fix is shown")
    func caretAfterEmoji() throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.beehiiv, to: "harbour-notes.md")
        let result = try folder.run("--offline", "--rule", "placeholder-link", "harbour-notes.md")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        try #require(lines.count == 5)
        #expect(lines[0] == "harbour-notes.md:19:53: error: link destination contains the placeholder '{{rp_refer_url}}' [placeholder-link]")
        #expect(lines[1] == "Spring tides 🌕 peak on Friday: see [the tide table](https://tides.example/table?week=14&ref={{rp_refer_url}}).")
        // 52 code points before the range, one of them the two-cell 🌕: 53 cells of indent, then 56 cells of underline.
        #expect(lines[2] == String(repeating: " ", count: 53) + "^" + String(repeating: "~", count: 55))
        #expect(lines[3] == "1 error, 0 warnings, 0 fixable in 1 file")
        #expect(lines[4] == "")
    }

    @Test("JSON output has the documented schema")
    func jsonSchema() throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.beehiiv, to: "harbour-notes.md")
        let result = try folder.run("--offline", "--output", "json", "harbour-notes.md")
        let document = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        #expect(document["version"] as? Int == 1)
        #expect(document["columnKind"] as? String == "unicodeCodePoints")
        let problems = try #require(document["problems"] as? [[String: Any]])
        #expect(problems.count == 6)
        for problem in problems {
            let keys = Set(problem.keys)
            #expect(keys.isSuperset(of: ["file", "line", "column", "endLine", "endColumn", "severity", "rule", "message"]))
            #expect(keys.isSubset(of: ["file", "line", "column", "endLine", "endColumn", "severity", "rule", "message", "fix"]))
        }
        let trailing = try #require(problems.first { $0["rule"] as? String == "trailing-whitespace-break" })
        let fix = try #require(trailing["fix"] as? [String: Any])
        #expect(fix["safety"] as? String == "safe")
        let edits = try #require(fix["edits"] as? [[String: Any]])
        #expect(edits.count == 1)
        #expect(edits.first?["line"] as? Int == 23)
        #expect(edits.first?["column"] as? Int == 39)
        #expect(edits.first?["endColumn"] as? Int == 41)
        #expect(edits.first?["replacement"] as? String == "\\")
    }
}
