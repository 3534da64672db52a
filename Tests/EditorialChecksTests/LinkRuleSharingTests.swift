import NewsletterKit
import Testing

/// The link rules of one check share what they learn about each link (the selected links, the placeholders in
/// destinations); what each rule reports is the same as when it runs alone.
@Suite struct LinkRuleSharingTests {
    static let draft = """
        ---
        title: Notes
        author: Ada
        date: 2024-02-16
        ---
        # Notes

        Read [here](https://acme.dev/a), [the guide](https://acme.dev/a) and [more](https://acme.dev/?ref=PLACEHOLDER).
        Also [« here »](https://acme.dev/b), [HERE...](htps://acme.dev/c), [CLICK\u{A0}HERE](http://acme.dev/d)
        and [skip](https://skip.acme.dev/?ref=PLACEHOLDER), [the archive](https://acme.dev/%7B%7Bid%7D%7D).

        """

    static func found(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.ruleID) \($0.range.start.line):\($0.range.start.column) \($0.message)" }
    }

    static func check(onlyRule: String?) throws -> [Diagnostic] {
        var configuration = LintConfiguration(links: LinkPolicy(exclude: [TextPattern("^https://skip\\.")!]))
        if let onlyRule {
            for rule in RuleRegistry.builtIn.rules where type(of: rule).description.id != onlyRule {
                configuration.rules[type(of: rule).description.id] = RuleSettings(isEnabled: false)
            }
        }
        let source = SourceText(Self.draft, path: "notes.md")
        return EditorialChecker(configuration: configuration)
            .check(source, draft: try FrontMatterAdapter().decodeDraft(source), format: "front-matter")
    }

    @Test func linkRulesTogether() throws {
        let links = try Self.check(onlyRule: nil).filter { $0.ruleID.contains("link") || $0.ruleID == "malformed-url" }
        #expect(Self.found(links) == [
            "non-descriptive-link-text 8:6 link text 'here' does not say where the link leads",
            "duplicate-link 8:46 'https://acme.dev/a' is already linked",
            "non-descriptive-link-text 8:70 link text 'more' does not say where the link leads",
            "placeholder-link 8:77 link destination contains the placeholder 'PLACEHOLDER'",
            // Punctuation outside ASCII is trimmed too; a no-break space inside the text is not a space.
            "non-descriptive-link-text 9:6 link text '« here »' does not say where the link leads",
            "non-descriptive-link-text 9:38 link text 'HERE...' does not say where the link leads",
            "malformed-url 9:48 misspelled scheme 'htps'; did you mean 'https'?",
            "insecure-link 9:81 link to 'acme.dev' uses http; use https",
            // The excluded link's placeholder is not reported; a percent-encoded merge tag is.
            "placeholder-link 10:67 link destination contains the placeholder '{{id}}'",
        ])
    }

    @Test(arguments: ["non-descriptive-link-text", "duplicate-link", "placeholder-link", "malformed-url", "insecure-link"])
    func eachRuleAlone(rule: String) throws {
        let together = try Self.check(onlyRule: nil).filter { $0.ruleID == rule }
        #expect(try Self.check(onlyRule: rule) == together)
    }
}
