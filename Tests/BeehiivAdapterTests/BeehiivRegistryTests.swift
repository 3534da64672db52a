import BeehiivAdapter
import NewsletterCore
import Testing

/// A third party's adapter, registered the same way as the built-in ones: plain text notes, one paragraph each.
struct PlainNotesAdapter: FormatAdapter {
    let identifier = "plain-notes"
    let name = "Plain text notes"
    let fileExtensions = ["txt", "md"]

    func sniff(_ source: SourceText) -> FormatConfidence {
        source.text.hasPrefix("NOTES:") ? .certain : source.text.hasPrefix("---") ? .none : .possible
    }

    func decode(_ source: SourceText) throws(NewsletterError) -> NewsletterCore.Issue {
        NewsletterCore.Issue(title: String(source.lineText(1)), preamble: source.text)
    }

    func encode(_ issue: NewsletterCore.Issue) throws(NewsletterError) -> EncodedIssue {
        EncodedIssue(text: issue.preamble, warnings: issue.sections.isEmpty ? [] : [ConversionWarning(field: "sections", message: "plain notes have no sections")])
    }
}

@Suite struct BeehiivSniffingTests {
    @Test(arguments: [
        (BeehiivFixtures.canonical, FormatConfidence.certain),
        (BeehiivFixtures.crlfWithTwoSpaceBreak, .certain),
        (BeehiivFixtures.laterIssue, .likely),
        ("Intro\n\n## **🔥 Hot**\n", .likely),
        ("Intro\r\r## **🔥 Hot**\r", .likely),
        ("# Héllo 🤌\r### Sub\r\rText ü§å\r![Author](a.png)", .certain),
        ("Just some text.\n", .possible),
        ("", .possible),
        ("---\ntitle: Hello\n---\n# Hello\n", .none),
        ("\u{FEFF}---\r\ntitle: Hello\r\n---\r\n", .none),
        ("{\"title\": \"Hello\"}", .none),
        // The avatar counts on any of the first twelve lines that are not empty, before a heading that makes the
        // draft likely; a bold heading counts on any line of the head.
        ("# Hello\n### Sub\n" + String(repeating: "line\n\n", count: 9) + "![Author](a.png)\n", .certain),
        ("# Hello\n### Sub\n" + String(repeating: "line\n", count: 10) + "![Author](a.png)\n", .likely),
        (String(repeating: "line\r\n", count: 11) + "![Author](a.png)\n", .certain),
        (String(repeating: "line\n", count: 40) + "### **Later**\n", .likely),
        (String(repeating: "line\n", count: 40) + "### Plain\n", .possible),
    ])
    func sniffing(text: String, confidence: FormatConfidence) {
        #expect(BeehiivAdapter().sniff(SourceText(text)) == confidence)
    }
}

@Suite struct FormatRegistryWithBeehiivTests {
    func registry() throws -> FormatRegistry {
        try FormatRegistry([BeehiivAdapter(), PlainNotesAdapter()])
    }

    @Test func aThirdPartyAdapterIsChosenByIdentifierExtensionOrContent() throws {
        let registry = try registry()
        #expect(registry.identifiers == ["beehiiv", "plain-notes"])
        #expect(try registry.adapter(identifier: "plain-notes").name == "Plain text notes")
        #expect(try registry.adapter(forPath: "notes/today.txt", source: SourceText("anything")).identifier == "plain-notes")
        #expect(try registry.adapter(forPath: "issue.md", source: SourceText(BeehiivFixtures.canonical)).identifier == "beehiiv")
        #expect(try registry.adapter(forPath: "issue.md", source: SourceText("NOTES: call Ada")).identifier == "plain-notes")
        let decoded = try registry.decode(SourceText(BeehiivFixtures.laterIssue, path: "349.markdown"))
        #expect(decoded.format == "beehiiv")
        #expect(decoded.issue.title == "Daily Digest #349: Small tools, big week")
    }

    @Test func convertingToTheThirdPartyFormatReportsWhatItDrops() throws {
        let converted = try registry().convert(SourceText(BeehiivFixtures.laterIssue, path: "349.md"), to: "plain-notes")
        #expect(converted.text.hasPrefix("\n[Website](https://dailydigest.example)"))
        #expect(converted.warnings == [ConversionWarning(field: "sections", message: "plain notes have no sections")])
    }

    @Test func equallyPossibleFormatsAreAnAmbiguityError() throws {
        let registry = try registry()
        #expect(throws: NewsletterError(.ambiguousFormat, "plain.md could be any of: beehiiv, plain-notes; name the format explicitly", path: "plain.md")) {
            try registry.adapter(forPath: "plain.md", source: SourceText("Just words."))
        }
    }

    @Test func unknownFormatsAndDuplicateIdentifiersAreErrors() throws {
        var registry = try registry()
        #expect(throws: NewsletterError(.unknownFormat, "unknown format 'substack'; known formats: beehiiv, plain-notes")) {
            try registry.adapter(identifier: "substack")
        }
        #expect(throws: NewsletterError(
            .configuration,
            "a format with identifier 'beehiiv' is already registered (BeehiivAdapter.BeehiivAdapter); BeehiivAdapter.BeehiivAdapter cannot be registered under the same identifier"
        )) {
            try registry.register(BeehiivAdapter())
        }
        #expect(throws: NewsletterError(.unknownFormat, "cannot tell the format of draft.rst; pass one of: beehiiv", path: "draft.rst")) {
            try FormatRegistry([BeehiivAdapter()]).adapter(forPath: "draft.rst", source: SourceText("---\nx: 1\n---\n"))
        }
    }
}
