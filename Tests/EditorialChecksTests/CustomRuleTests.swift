import Foundation
import EditorialChecks
import NewsletterCore
import NewsletterKit
import NewsletterKitTesting
import Testing

/// Pattern rules from `custom_rules:`: read with positions, run like built-in rules, verified by their examples.
@Suite struct CustomRuleTests {
    static let yaml = #"""
        custom_rules:
          no-todo:
            name: No TODO
            pattern: '\bTODO\b'
            scope: [prose, heading]
            message: a TODO is left in the draft
            severity: error
            examples:
              triggering:
                - "# Notes\n\nShip it ↓TODO.\n"
                - text: "---\ntitle: Notes\n---\n## Picks ↓TODO\n"
                  format: front-matter
              non_triggering: ["# Notes\n\nShip it, `TODO` in code.\n"]
          utm-source:
            pattern: '^https://(?:[^?#]*)$'
            scope: link_destination
            message: external links carry utm_source
        rules:
          utm-source: info
        """#

    static func configuration(_ yaml: String = yaml) throws -> LintConfiguration {
        try LintConfiguration(yaml: SourceText(yaml, path: "conf.yml"))
    }

    static func check(_ text: String, format: String = "beehiiv", configuration: LintConfiguration) throws -> [String] {
        try NewsletterLint(configuration: configuration).check(SourceText(text), format: format).diagnostics
            .filter { $0.ruleID == "no-todo" || $0.ruleID == "utm-source" || $0.ruleID == "link-text" }
            .map(\.description)
    }

    @Test func aCustomRuleIsReadWithEveryField() throws {
        let configuration = try Self.configuration()
        #expect(configuration.customRules.map(\.id) == ["no-todo", "utm-source"])
        let rule = try #require(configuration.customRule(id: "no-todo"))
        #expect(rule.pattern == TextPattern(#"\bTODO\b"#))
        #expect(rule.scopes == [.prose, .heading])
        #expect(rule.message == "a TODO is left in the draft")
        #expect(rule.description.name == "No TODO")
        #expect(rule.description.summary == "a TODO is left in the draft")
        #expect(rule.description.category == .custom)
        #expect(rule.description.defaultSeverity == .error)
        #expect(rule.description.triggeringExamples.map(\.format) == ["beehiiv", "front-matter"])
        #expect(rule.description.triggeringExamples.map(\.location) == [
            ExampleLocation(filePath: "conf.yml", line: 10, column: 11), ExampleLocation(filePath: "conf.yml", line: 11, column: 11),
        ])
        #expect(rule.description.nonTriggeringExamples.map(\.text) == ["# Notes\n\nShip it, `TODO` in code.\n"])
        let utm = try #require(configuration.customRule(id: "utm-source"))
        #expect(utm.scopes == [.linkDestination])
        #expect(utm.description.defaultSeverity == .warning)
        #expect(utm.description.name == "utm-source")
        #expect(configuration.rules["utm-source"]?.severity == .info)
        #expect(configuration.warnings.isEmpty)
    }

    @Test func matchesAreReportedWhereTheyAreWritten() throws {
        let text = """
            # Notes

