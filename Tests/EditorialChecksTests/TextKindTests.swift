import Foundation
import NewsletterKit
import Testing

fileprivate typealias Issue = NewsletterCore.Issue

/// A third party's rule that reads Markdown syntax in the file, and one that reads the issue: each reports once.
private struct MarkdownSyntaxRule: Rule {
    static let description = RuleDescription(
        id: "markdown-syntax", name: "Markdown syntax", summary: "Reports once.", rationale: "Tests text kinds.",
        category: .style, defaultSeverity: .warning, textKinds: [.markdown]
    )
    func check(_ context: CheckContext) -> [Diagnostic] { [context.diagnostic("read as Markdown", at: context.startOfFile)] }
}

private struct AnyTextRule: Rule {
    static let description = RuleDescription(
        id: "any-text", name: "Any text", summary: "Reports once.", rationale: "Tests text kinds.",
        category: .style, defaultSeverity: .warning
    )
    func check(_ context: CheckContext) -> [Diagnostic] {
        [context.diagnostic("read as \(context.textKind.rawValue), \(context.proseRanges.count) prose ranges", at: context.startOfFile)]
    }
}

@Suite struct TextKindTests {
    static let checker = EditorialChecker(registry: try! RuleRegistry(rules: [MarkdownSyntaxRule(), AnyTextRule()]))

    @Test(arguments: [
        (TextKind.markdown, ["read as markdown, 1 prose ranges", "read as Markdown"]),
        (.markdownInStrings, ["read as markdownInStrings, 1 prose ranges"]),
        (.plainText, ["read as plainText, 1 prose ranges"]),
        (.html, ["read as html, 1 prose ranges"]),
    ])
    func rulesRunOnTheKindsTheyDeclare(kind: TextKind, messages: [String]) {
        let source = SourceText("Hello.\n")
        let draft = DecodedDraft(issue: Issue(preamble: "Hello.\n"), textKind: kind, proseRanges: [0..<6])
        #expect(Self.checker.check(source, draft: draft, format: "anything").map(\.message) == messages)
    }

    @Test func aMarkdownRuleNeverFixesTheFileOfMarkdownHeldInStrings() throws {
        // The same bytes and the same tree: declared as Markdown, the trailing spaces are a break to fix; declared
        // as Markdown in strings (a third party's JSON Feed adapter), the rule does not run.
        let source = SourceText("Ada  \nLovelace\n")
        var draft = try BeehiivAdapter().decodeDraft(source)
        let checker = EditorialChecker(registry: try RuleRegistry(rules: [TrailingWhitespaceBreakRule()]))
        #expect(checker.check(source, draft: draft, format: "beehiiv").map(\.range.start.offset) == [3])
        draft.textKind = .markdownInStrings
        #expect(checker.check(source, draft: draft, format: "beehiiv") == [])
    }

    @Test func theBuiltInRulesAboutMarkdownSyntaxDeclareMarkdownAndTheOthersEveryKind() {
        let markdownOnly = RuleRegistry.builtIn.descriptions.filter { $0.textKinds == [.markdown] }.map(\.id)
        #expect(markdownOnly.sorted() == ["emphasis-spacing", "link-spacing", "trailing-whitespace-break"])
        #expect(RuleRegistry.builtIn.descriptions.filter { $0.textKinds != [.markdown] }.allSatisfy { $0.textKinds == TextKind.allCases })
    }

    @Test func aStoredDescriptionWithoutTextKindsAppliesToEveryKind() throws {
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(MarkdownSyntaxRule.description)) as! [String: Any]
        #expect(json["textKinds"] as? [String] == ["markdown"])
        json["textKinds"] = nil
        let decoded = try JSONDecoder().decode(RuleDescription.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(decoded.textKinds == [.markdown, .markdownInStrings, .plainText, .html])
        #expect(decoded.id == "markdown-syntax")
    }

    @Test func aDescriptionKeepsItsKindsInDeclarationOrder() {
        let description = RuleDescription(
            id: "x", name: "X", summary: "", rationale: "", category: .style, defaultSeverity: .info, textKinds: [.html, .markdown]
        )
        #expect(description.textKinds == [.markdown, .html])
    }
}

@Suite struct LinkReportRangeTests {
    /// "## Picks\n[a](https://a.example)\n": the heading is 0..<8, the link 9..<31, its destination 13..<30.
    static let source = SourceText("## Picks\n[a](https://a.example)\n")

    private static func context(_ issue: Issue, textKind: TextKind = .plainText) -> CheckContext {
        CheckContext(
            source: source, draft: DecodedDraft(issue: issue, textKind: textKind), format: "test",
            configuration: LintConfiguration(), rule: EmptyLinkTextRule.description
        )
    }

    @Test func aLinkIsReportedAtItsRangeThenItsSectionThenTheStartOfTheFile() {
        let positioned = Link(text: "a", destination: "https://a.example", kind: .inline, range: Self.source.range(utf8Offsets: 9..<31))
        let unpositioned = Link(text: "b", destination: "https://b.example", kind: .dataField)
        let stray = Link(text: "c", destination: "https://c.example", kind: .dataField)
        let section = Section(
            heading: "## Picks", title: "Picks", level: 2, links: [unpositioned],
            range: Self.source.range(utf8Offsets: 0..<32), headingRange: Self.source.range(utf8Offsets: 0..<8)
        )
        let context = Self.context(Issue(sections: [section], links: [positioned, unpositioned, stray]))
        #expect(context.range(of: positioned).utf8Offsets == 9..<31)
        #expect(context.range(of: unpositioned).utf8Offsets == 0..<8)
        #expect(context.range(of: stray).utf8Offsets == 0..<0)
    }

