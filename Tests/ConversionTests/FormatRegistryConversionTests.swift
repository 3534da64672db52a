import BeehiivAdapter
import Foundation
import FrontMatterAdapter
import JSONAdapter
import NewsletterCore
import Testing

@Suite struct FormatRegistryConversionTests {
    private let registry = ConversionMatrixTests.registry

    @Test func convertChoosesTheSourceFormatFromPathAndContentAndEncodesInTheTarget() throws {
        let fixture = ConversionFixtures.frontMatter
        let converted = try registry.convert(fixture.source, to: "json")
        let direct = try JSONAdapter().encode(FrontMatterAdapter().decode(fixture.source))
        #expect(converted == direct)
        #expect(converted.warnings.isEmpty)
        let issue = try JSONAdapter().decode(SourceText(converted.text, path: "workshop-notes.json"))
        #expect(issue.title == "Workshop Notes #3: Jigs")
        #expect(issue.sections.map(\.title) == ["Cuts", "Mangled picks", "Empty", "Reading"])
    }

    @Test func aBeehiivExportSharingTheMdExtensionIsToldApartByItsContent() throws {
        let converted = try registry.convert(ConversionFixtures.beehiiv.source, to: "front-matter")
        #expect(converted.text.hasPrefix("---\ntitle: 'The Bench Report #7: Clamps, glue and patience'\n"))
        #expect(converted.warnings.map(\.field) == ["links[0]", "links[1]"])
    }

    @Test func anExplicitSourceFormatIsUsedAsGiven() throws {
        let converted = try registry.convert(ConversionFixtures.json.source, from: "json", to: "beehiiv")
        #expect(converted.text.hasPrefix("# Signal & Noise — Issue 41\n\n### Antennas, \"quiet\" radios and a café review\n\nInes Marlow\\\n2025-06-01T18:45:00Z\n"))
        #expect(converted.warnings.map(\.field) == ["authors[1]", "slug", "tags", "metadata.draft", "metadata.cover", "metadata.weights"])
    }

    @Test func jsonToJSONWritesTheRecordedDraftPositionsBackByteForByte() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/Drafts/json/clean-issue.json")
        let source = try SourceText(data: Data(contentsOf: path), path: "clean-issue.json")
        let converted = try registry.convert(source, to: "json")
        #expect(converted.text == source.text)
        #expect(converted.text.contains(#""offset": 335"#))
    }

    @Test func markdownPositionsSurviveTwoTripsThroughJSON() throws {
        let once = try registry.convert(ConversionFixtures.frontMatter.source, to: "json")
        let twice = try registry.convert(SourceText(once.text, path: "once.json"), to: "json")
        #expect(twice.text == once.text)
        let issue = try JSONAdapter().decode(SourceText(twice.text, path: "twice.json"))
        let guide = try #require(issue.links.first)
        // `[the guide][guide]` on line 15 of the front-matter draft.
        #expect(issue.recordedPositions?[guide.range]?.range?.description == "15:12-15:30")
    }

    @Test func anUnknownTargetIsAnErrorNamingTheKnownFormats() {
        #expect(throws: NewsletterError(.unknownFormat, "unknown format 'html'; known formats: beehiiv, front-matter, json")) {
            try registry.convert(ConversionFixtures.json.source, to: "html")
        }
    }

    @Test func anUnknownSourceFormatIsAnError() {
        #expect(throws: NewsletterError(.unknownFormat, "unknown format 'rtf'; known formats: beehiiv, front-matter, json")) {
            try registry.convert(ConversionFixtures.json.source, from: "rtf", to: "json")
        }
    }
}
