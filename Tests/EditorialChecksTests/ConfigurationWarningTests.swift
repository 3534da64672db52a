import EditorialChecks
import NewsletterCore
import Testing

/// Rule identifiers nobody knows: warnings with the closest known identifier, errors when strict.
@Suite struct ConfigurationWarningTests {
    @Test(arguments: [
        ("rules:\n  emphasis-spacin: false\n", 2, 3, "emphasis-spacin", "emphasis-spacing", "unknown rule 'emphasis-spacin'; did you mean 'emphasis-spacing'?"),
        ("rules:\n  mojibake: true\n  placeholder-links: { severity: error }\n", 3, 3, "placeholder-links", "placeholder-link",
         "unknown rule 'placeholder-links'; did you mean 'placeholder-link'?"),
        // Far from every id: still named, but not as a likely typo.
        ("rules:\n  spelling: false\n", 2, 3, "spelling", "mojibake", "unknown rule 'spelling'; the closest known rule is 'mojibake'"),
        // Custom rules count as known ids for the suggestion.
        ("custom_rules:\n  no-todo: {pattern: TODO, message: a TODO is left}\nrules:\n  no-tod: error\n", 4, 3, "no-tod", "no-todo",
         "unknown rule 'no-tod'; did you mean 'no-todo'?"),
    ])
    func unknownRulesAreWarningsNamingTheClosestId(yaml: String, line: Int, column: Int, id: String, closest: String, message: String) throws {
        let configuration = try LintConfiguration(yaml: SourceText(yaml, path: "conf.yml"))
        let warning = try #require(configuration.warnings.first)
        #expect(configuration.warnings.count == 1)
        #expect(warning.message == message)
        #expect(warning.ruleID == id)
        #expect(warning.suggestion == closest)
        #expect(warning.path == "conf.yml")
        #expect(warning.location?.line == line && warning.location?.column == column)
        #expect(configuration.rules[id] == nil)
    }

    @Test func aWarningRendersAsCompilersWriteThem() throws {
        let configuration = try LintConfiguration(yaml: SourceText("rules:\n  emphasis-spacin: false\n", path: "conf.yml"))
        #expect(configuration.warnings.map(\.description) == ["""
            conf.yml:2:3: warning: unknown rule 'emphasis-spacin'; did you mean 'emphasis-spacing'?
              emphasis-spacin: false
              ^
            """])
    }

    @Test func theKnownRulesOfTheSameFileStillApply() throws {
        let configuration = try LintConfiguration(yaml: SourceText("rules:\n  spelling: false\n  duplicate-link: false\n", path: "conf.yml"))
        #expect(configuration.rules["duplicate-link"] == RuleSettings(isEnabled: false))
        #expect(configuration.warnings.map(\.ruleID) == ["spelling"])
    }

    @Test func strictLoadingMakesTheWarningAnErrorAtTheSamePlace() {
        #expect(throws: NewsletterError(
            .configuration, "unknown rule 'emphasis-spacin'; did you mean 'emphasis-spacing'?",
            path: "conf.yml", location: SourceLocation(offset: 9, line: 2, column: 3), sourceLine: "  emphasis-spacin: false"
        )) {
            try LintConfiguration(yaml: SourceText("rules:\n  emphasis-spacin: false\n", path: "conf.yml"), strict: true)
        }
    }

    @Test func aRuleOfAnotherRegistryIsKnownThere() throws {
        var registry = RuleRegistry.builtIn
        try registry.register(ShoutingTitleRule())
        let yaml = SourceText("rules:\n  shouting-title: error\n", path: "conf.yml")
        let known = try LintConfiguration(yaml: yaml, registry: registry, strict: true)
        #expect(known.rules["shouting-title"]?.severity == .error)
        #expect(known.warnings.isEmpty)
        let unknown = try LintConfiguration(yaml: yaml).warnings
        #expect(unknown.map(\.suggestion) == ["missing-title"])
    }
}
