import Foundation
import JSONAdapter
import NewsletterCore
import Testing

@Suite struct JSONSchemaTests {
    private let adapter = JSONAdapter()

    private func validator() throws -> SchemaValidator {
        SchemaValidator(schema: try JSONReader().read(RepositoryFiles.source("Schemas/newsletterkit-issue.schema.json")))
    }

    /// An issue with every optional part present, so that every level of the schema is reached.
    private var richIssue: Issue {
        let range = SourceRange(start: SourceLocation(offset: 10, line: 2, column: 1), end: SourceLocation(offset: 20, line: 2, column: 11))
        let link = Link(text: "t", destination: "https://a.example/?a=1&b=2", rawDestination: "https://a.example/?a=1\\&b=2", title: "T",
                        kind: .reference, range: range, destinationRange: range)
        return Issue(
            title: "Title", subtitle: "Sub", authors: ["A"], date: PublicationDate(parsing: "2024-02-16T10:30:00+01:00"), slug: "s",
            tags: ["t"], metadata: ["k": .list([.integer(1)])], preamble: "p",
            sections: [Section(heading: "## X", title: "X", level: 2, body: "b", links: [link], range: range, headingRange: range)],
            links: [link]
        )
    }

    @Test func ourOutputHasEveryFieldTheSchemaRequires() throws {
        var validator = try validator()
        let output = try JSONReader().read(SourceText(adapter.encode(richIssue).text))
        validator.validate(output)
        #expect(validator.violations == [])
        #expect(validator.requiredChecked == [
            "$",
            "$.sections[0]", "$.sections[0].links[0]", "$.sections[0].links[0].range", "$.sections[0].links[0].destinationRange",
            "$.sections[0].range", "$.sections[0].headingRange",
            "$.links[0]", "$.links[0].range", "$.links[0].destinationRange",
        ])
    }

    @Test(arguments: 1...10)
    func generatedIssuesMatchTheSchema(seed: UInt64) throws {
        var generator = IssueGenerator(seed: seed)
        var validator = try validator()
        validator.validate(try JSONReader().read(SourceText(adapter.encode(generator.issue()).text)))
        #expect(validator.violations == [])
    }

    @Test func theExampleDraftMatchesTheSchema() throws {
        var validator = try validator()
        validator.validate(try JSONReader().read(RepositoryFiles.source("Examples/Drafts/json/clean-issue.json")))
        #expect(validator.violations == [])
    }

    @Test func theCheckFindsAMissingRequiredField() throws {
        var validator = try validator()
        let text = try adapter.encode(richIssue).text.replacingOccurrences(of: "\"heading\": \"## X\",\n", with: "")
        validator.validate(try JSONReader().read(SourceText(text)))
        #expect(validator.violations == [#"$.sections[0]: missing required "heading""#])
    }

    @Test func theSchemaNamesTheFormAndVersionTheAdapterWrites() throws {
        let schema = try JSONReader().read(RepositoryFiles.source("Schemas/newsletterkit-issue.schema.json"))
        #expect(schema["$schema"]?.content == .string("https://json-schema.org/draft/2020-12/schema"))
        #expect(schema["properties"]?["format"]?["const"]?.content == .string(JSONAdapter.formatName))
        #expect(schema["properties"]?["version"]?["const"]?.content == .number(String(JSONAdapter.formatVersion)))
    }
}
