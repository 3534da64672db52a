@testable import EditorialChecks
import NewsletterKit
import Testing

/// Link texts beyond ASCII are lower-cased and trimmed of white space and punctuation at both ends, scalar by scalar,
/// before they are compared with the phrases.
@Suite struct NonDescriptiveLinkTextTests {
    @Test(arguments: [
        ("“Click here”", true),
        ("¡CLICK HERE!", true),
        ("\u{00A0}here\u{3000}", true),
        ("«Läs mer»", false),
        ("Click here 🤌", false),
        ("click→here", false),
        ("…", false),
        // Punctuation beyond the Basic Multilingual Plane is trimmed too (U+10100 AEGEAN WORD SEPARATOR LINE).
        ("\u{10100}here\u{10100}", true),
        ("İLINK", false),
    ])
    func textBeyondASCIIIsComparedTrimmed(text: String, isVague: Bool) throws {
        let source = "# Notes\n\n[\(text)](https://acme.dev/a)\n"
        let lint = NewsletterLint(rules: try RuleRegistry(rules: [NonDescriptiveLinkTextRule()]))
        let found = try lint.check(SourceText(source, path: "a.md"), format: "beehiiv").diagnostics
        #expect(found.map(\.message) == (isVague ? ["link text '\(text)' does not say where the link leads"] : []))
    }

    /// The rule keeps the last list of phrases it prepared: checkers with different lists, used in turn and at once,
    /// each find their own phrases.
    @Test func checkersWithOtherPhrasesKeepTheirOwn() async throws {
        let source = SourceText("# Notes\n\n[here](https://acme.dev/a) and [more](https://acme.dev/b)\n", path: "a.md")
        func lint(_ phrases: String) throws -> NewsletterLint {
            let yaml = "rules:\n  non-descriptive-link-text:\n    phrases: \(phrases)\n"
            let configuration = try LintConfiguration(yaml: SourceText(yaml, path: ".newsletterlint.yml"))
            return NewsletterLint(configuration: configuration, rules: try RuleRegistry(rules: [NonDescriptiveLinkTextRule()]))
        }
        let lints = [try lint("[here]"), try lint("[MORE]"), try lint("[here, more]"), try lint("[]")]
        let expected = [["here"], ["more"], ["here", "more"], []]
        func texts(_ lint: NewsletterLint) throws -> [String] {
            try lint.check(source, format: "beehiiv").diagnostics.map { String($0.message.split(separator: "'")[1]) }
        }
        for round in 0..<3 {
            for index in lints.indices {
                #expect(try texts(lints[(index + round) % lints.count]) == expected[(index + round) % lints.count])
            }
        }
        let concurrent = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
            for index in 0..<32 {
                group.addTask { (index, try texts(lints[index % lints.count])) }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(concurrent.count == 32)
        #expect(concurrent.allSatisfy { $0.value == expected[$0.key % lints.count] })
    }
}
