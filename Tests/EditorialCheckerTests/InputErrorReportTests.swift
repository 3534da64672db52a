import Foundation
import Testing

/// Input errors are part of every machine-readable report, not only of standard error: a CI system reading the
/// report sees which file could not be checked and why.
@Suite("input errors in reports")
struct InputErrorReportTests {
    /// A folder with a good draft, invalid JSON and a missing file named on the command line.
    private func run(_ output: String) throws -> EditorialCheckProcess.Result {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.clean, to: "clean.md")
        try folder.write("{\"title\": 1,}\n", to: "broken.json")
        let result = try folder.run("--offline", "--output", output, "missing.md", "clean.md", "broken.json")
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix("missing.md: error: no such file or folder\nbroken.json:1:13: error: "))
        return result
    }

    @Test("JSON output lists them in inputErrors with file, line, column and message")
    func json() throws {
        let result = try run("json")
        let document = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        #expect((document["problems"] as? [Any])?.isEmpty == true)
        let errors = try #require(document["inputErrors"] as? [[String: Any]])
        try #require(errors.count == 2)
        #expect(errors[0]["file"] as? String == "missing.md")
        #expect(errors[0]["message"] as? String == "no such file or folder")
        #expect(errors[0]["line"] == nil)
        #expect(errors[1]["file"] as? String == "broken.json")
        #expect(errors[1]["line"] as? Int == 1)
        #expect(errors[1]["column"] as? Int == 13)
        #expect((errors[1]["message"] as? String)?.isEmpty == false)
    }

    @Test("JSON output has no inputErrors field when every file was read")
    func jsonWithoutErrors() throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.clean, to: "clean.md")
        let result = try folder.run("--offline", "--output", "json", "clean.md")
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        #expect(document.keys.sorted() == ["columnKind", "problems", "version"])
    }

    @Test("SARIF output has them as tool execution notifications of an unsuccessful invocation")
    func sarif() throws {
        let result = try run("sarif")
        let log = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        try #require(notifications.count == 2)
        #expect(notifications.allSatisfy { $0["level"] as? String == "error" })
        #expect((notifications[0]["message"] as? [String: Any])?["text"] as? String == "no such file or folder")
        let location = try #require(((notifications[1]["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "broken.json")
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 1)
        #expect((location["region"] as? [String: Any])?["startColumn"] as? Int == 13)
    }

    @Test("GitHub output has them as error annotations first")
    func github() throws {
        let result = try run("github")
        let lines = result.output.split(separator: "\n").map(String.init)
        try #require(lines.count == 2)
        #expect(lines[0] == "::error file=missing.md,title=input-error::no such file or folder")
        #expect(lines[1].hasPrefix("::error file=broken.json,line=1,col=13,title=input-error::"))
    }
}
