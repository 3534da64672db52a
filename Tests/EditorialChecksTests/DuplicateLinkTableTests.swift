import NewsletterKit
import Testing

/// `duplicate-link` finds the first link to a destination through a table of link indices by the destination's hash
/// (`FirstLinkTable`): thousands of destinations, each linked again in the reverse order, each point back to their own
/// first link, and images are not counted.
@Suite struct DuplicateLinkTableTests {
    static func check(_ text: String) throws -> [Diagnostic] {
        var configuration = LintConfiguration()
        for rule in RuleRegistry.builtIn.rules where type(of: rule).description.id != "duplicate-link" {
            configuration.rules[type(of: rule).description.id] = RuleSettings(isEnabled: false)
        }
        let source = SourceText(text, path: "notes.md")
        return EditorialChecker(configuration: configuration)
            .check(source, draft: try BeehiivAdapter().decodeDraft(source), format: "beehiiv")
    }

    @Test(arguments: [1, 13, 3000])
    func eachRepeatPointsBackToItsOwnFirstLink(count: Int) throws {
        let first = (0..<count).map { "[a](https://acme.dev/p\($0))\n" }.joined()
        let again = (0..<count).reversed().map { "[b](https://acme.dev/p\($0))\n" }.joined()
        let images = "![](https://acme.dev/p0) ![](https://acme.dev/p0)\n"
        let diagnostics = try Self.check("# Notes\n\n" + first + "\n" + again + "\n" + images)
        // Line 3 + i holds the first link to p<i>; line 4 + count + k the repeat of p<count - 1 - k>.
        #expect(diagnostics.map(\.range.start.line) == (0..<count).map { 4 + count + $0 })
        #expect(diagnostics.map { $0.notes.first?.range?.start.line } == (0..<count).map { 3 + (count - 1 - $0) })
        #expect(diagnostics.last?.message == "'https://acme.dev/p0' is already linked")
    }

    /// Destinations are the same when they are the same text, however written: `é` as one scalar or as `e` and a
    /// combining accent, the Kelvin sign and `K`. ASCII-only destinations are compared as bytes, the others as text.
    @Test(arguments: [
        ("https://acme.dev/caf\u{E9}", "https://acme.dev/cafe\u{301}"),
        ("https://acme.dev/\u{212A}", "https://acme.dev/K"),
        ("https://acme.dev/K", "https://acme.dev/\u{212A}"),
        ("https://acme.dev/K", "https://acme.dev/K"),
    ])
    func equivalentDestinationsAreOneDestination(first: String, again: String) throws {
        let diagnostics = try Self.check("# Notes\n\n[a](\(first)) and [b](https://acme.dev/other)\n\n[c](\(again))\n")
        #expect(diagnostics.map(\.range.start.line) == [5])
        #expect(diagnostics.map { $0.notes.first?.range?.start.line } == [3])
    }

    @Test func differentDestinationsAreNotRepeats() throws {
        let diagnostics = try Self.check("# Notes\n\n[a](https://acme.dev/k) [b](https://acme.dev/K) [c](https://acme.dev/caf\u{E9}s)\n")
        #expect(diagnostics.isEmpty)
    }
}
