import Foundation
import TestSupport
import Testing

/// JSON written with `\u` escapes (Python's default) must not hide its mojibake: `check` reports as many problems as
/// for the same content written plainly, each at the escapes that write it.
@Suite("escaped JSON")
struct EscapedJSONTests {
    static let plain = """
        {
          "format": "newsletterkit-issue",
          "version": 1,
          "title": "Ben‚Äôs Picks ü§å",
          "preamble": "Caf√© ‚≠êÔ∏è and ‚Äúquoted‚Äù text\\n"
        }

        """

    /// `plain` with every character beyond ASCII as a `\u` escape (surrogate pairs beyond the BMP).
    static var escaped: String {
        PythonJSONEscaping.escapingNonASCII(plain)
    }

    /// The (line, column) of each mojibake problem `check --output json` reports.
    private func mojibake(in text: String) throws -> [[Int]] {
        let folder = try FixtureFolder()
        try folder.write(text, to: "issue.json")
        let result = try folder.run("--offline", "--rule", "mojibake", "--output", "json", "issue.json")
        let document = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let problems = try #require(document["problems"] as? [[String: Any]])
        return problems.compactMap { problem in
            guard let line = problem["line"] as? Int, let column = problem["column"] as? Int else { return nil }
            return [line, column]
        }
    }

    @Test("mojibake written with escapes is reported as often as written plainly, at the escapes")
    func escapedMojibake() throws {
        let plain = try mojibake(in: Self.plain)
        #expect(plain.count == 5)
        let escaped = try mojibake(in: Self.escaped)
        let lines = Self.escaped.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        // The adapter lists the escaped strings (Issue.escapedTexts, see JSONAdapterTests) and the mojibake rule scans
        // them decoded: each problem starts at a `\u` escape.
        #expect(escaped.count == plain.count)
        for position in escaped {
            let line = lines[position[0] - 1]
            #expect(line.count > position[1] && line[position[1] - 1] == "\\" && line[position[1]] == "u")
        }
    }
}

/// Mojibake written plainly and with escapes in the same strings: each run is reported once, where it is written.
@Suite("mixed escaped JSON")
struct MixedEscapedJSONTests {
    @Test func plainAndEscapedRunsAreEachReportedOnceInOrder() throws {
        let runs = (0..<40).map { $0.isMultiple(of: 2) ? "ü§å" : #"\u00fc\u00a7\u00e5"# }
        let text = #"{"format": "newsletterkit-issue", "version": 1, "title": "Notes", "preamble": ""# + runs.joined(separator: " and ") + #""}"#
        let folder = try FixtureFolder()
        try folder.write(text, to: "issue.json")
        let result = try folder.run("--offline", "--rule", "mojibake", "--output", "json", "issue.json")
        let document = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let problems = try #require(document["problems"] as? [[String: Any]])
        let columns = problems.compactMap { $0["column"] as? Int }
        // A plain run is 3 characters, an escaped one 18, each followed by " and ": a pair of runs takes 31 columns.
        let start = Array(text.unicodeScalars).firstIndex(of: "ü")! + 1
        #expect(columns == (0..<40).map { start + $0 / 2 * 31 + ($0 % 2) * 8 })
    }
}
