import Foundation
import Testing

/// `convert`: any format to any other, warnings about what the target cannot hold on standard error.
@Suite("convert")
struct ConvertTests {
    static let targets = ["beehiiv", "front-matter", "json"]

    @Test("conversion output and warnings match the golden file", arguments: FixtureDrafts.byFormat.map(\.format), targets)
    func golden(from source: String, to target: String) throws {
        let draft = try #require(FixtureDrafts.byFormat.first { $0.format == source })
        let folder = try FixtureFolder()
        try folder.write(draft.text, to: draft.file)
        let arguments = ["convert", draft.file, "--to", target]
        let result = try folder.run(arguments)
        try Golden.expect(result.transcript(of: arguments), matches: "convert-\(source)-to-\(target).txt")
    }

    @Test("JSON to beehiiv names each field beehiiv cannot hold on standard error")
    func warnings() throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.json, to: "night-sky.json")
        let result = try folder.run("convert", "night-sky.json", "--to", "beehiiv")
        #expect(result.status == 0)
        #expect(result.errors == """
            night-sky.json: warning: beehiiv cannot hold slug: beehiiv Markdown has no slug
            night-sky.json: warning: beehiiv cannot hold tags: beehiiv Markdown has no tags
            night-sky.json: warning: beehiiv cannot hold metadata.season: beehiiv Markdown has no place for this field

            """)
        #expect(result.output.hasPrefix("# Night Sky Almanac #3\n"))
    }

    @Test("-o writes the same text to a file and nothing to standard output", arguments: targets)
    func outputFile(target: String) throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.json, to: "night-sky.json")
        let toStandardOutput = try folder.run("convert", "night-sky.json", "--to", target)
        try #require(toStandardOutput.status == 0, "\(toStandardOutput.errors)")
        let toFile = try folder.run("convert", "night-sky.json", "--to", target, "-o", "converted.out")
        #expect(toFile.status == 0)
        #expect(toFile.output == "")
        #expect(toFile.errors == toStandardOutput.errors)
        #expect(try folder.read("converted.out") == toStandardOutput.standardOutput)
        #expect(try folder.permissions(of: "converted.out") == 0o644)
    }

    @Test("a JSON form many times the draft's size, written in parts, is whole and the same on standard output and in a file")
    func largeOutputStreamed() throws {
        let folder = try FixtureFolder()
        let draft = "# Notes\n\n" + (0..<3_000).map { "## Part \($0)\n\nSee [more](https://example.com/\($0)).\n\n" }.joined()
        try folder.write(draft, to: "notes.md")
        let toStandardOutput = try folder.run("convert", "notes.md", "--to", "json")
        try #require(toStandardOutput.status == 0, "\(toStandardOutput.errors)")
        let toFile = try folder.run("convert", "notes.md", "--to", "json", "-o", "notes.json")
        #expect(toFile.status == 0)
        let written = try folder.read("notes.json")
        #expect(written == toStandardOutput.standardOutput)
        #expect(written.count > 2_000_000)
        let form = try #require(try JSONSerialization.jsonObject(with: written) as? [String: Any])
        let sections = try #require(form["sections"] as? [[String: Any]])
        #expect(sections.count == 3_000)
        #expect(sections.last?["title"] as? String == "Part 2999")
        #expect((form["links"] as? [Any])?.count == 3_000)
    }

    @Test("-o over an existing file replaces it and keeps its permissions")
    func outputFileReplaced() throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.beehiiv, to: "harbour-notes.md")
        try folder.write("old", to: "harbour-notes.json")
        try folder.setPermissions(0o600, of: "harbour-notes.json")
        let result = try folder.run("convert", "harbour-notes.md", "--to", "json", "--output", "harbour-notes.json")
        #expect(result.status == 0)
        let written = try folder.read("harbour-notes.json")
        #expect(String(decoding: written, as: UTF8.self).hasPrefix("{\n  \"format\": \"newsletterkit-issue\",\n  \"version\": 1,\n"))
        #expect(try folder.permissions(of: "harbour-notes.json") == 0o600)
    }

    @Test("standard input converts with --format-in")
    func standardInput() throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.beehiiv, to: "harbour-notes.md")
        let fromFile = try folder.run("convert", "harbour-notes.md", "--to", "json")
        let fromInput = try folder.run("convert", "-", "--format-in", "beehiiv", "--to", "json", input: Data(FixtureDrafts.beehiiv.utf8))
        #expect(fromInput.status == 0)
        #expect(fromInput.output == fromFile.output)
        #expect(fromInput.output.contains("\"title\": \"The Harbour Notes: Knots, tides and a lighthouse\""))
    }
}
