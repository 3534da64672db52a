import EditorialChecks
import NewsletterKit
import NewsletterCore
import Testing

@Suite struct InlineSuppressionsTests {
    static let draft = """
        line one
        <!-- newsletterlint-disable placeholder-link -->
        line three
        <!-- newsletterlint-enable placeholder-link -->
        line five
        <!-- newsletterlint-disable-next-line -->
        line seven
        line eight
        ```
        <!-- newsletterlint-disable -->
        ```
        <!-- newsletterlint-disable mojibake malformed-url -->
        line thirteen
        """

    let suppressions = InlineSuppressions(source: SourceText(Self.draft), markdown: try? BeehiivAdapter().decodeDraft(SourceText(Self.draft)).markdown)

    @Test(arguments: [
        ("placeholder-link", 1, false), ("placeholder-link", 3, true), ("placeholder-link", 4, true), ("placeholder-link", 5, false),
        ("mojibake", 3, false), ("mojibake", 7, true), ("placeholder-link", 7, true), ("mojibake", 8, false),
        ("empty-section", 10, false), ("empty-section", 13, false), ("mojibake", 13, true), ("malformed-url", 200, true),
    ])
    func silencedLines(ruleID: String, line: Int, suppressed: Bool) {
        #expect(suppressions.isSuppressed(ruleID: ruleID, line: line) == suppressed)
    }
}
