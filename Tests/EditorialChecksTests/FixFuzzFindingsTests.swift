import NewsletterKit
import Testing

/// Regression tests from the minimized inputs of FuzzCheckAndFix (Fuzz/README.md, "Findings"): `fix` edited code
/// and raw HTML. The mojibake rule repaired `ü§å` inside a fenced code block and an HTML block, and
/// `emphasis-spacing` and `trailing-whitespace-break` fixed `for**posts**and` and trailing spaces on the lines of an
/// HTML block. Each of these drafts is now left exactly as it is, even with suggested fixes applied.
@Suite struct FixFuzzFindingsTests {
    /// The fuzz check's own prefix (`CheckAndFixCheck.protectedPrefix`): code and raw HTML holding what every
    /// fixing rule would change in prose.
    static let protectedPrefix = """
        ```
        ü§å for**posts**and [a](http://code.example/a)  \u{20}
        ```

        <div>
        ü§å for**posts**and [a](http://html.example/a)  \u{20}
        </div>


        """

    @Test("fix leaves code and HTML blocks unchanged", arguments: [
        // The minimized inputs, one per rule and block.
        "```\nü§å\n```\n",
        "<div>\nü§å\n</div>\n",
        "<div>\nfor**posts**and\n</div>\n",
        "<div>\ntext  \nmore\n</div>\n",
        // Their first shape: `<div>` alone on a line, the text on the next, under a title.
        "# Title\n\n<div>\nfor**posts**and  \nü§å\n</div>\n",
        protectedPrefix,
    ])
    func codeAndHTMLAreNotFixed(draft: String) throws {
        for safety in [FixSafety.safe, .suggestion] {
            let result = try NewsletterLint().fix(SourceText(draft), format: "beehiiv", minimumSafety: safety)
            #expect(result.text == draft)
            #expect(result.applied.map(\.diagnostic.ruleID) == [])
        }
    }

    @Test("after the protected prefix, prose is still fixed and the prefix is not")
    func proseAfterTheProtectedBlocksIsFixed() throws {
        let draft = Self.protectedPrefix + "ü§å for**posts**and\n"
        let result = try NewsletterLint().fix(SourceText(draft), format: "beehiiv", minimumSafety: .suggestion)
        #expect(result.text == Self.protectedPrefix + "🤌 for **posts** and\n")
        #expect(result.applied.allSatisfy { $0.diagnostic.range.start.offset >= Self.protectedPrefix.utf8.count })
    }
}
