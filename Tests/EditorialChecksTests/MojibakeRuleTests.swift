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

    /// Spans that read alike are said alike and others on their own: the rule words a run of equal spans once, so
    /// alternating, repeated, guessed and verbatim spans must each get their own span's message, notes and fix.
    @Test func eachSpanIsSaidAsItReads() throws {
        // `ü§å` and `ðŸ¤Œ` are one emoji mangled through two code pages: the same repair, different originals.
        let tokens = ["ü§å", "ü§å", "ðŸ¤Œ", "â€™", "ðŸ‘", "ðŸ‘", "ü§å", "cafÃ©", "`ü§å`", "ü§å"]
        let source = SourceText("# Notes\n\n" + tokens.joined(separator: " and ") + "\n")
        let report = try NewsletterLint().check(source, format: "beehiiv")
        let diagnostics = report.diagnostics.filter { $0.ruleID == "mojibake" }
        let spans = Mojibake.scan(source)
        #expect(diagnostics.count == spans.count)
        #expect(spans.count == tokens.count)
        for (diagnostic, span) in zip(diagnostics, spans) {
            let guessed = span.confidence == .guess && span.candidates.count > 1
            let said = guessed
                ? "may be any of \(span.candidates.map { "'\($0)'" }.joined(separator: ", "))"
                : "should be '\(span.replacement)'"
            #expect(diagnostic.message == "\(span.explanation): '\(span.original)' \(said)")
            let isVerbatim = source.slice(span.utf8Range.lowerBound - 1..<span.utf8Range.lowerBound) == "`"
            #expect(diagnostic.notes.count == (guessed ? 1 : 0) + (isVerbatim ? 1 : 0))
            #expect(diagnostic.fix?.summary == (isVerbatim ? nil : "replace '\(span.original)' with '\(span.replacement)'"))
        }
    }
}
