import EditorialChecks
import NewsletterCore
import NewsletterKit
import Testing

/// `empty-section` reports every empty section except a required one that may be empty, found by matching titles
/// (and aliases) against the configuration.
@Suite struct EmptySectionRuleTests {
    private static let configuration = """
        required_sections:
          ordered: false
          sections:
            - title: See ya
              aliases: [Bye]
              allow_empty: true
            - Learn
        """

    @Test func aRequiredSectionThatMayBeEmptyIsNotReported() throws {
        let draft = "# Issue\n\n## Learn\n\n## 👋 See ya\n\n## Other\n\n## Bye\n\n## Learn\n\nText.\n"
        let configuration = try LintConfiguration(yaml: SourceText(Self.configuration, path: "conf.yml"))
        let found = try NewsletterLint(configuration: configuration).check(SourceText(draft), format: "beehiiv").diagnostics
            .filter { $0.ruleID == "empty-section" }
            .map { "\($0.range.start.line) \($0.message)" }
        #expect(found == ["3 section 'Learn' is empty", "7 section 'Other' is empty"])
    }
}
