import NewsletterKit
import Testing

@Suite struct MojibakeRuleTests {
    /// `👍` (F0 9F 91 8D) read as Windows-1252 loses the undefined byte 8D: several emoji fit, so the repair is a guess.
    @Test func lostBytesGiveASuggestionNamingTheCandidates() throws {
        let source = SourceText("# Notes\n\nGreat work ðŸ‘ team.\n")
        let report = try NewsletterLint().check(source, format: "beehiiv")
        let diagnostic = try #require(report.diagnostics.first { $0.ruleID == "mojibake" })
        #expect(diagnostic.range.start.line == 3 && diagnostic.range.start.column == 12)
        #expect(diagnostic.fix?.safety == .suggestion)
        #expect(diagnostic.message.contains("may be any of"))
        #expect(diagnostic.message.contains("'👍'"))
        #expect(diagnostic.notes.count == 1)
        // Not applied by default, applied when suggestions are asked for.
        #expect(try NewsletterLint().fix(source, format: "beehiiv").text == source.text)
        let guessed = try NewsletterLint().fix(source, format: "beehiiv", minimumSafety: .suggestion)
        #expect(guessed.text != source.text && !guessed.text.contains("ðŸ"))
    }
}
