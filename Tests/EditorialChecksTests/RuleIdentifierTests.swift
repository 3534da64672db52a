import EditorialChecks
import Testing

/// Rule identifiers are kebab-case: what registration, configuration files and the example verifier accept.
@Suite struct RuleIdentifierTests {
    @Test(arguments: ["a", "placeholder-link", "rule-0", "404-check", "a-b-c-d"])
    func kebabCaseIsAnIdentifier(id: String) {
        #expect(RuleDescription.isValidIdentifier(id))
    }

    @Test(arguments: ["", "-", "-a", "a-", "a--b", "Placeholder-link", "a_b", "a b", "café", "a-\u{0}", "ａ"])
    func anythingElseIsNot(id: String) {
        #expect(!RuleDescription.isValidIdentifier(id))
    }
}
