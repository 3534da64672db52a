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
}