            TODO: 🤌 check [the TODO list](https://a.example/TODO) and `TODO`.

            ### Picks TODO

            See <https://b.example/?utm_source=x> and [c](https://c.example/).
            """
        let found = try Self.check(text, configuration: Self.configuration())
        #expect(found == [
            "3:1: error: a TODO is left in the draft [no-todo]",
            "3:20: error: a TODO is left in the draft [no-todo]",
            "3:31: info: external links carry utm_source [utm-source]",
            "5:11: error: a TODO is left in the draft [no-todo]",
            "7:47: info: external links carry utm_source [utm-source]",
        ])
    }

    /// Text written as is inside the link is reported where it is; text with markup inside, at the whole link.
    @Test func linkTextIsMatchedAsPlainText() throws {
        let configuration = try Self.configuration("""
            custom_rules:
              link-text:
                pattern: '(?i)click here'
                scope: link_text
                message: say where the link leads
            """)
        let found = try Self.check("# Notes\n\nPlease [**click** here](https://a.example/) or [Click here](https://b.example/).\n", configuration: configuration)
        #expect(found == [
            "3:8: warning: say where the link leads [link-text]",
            "3:49: warning: say where the link leads [link-text]",
        ])
    }

    @Test func severityEnablingSuppressionAndOptionsApplyAsToBuiltInRules() throws {
        let text = "# Notes\n\n<!-- newsletterlint-disable-next-line no-todo -->\nTODO one.\n\nTODO two.\n"
        var configuration = try Self.configuration()
        #expect(try Self.check(text, configuration: configuration) == ["6:1: error: a TODO is left in the draft [no-todo]"])
        configuration.rules["no-todo"] = RuleSettings(isEnabled: true, severity: .info)
        #expect(try Self.check(text, configuration: configuration) == ["6:1: info: a TODO is left in the draft [no-todo]"])
        configuration.rules["no-todo"] = RuleSettings(isEnabled: false)
        #expect(try Self.check(text, configuration: configuration) == [])
    }

    @Test func aCustomRuleBuiltInCodeRunsToo() throws {
        let rule = CustomRule(id: "no-lorem", pattern: try #require(TextPattern("(?i)lorem")), message: "filler text")
        let configuration = LintConfiguration(customRules: [rule])
        let diagnostics = try NewsletterLint(configuration: configuration).check(SourceText("# A\n\nLorem ipsum.\n"), format: "beehiiv").diagnostics
        #expect(diagnostics.filter { $0.ruleID == "no-lorem" }.map(\.description) == ["3:1: warning: filler text [no-lorem]"])
    }

    @Test(arguments: [
        ("custom_rules:\n  no-todo:\n    message: m\n", 2, 3, "custom rule 'no-todo' needs a 'pattern'"),
        ("custom_rules:\n  no-todo:\n    pattern: x\n", 2, 3, "custom rule 'no-todo' needs a 'message'"),
        ("custom_rules:\n  no-todo:\n    pattern: x\n    message: ''\n", 2, 3, "custom rule 'no-todo' needs a 'message'"),
        ("custom_rules:\n  mojibake:\n    pattern: x\n    message: m\n", 2, 3, "custom rule 'mojibake' has the identifier of a registered rule; choose another"),
        ("custom_rules:\n  No_Todo:\n    pattern: x\n    message: m\n", 2, 3, "custom rule identifier 'No_Todo' is not kebab-case (lower-case words joined by '-')"),
        ("custom_rules:\n  no-todo:\n    pattern: '(a)\\1'\n    message: m\n", 3, 18, "pattern of custom rule 'no-todo' '(a)\\1': backreferences ('\\1') are not supported"),
        ("custom_rules:\n  no-todo:\n    pattern: 'x(?=y)'\n    message: m\n", 3, 16, "pattern of custom rule 'no-todo' 'x(?=y)': lookahead ('(?=') is not supported"),
        ("custom_rules:\n  no-todo:\n    pattern: x\n    message: m\n    scope: body\n", 5, 12, "unknown scope 'body'; expected one of: prose, link_destination, link_text, heading"),
        ("custom_rules:\n  no-todo:\n    pattern: x\n    message: m\n    scope: link-text\n", 5, 12, "unknown scope 'link-text'; did you mean 'link_text'?"),
        ("custom_rules:\n  no-todo:\n    pattern: x\n    mesage: m\n", 4, 5, "unknown key 'mesage' in custom rule 'no-todo'; did you mean 'message'?"),
        ("custom_rules:\n  no-todo: TODO\n", 2, 12, "custom rule 'no-todo' must be a mapping, not a string"),
        ("custom_rules:\n  no-todo:\n    pattern: x\n    message: m\n    examples:\n      triggering: '↓x'\n", 6, 19, "examples must be a list, not a string"),
        ("custom_rules:\n  no-todo:\n    pattern: x\n    message: m\n    examples:\n      failing: []\n", 6, 7, "unknown key 'failing' in the examples of custom rule 'no-todo'; expected one of: triggering, non_triggering"),
        ("custom_rules:\n  no-todo:\n    pattern: x\n    message: m\n    severity: fatal\n", 5, 15, "expected a severity (error, warning, info) or true/false, not 'fatal'"),
    ])
    func mistakesAreErrorsWithPositions(yaml: String, line: Int, column: Int, message: String) {
        #expect {
            try LintConfiguration(yaml: SourceText(yaml, path: "conf.yml"))
        } throws: { error in
            guard let error = error as? NewsletterError else { return false }
            return error.kind == .configuration && error.path == "conf.yml"
                && error.location?.line == line && error.location?.column == column && error.message == message
        }
    }

    @Test func aDuplicateIdIsAnErrorAtTheSecond() {
        let yaml = "custom_rules:\n  no-todo: {pattern: x, message: m}\n  no-todo: {pattern: y, message: n}\n"
        #expect {
            try LintConfiguration(yaml: SourceText(yaml, path: "conf.yml"))
        } throws: { error in
            guard let error = error as? NewsletterError else { return false }
            return error.path == "conf.yml" && error.location?.line == 3 && error.location?.column == 3
                && error.message == "duplicate key 'no-todo' (first defined at 2:3)"
        }
    }

    @Test func theExamplesOfCustomRulesAreVerified() throws {
        let configuration = try Self.configuration()
        #expect(RuleExampleVerifier(formats: .standard, customRules: configuration.customRules).verify(ruleID: "no-todo") == [])
        verifyExamples(ofCustomRulesIn: configuration)
    }

    @Test func aFailingCustomExampleNamesItsPlaceInTheConfiguration() throws {
        let configuration = try Self.configuration("""
            custom_rules:
              no-todo:
                pattern: TODO
                message: a TODO is left
                examples:
                  triggering: ["# Notes\\n\\n↓Ship TODO.\\n", "# Notes\\n\\nNo marker TODO.\\n"]
                  non_triggering:
                    - "# Notes\\n\\n`TODO` and TODO.\\n"
                    - {text: "# Notes\\n", format: docx}
            """)
        let failures = RuleExampleVerifier(formats: .standard, customRules: configuration.customRules).verify(ruleID: "no-todo")
        #expect(failures.map(\.description) == [
            "conf.yml:8:11: no-todo: non-triggering example 1: reported 3:12 ('a TODO is left') where nothing is expected",
            "conf.yml:9:11: no-todo: example 2: cannot be checked: unknown format 'docx'; known formats: beehiiv, front-matter, json",
            "conf.yml:6:20: no-todo: triggering example 1: expected diagnostics at 3:1; reported 3:6 ('a TODO is left')",
            "conf.yml:6:20: no-todo: triggering example 1: with '🤌 ' inserted before the markers: expected diagnostics at 3:1; reported 3:6 ('a TODO is left')",
            "conf.yml:6:48: no-todo: triggering example 2: has no ↓ marker saying where the rule must report",
        ])
    }
}

/// The custom-rules example of the EditorialChecks article reads and verifies as it says.
@Suite struct CustomRuleDocumentationTests {
    @Test func theArticlesExampleIsValidAndItsExamplesPass() throws {
        let article = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/EditorialChecks/EditorialChecks.docc/EditorialChecks.md")
        let text = try String(contentsOf: article, encoding: .utf8)
        let section = try #require(text.range(of: "## Custom rules\n"))
        let start = try #require(text.range(of: "```yaml\n", range: section.upperBound..<text.endIndex))
        let end = try #require(text.range(of: "```\n", range: start.upperBound..<text.endIndex))
        let configuration = try LintConfiguration(yaml: SourceText(String(text[start.upperBound..<end.lowerBound]), path: "article.yml"), strict: true)
        #expect(configuration.customRules.map(\.id) == ["utm-source"])
        #expect(configuration.rules["utm-source"]?.severity == .warning)
        #expect(RuleExampleVerifier(formats: .standard, customRules: configuration.customRules).verifyAll() == [])
    }
}