    @Test func aDestinationIsReportedAtItsTextOrElseAtTheLink() {
        let written = Link(
            text: "a", destination: "https://a.example", kind: .inline,
            range: Self.source.range(utf8Offsets: 9..<31), destinationRange: Self.source.range(utf8Offsets: 13..<30)
        )
        var empty = written
        empty.destinationRange = Self.source.range(utf8Offsets: 13..<13)
        var none = written
        none.destinationRange = nil
        let context = Self.context(Issue(links: [written]))
        #expect(context.destinationRange(of: written).utf8Offsets == 13..<30)
        #expect(context.destinationRange(of: empty).utf8Offsets == 9..<31)
        #expect(context.destinationRange(of: none).utf8Offsets == 9..<31)
    }

    @Test func emptyTextIsAProblemForHTMLLinksButNotForDataFields() {
        let range = Self.source.range(utf8Offsets: 9..<31)
        let issue = Issue(links: [
            Link(text: "", destination: "https://a.example", kind: .html, range: range),
            Link(text: "", destination: "https://a.example", kind: .dataField, range: range),
        ])
        let diagnostics = EmptyLinkTextRule().check(Self.context(issue, textKind: .html))
        #expect(diagnostics.map(\.message) == ["link to 'https://a.example' has no text"])
        #expect(diagnostics.map(\.range.utf8Offsets) == [9..<31])
    }

    @Test func vagueTextIsAProblemForHTMLLinksButNotForDataFields() {
        let range = Self.source.range(utf8Offsets: 9..<31)
        let issue = Issue(links: [
            Link(text: "click here", destination: "https://a.example", kind: .html, range: range),
            Link(text: "click here", destination: "https://b.example", kind: .dataField, range: range),
        ])
        let context = CheckContext(
            source: Self.source, draft: DecodedDraft(issue: issue, textKind: .html), format: "test",
            configuration: LintConfiguration(), rule: NonDescriptiveLinkTextRule.description
        )
        #expect(NonDescriptiveLinkTextRule().check(context).map(\.message) == ["link text 'click here' does not say where the link leads"])
    }
}

/// The link rule of the EditorialChecks article, as written there.
private struct UTMSourceRule: Rule {
    static let description = RuleDescription(
        id: "utm-source", name: "UTM source", summary: "External links carry utm_source.",
        rationale: "Campaign reports count clicks by source.", category: .links, defaultSeverity: .warning,
        nonTriggeringExamples: ["# Notes\n\nSee [it](https://acme.dev/?utm_source=news).\n"],
        triggeringExamples: ["# Notes\n\nSee [it](↓https://acme.dev/).\n"]
    )

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.issue.links.filter { $0.url?.host != nil && !$0.destination.contains("utm_source=") }.map { link in
            context.diagnostic("link has no utm_source", at: context.destinationRange(of: link))
        }
    }
}

@Suite struct ArticleRuleTests {
    @Test func theUTMSourceRuleReportsAtTheDestinationInMarkdownAndInJSON() throws {
        let lint = NewsletterLint(rules: try RuleRegistry(rules: [UTMSourceRule()]))
        let markdown = try lint.check(SourceText("# Notes\n\nSee [it](https://acme.dev/) and [ok](https://acme.dev/?utm_source=news).\n", path: "a.md"))
        #expect(markdown.diagnostics.map(\.range.utf8Offsets) == [18..<35])
        let json = SourceText(#"{"links": [{"text": "it", "url": "https://acme.dev/"}]}"#, path: "a.json")
        #expect(try lint.check(json).diagnostics.map(\.range.utf8Offsets) == [34..<51])
    }
}

@Suite struct ProseRangeTests {
    @Test func aMarkdownDraftsProseIsItsTreesTextOutsideCodeAndDestinations() throws {
        let source = SourceText("Use `grep` and [the guide](https://a.example).\n")
        let draft = try BeehiivAdapter().decodeDraft(source)
        let expected = [0..<4, 10..<15, 16..<25, 45..<46]
        #expect(draft.markdown?.proseRanges == expected)
        #expect(draft.proseRanges == expected)
        let context = CheckContext(
            source: source, draft: draft, format: "beehiiv", configuration: LintConfiguration(), rule: AnyTextRule.description
        )
        #expect(context.proseRanges == expected)
        #expect(context.textKind == .markdown)
        #expect(expected.map { String(source.slice($0)) } == ["Use ", " and ", "the guide", "."])
    }
}

@Suite struct BrokenPositionTests {
    /// A draft handed to the engine directly, not through the registry, with ranges that end before they start.
    @Test func theEngineDropsRangesThatEndBeforeTheyStartInsteadOfTrapping() {
        let source = SourceText("## Picks\n<a href=\"https://a.example\"></a>\n")
        var reversed = source.range(utf8Offsets: 4..<4)
        reversed.start = source.location(atUTF8Offset: 20)
        let issue = Issue(
            sections: [Section(heading: "## Picks", title: "Picks", level: 2, range: reversed)],
            links: [Link(text: "", destination: "https://a.example", kind: .html, range: reversed)]
        )
        let checker = EditorialChecker(registry: try! RuleRegistry(rules: [EmptyLinkTextRule()]))
        let diagnostics = checker.check(source, draft: DecodedDraft(issue: issue, textKind: .html), format: "html")
        #expect(diagnostics.map(\.message) == ["link to 'https://a.example' has no text"])
        #expect(diagnostics.map(\.range.utf8Offsets) == [0..<0])
    }
}
