import NewsletterKit
import NewsletterKitTesting
import Testing

/// The one generic test of every built-in rule: its examples are its tests, verified through the test-support product
/// exactly as a third party's rule is.
@Suite struct RuleExampleTests {
    /// A built-in rule, named for test output.
    struct BuiltInRule: Sendable, CustomTestStringConvertible {
        let rule: any Rule
        var testDescription: String { type(of: rule).description.id }

        static let all = RuleRegistry.builtInRules.map(BuiltInRule.init)
    }

    @Test(arguments: BuiltInRule.all)
    func examplesAndCorrectionsKeepTheirPromises(_ builtIn: BuiltInRule) {
        verifyExamples(of: builtIn.rule)
    }

    @Test func identifiersAreUnique() {
        let descriptions = RuleRegistry.builtIn.descriptions
        #expect(Set(descriptions.map(\.id)).count == descriptions.count)
    }
}
