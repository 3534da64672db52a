import EditorialChecks
import Foundation
import Testing

/// `--output sarif`, read back as JSON and checked against what GitHub code scanning needs from SARIF 2.1.0.
@Suite("SARIF output")
struct SARIFOutputTests {
    /// One result reduced to the fields code scanning places it by.
    struct PlacedResult: Equatable, CustomStringConvertible {
        var ruleId: String
        var level: String
        var uri: String
        var region: [Int]

        var description: String { "\(ruleId) \(level) \(uri) \(region)" }
    }

    private func sarif(in folder: FixtureFolder, _ paths: String...) throws -> [String: Any] {
        let result = try folder.run(["check", "--offline", "--output", "sarif"] + paths)
        #expect(result.status == 1)
        #expect(result.errors == "")
        return try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
    }

    @Test("the log is SARIF 2.1.0 with one run listing every rule")
    func logAndRules() throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.beehiiv, to: "harbour-notes.md")
        let log = try sarif(in: folder, "harbour-notes.md")
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let runs = try #require(log["runs"] as? [[String: Any]])
        try #require(runs.count == 1)
        #expect(runs[0]["columnKind"] as? String == "unicodeCodePoints")
        let tool = try #require(runs[0]["tool"] as? [String: Any])
        let driver = try #require(tool["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "editorial-check")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        let builtIn = RuleRegistry.builtIn.descriptions.map(\.id)
        #expect(Array(ids.prefix(builtIn.count)) == builtIn)
        #expect(ids.contains("broken-link"), "the network rule is listed even when --offline keeps it from running")
        let listed = try folder.run("rules").output.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != " " }) }
        #expect(ids == listed)
        for rule in rules {
            let short = rule["shortDescription"] as? [String: Any]
            #expect((short?["text"] as? String)?.isEmpty == false, "rule \(rule["id"] ?? "?") has no short description")
            let configuration = rule["defaultConfiguration"] as? [String: Any]
            #expect(["error", "warning", "note"].contains(configuration?["level"] as? String ?? ""))
        }
        let placeholder = try #require(rules.first { $0["id"] as? String == "placeholder-link" })
        #expect((placeholder["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
    }

    @Test("results carry rule, level, relative URI and a region in 1-based code point columns")
    func results() throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.beehiiv, to: "drafts/harbour notes.md")
        let log = try sarif(in: folder, "./drafts/harbour notes.md")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])

        var placed: [PlacedResult] = []
        for result in results {
            let ruleId = try #require(result["ruleId"] as? String)
            let ruleIndex = try #require(result["ruleIndex"] as? Int)
            #expect(rules[ruleIndex]["id"] as? String == ruleId)
            #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let locations = try #require(result["locations"] as? [[String: Any]])
            try #require(locations.count == 1)
            let physical = try #require(locations[0]["physicalLocation"] as? [String: Any])
            let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
            let region = try #require(physical["region"] as? [String: Int])
            placed.append(PlacedResult(
                ruleId: ruleId,
                level: try #require(result["level"] as? String),
                uri: uri,
                region: [region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]].compactMap { $0 }
            ))
        }
        let uri = "drafts/harbour%20notes.md"
        #expect(placed == [
            PlacedResult(ruleId: "emphasis-spacing", level: "warning", uri: uri, region: [15, 33, 15, 33]),
            PlacedResult(ruleId: "emphasis-spacing", level: "warning", uri: uri, region: [15, 42, 15, 42]),
            PlacedResult(ruleId: "non-descriptive-link-text", level: "note", uri: uri, region: [15, 54, 15, 101]),
            PlacedResult(ruleId: "insecure-link", level: "note", uri: uri, region: [15, 68, 15, 100]),
            // Column 53 counts 🌕 as one code point, as columnKind unicodeCodePoints says.
            PlacedResult(ruleId: "placeholder-link", level: "error", uri: uri, region: [19, 53, 19, 109]),
            PlacedResult(ruleId: "trailing-whitespace-break", level: "note", uri: uri, region: [23, 39, 23, 41]),
        ])
    }

    @Test("fixes are artifact changes replacing the exact region")
    func fixes() throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.beehiiv, to: "harbour-notes.md")
        let log = try sarif(in: folder, "harbour-notes.md")
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let trailing = try #require(results.first { $0["ruleId"] as? String == "trailing-whitespace-break" })
        let fixes = try #require(trailing["fixes"] as? [[String: Any]])
        try #require(fixes.count == 1)
        #expect((fixes[0]["description"] as? [String: Any])?["text"] as? String == "replace the trailing spaces with '\\'")
        let changes = try #require(fixes[0]["artifactChanges"] as? [[String: Any]])
        try #require(changes.count == 1)
        #expect((changes[0]["artifactLocation"] as? [String: Any])?["uri"] as? String == "harbour-notes.md")
        let replacements = try #require(changes[0]["replacements"] as? [[String: Any]])
        try #require(replacements.count == 1)
        #expect(replacements[0]["deletedRegion"] as? [String: Int] == ["startLine": 23, "startColumn": 39, "endLine": 23, "endColumn": 41])
        #expect((replacements[0]["insertedContent"] as? [String: Any])?["text"] as? String == "\\")

        let placeholder = try #require(results.first { $0["ruleId"] as? String == "placeholder-link" })
        #expect(placeholder["fixes"] == nil)
    }
}
