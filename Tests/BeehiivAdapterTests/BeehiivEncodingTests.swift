import BeehiivAdapter
import Foundation
import NewsletterCore
import Testing

@Suite struct BeehiivEncodingTests {
    let adapter = BeehiivAdapter()

    @Test(arguments: [BeehiivFixtures.canonical, BeehiivFixtures.laterIssue, "# T\n\nAda Writer\\\nMarch 9, 2025\n\nHi.\n", ""])
    func canonicalFilesReencodeByteForByte(text: String) throws {
        let encoded = try adapter.encode(adapter.decode(SourceText(text)))
        #expect(encoded.text == text)
        #expect(encoded.warnings.isEmpty)
    }

    @Test func issueBuiltInCodeIsWrittenInTheExportLayout() throws {
        let issue = Issue(
            title: "Weekly Picks",
            subtitle: "PLUS: one more thing",
            authors: ["Ada Writer"],
            date: PublicationDate(parsing: "January 03, 2023"),
            metadata: ["author_avatar": .string("https://media.beehiiv.com/a.jpg"), "author_url": .string("https://x.example/ada")],
            preamble: "Hello!",
            sections: [
                Section(heading: "", title: "Cool Tools", emoji: "🤌", level: 3, body: "- [one](https://one.example)"),
                Section(heading: "## **🔥 REAL** REVIEWS", title: "REAL REVIEWS", emoji: "🔥", level: 2, body: "\nGood.\n"),
            ]
        )
        let encoded = try adapter.encode(issue)
        #expect(encoded.text == """
            # Weekly Picks

            ### PLUS: one more thing

            ![Author](https://media.beehiiv.com/a.jpg)

            [Ada Writer](https://x.example/ada)\\
            January 03, 2023

            Hello!
            ### **🤌 Cool Tools**
            - [one](https://one.example)
            ## **🔥 REAL** REVIEWS

            Good.

            """)
        #expect(encoded.warnings.isEmpty)
        let decoded = try adapter.decode(SourceText(encoded.text))
        #expect(decoded.sections.map(\.title) == ["Cool Tools", "REAL REVIEWS"])
        #expect(decoded.sections.map(\.body) == ["- [one](https://one.example)\n", "\nGood.\n"])
        #expect(decoded.links.map(\.destination) == [
            "https://media.beehiiv.com/a.jpg", "https://x.example/ada", "https://one.example",
        ])
    }

    @Test func fieldsTheLayoutCannotHoldAreWarnings() throws {
        let issue = Issue(
            title: "T",
            authors: ["Ada", "Ben"],
            date: PublicationDate(parsing: "2024-02-16"),
            slug: "t",
            tags: ["tools"],
            metadata: ["draft": .bool(true), "author_url": .string("https://x.example/ada"), "author_avatar": .integer(3)]
        )
        let encoded = try adapter.encode(issue)
        #expect(encoded.text == "# T\n\n[Ada](https://x.example/ada)\\\n2024-02-16\n")
        #expect(encoded.warnings == [
            ConversionWarning(field: "metadata.author_avatar", message: "beehiiv Markdown holds this field only as a one-line URL"),
            ConversionWarning(field: "authors[1]", message: "beehiiv Markdown holds one author"),
            ConversionWarning(field: "slug", message: "beehiiv Markdown has no slug"),
            ConversionWarning(field: "tags", message: "beehiiv Markdown has no tags"),
            ConversionWarning(field: "metadata.draft", message: "beehiiv Markdown has no place for this field"),
        ])
    }

    @Test func authorWithNeitherAvatarNorDateIsAWarning() throws {
        let encoded = try adapter.encode(Issue(title: "T", authors: ["Ada"]))
        #expect(encoded.text == "# T\n")
        #expect(encoded.warnings == [
            ConversionWarning(field: "authors[0]", message: "beehiiv Markdown holds an author only after the avatar or before the date"),
        ])
    }

    @Test func lineBreakInATitleCannotBeWritten() {
        #expect(throws: NewsletterError(.unrepresentable, "title holds a line break, which beehiiv Markdown cannot write on its line")) {
            try adapter.encode(Issue(title: "Two\nlines"))
        }
    }

    /// Fuzz finding (FuzzConversion, Fuzz/README.md): a lone carriage return before a heading was written as `\r\n`
    /// (`"\r" + "\n"` is one character, so the text did not "end in \n"), and each round trip added a blank line.
    @Test("lone carriage returns: written once, then the same at every round trip, without warnings", arguments: [
        ("\r##", "\r##\n"),
        ("\r\r##", "\r\r##\n"),
        // A heading's own line ends as the writer ends every heading, with a line feed.
        ("Hi.\r## A\rbody\r## B", "Hi.\r## A\nbody\r## B\n"),
        ("# T\r\r## A\r", "# T\n\r## A\n"),
    ])
    func loneCarriageReturnsAreStable(input: String, written: String) throws {
        let first = try adapter.encode(adapter.decode(SourceText(input)))
        #expect(first.text == written)
        #expect(first.warnings.isEmpty)
        let second = try adapter.encode(adapter.decode(SourceText(first.text)))
        #expect(second.text == first.text)
        #expect(second.warnings.isEmpty)
    }
}
