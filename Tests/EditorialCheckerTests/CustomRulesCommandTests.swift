import Foundation
import Testing

/// Custom pattern rules in the shipped checker: listed, run, configured and verified without compiling anything.
@Suite struct CustomRulesCommandTests {
    static let configuration = #"""
        custom_rules:
          no-knot:
            pattern: '(?i)\bknots?\b'
            scope: [prose, link_destination]
            message: say 'hitch' in this issue
            severity: error
            examples:
              triggering: ["# Notes\n\nA ↓knot.\n"]
              non_triggering: ["# Notes\n\nA hitch.\n"]
        rules:
          no-knot: warning
        """#

    @Test func customRulesAreListedAndRunWithTheirConfiguredSeverity() throws {
        let folder = try FixtureFolder()
        try folder.write(Self.configuration, to: ".newsletterlint.yml")
        try folder.write(FixtureDrafts.clean, to: "clean.md")
        let listed = try folder.run("rules")
        #expect(listed.status == 0)
        #expect(listed.output.split(separator: "\n").last == "no-knot                   error     -           yes  say 'hitch' in this issue")
        let checked = try folder.run("--offline", "--rule", "no-knot", "clean.md")
        #expect(checked.status == 0)
        #expect(checked.output == """
            clean.md:8:8: warning: say 'hitch' in this issue [no-knot]
            ## **⚓ Knot of the Week**
                    ^~~~
            clean.md:10:29: warning: say 'hitch' in this issue [no-knot]
            The [bowline guide](https://knots.example/bowline) shows every step.
                                        ^~~~~
            0 errors, 2 warnings, 0 fixable in 1 file

            """)
        #expect(try folder.run("--offline", "--strict", "--disable", "no-knot", "clean.md").status == 0)
    }

    @Test func verifyPassesWhenEveryExampleKeepsItsPromise() throws {
        let folder = try FixtureFolder()
        try folder.write(Self.configuration, to: ".newsletterlint.yml")
        let result = try folder.run("rules", "--verify")
        #expect(result.status == 0)
        #expect(result.output == "21 rules verified: every example and correction keeps its promise\n")
        #expect(result.errors == "")
    }

    @Test func verifyListsEveryFailureAndExitsOne() throws {
        let folder = try FixtureFolder()
        try folder.write(Self.configuration.replacingOccurrences(of: "A ↓knot.", with: "↓A knot.").replacingOccurrences(of: "A hitch.", with: "Knots."), to: "rules.yml")
        let result = try folder.run("rules", "--verify", "--config", "rules.yml")
        #expect(result.status == 1)
        #expect(result.output == """
            rules.yml:9:24: no-knot: non-triggering example 1: reported 3:1 ('say 'hitch' in this issue') where nothing is expected
            rules.yml:8:20: no-knot: triggering example 1: expected diagnostics at 3:1; reported 3:3 ('say 'hitch' in this issue')
            rules.yml:8:20: no-knot: triggering example 1: with '🤌 ' inserted before the markers: expected diagnostics at 3:1; reported 3:3 ('say 'hitch' in this issue')
            3 failures in 1 of 21 rules

            """)
    }

    @Test func anUnknownRuleIdIsAWarningOnceUnlessStrict() throws {
        let folder = try FixtureFolder()
        try folder.write("rules:\n  no-knots: error\n", to: "issues/.newsletterlint.yml")
        try folder.write(FixtureDrafts.clean, to: "issues/a/clean.md")
        try folder.write(FixtureDrafts.clean, to: "issues/b/clean.md")
        let configuration = folder.url.resolvingSymlinksInPath().appendingPathComponent("issues/.newsletterlint.yml").path
        let lenient = try folder.run("--offline", "issues")
        #expect(lenient.status == 0)
        #expect(lenient.errors == """
            \(configuration):2:3: warning: unknown rule 'no-knots'; the closest known rule is 'mojibake'
              no-knots: error
              ^

            """)
        let strict = try folder.run("--offline", "--strict", "issues")
        #expect(strict.status == 2)
        #expect(strict.errors.hasPrefix("\(configuration):2:3: error: unknown rule 'no-knots'; the closest known rule is 'mojibake'\n"))
    }

    @Test func configurationWarningsHaveAPlaceInTheMachineReadableReports() throws {
        let folder = try FixtureFolder()
        try folder.write("rules:\n  no-knots: error\n", to: "rules.yml")
        try folder.write(FixtureDrafts.clean, to: "clean.md")
        let json = try folder.run("--offline", "--config", "rules.yml", "--output", "json", "clean.md")
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let warnings = try #require(document["configurationWarnings"] as? [[String: Any]])
        #expect(warnings.count == 1)
        #expect(warnings.first?["file"] as? String == "rules.yml")
        #expect(warnings.first?["line"] as? Int == 2 && warnings.first?["column"] as? Int == 3)
        #expect(warnings.first?["message"] as? String == "unknown rule 'no-knots'; the closest known rule is 'mojibake'")
        #expect(document["inputErrors"] == nil)

        let github = try folder.run("--offline", "--config", "rules.yml", "--output", "github", "clean.md")
        #expect(github.output == "::warning file=rules.yml,line=2,col=3,title=configuration-warning::unknown rule 'no-knots'; the closest known rule is 'mojibake'\n")

        let sarif = try folder.run("--offline", "--config", "rules.yml", "--output", "sarif", "clean.md")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.output.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == true)
        let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect(notification["level"] as? String == "warning")
        #expect((notification["message"] as? [String: Any])?["text"] as? String == "unknown rule 'no-knots'; the closest known rule is 'mojibake'")
    }

    @Test func theCustomRulesOfTheGivenConfigurationAreSARIFRules() throws {
        let folder = try FixtureFolder()
        try folder.write(Self.configuration, to: "rules.yml")
        try folder.write(FixtureDrafts.clean, to: "clean.md")
        let sarif = try folder.run("--offline", "--config", "rules.yml", "--output", "sarif", "clean.md")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.output.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.last?["id"] as? String == "no-knot")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["no-knot", "no-knot"])
        #expect(results.map { $0["ruleIndex"] as? Int } == [rules.count - 1, rules.count - 1])
    }
}
