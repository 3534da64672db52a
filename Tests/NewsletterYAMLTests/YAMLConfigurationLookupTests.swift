import NewsletterCore
import NewsletterYAML
import Testing

/// The configuration-file use: find keys, report unknown ones at their exact position.
@Suite struct YAMLConfigurationLookupTests {
    @Test func unknownKeysAreFoundWithTheirRanges() throws {
        let source = SourceText("rules:\n  link-check: error\n  heading-incrment: warning\nignore: [\"drafts/**\"]\n", path: ".newsletterlint.yml")
        let root = try #require(try YAMLParser().parse(source))
        let known: Set = ["link-check", "heading-increment"]
        let unknown = try #require(root["rules"]?.pairs).filter { !known.contains($0.key.text ?? "") }
        #expect(unknown.map(\.key.text) == ["heading-incrment"])
        #expect(unknown.first?.key.range == SourceRange(
            start: SourceLocation(offset: 29, line: 3, column: 3),
            end: SourceLocation(offset: 45, line: 3, column: 19)
        ))
        #expect(root["rules"]?["link-check"]?.string == "error")
        #expect(root["ignore"]?[0]?.string == "drafts/**")
        #expect(source[unknown[0].key.range] == "heading-incrment")
    }
}
