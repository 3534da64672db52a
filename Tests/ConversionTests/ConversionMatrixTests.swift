import BeehiivAdapter
import Foundation
import FrontMatterAdapter
import JSONAdapter
import NewsletterCore
import Testing

/// One conversion of the matrix: a fixture in its format, converted to another registered format.
struct ConversionCase: Sendable, CustomTestStringConvertible {
    let fixture: ConversionFixture
    let target: String

    var testDescription: String { "\(fixture.name) (\(fixture.format)) -> \(target)" }

    /// Every fixture into every format other than its own.
    static let all: [ConversionCase] = ConversionFixtures.all.flatMap { fixture in
        ConversionMatrixTests.formats.filter { $0 != fixture.format }.map { ConversionCase(fixture: fixture, target: $0) }
    }
}

/// What a trip through another format must keep: every field the issue 4 matrix names, plus levels, emoji, headings,
/// bodies, slug, metadata and each link's kind and title, compared without positions (which point into each file).
struct ConvertedFields: Equatable, CustomStringConvertible {
    struct SectionFields: Equatable {
        var heading: String
        var title: String
        var emoji: String?
        var level: Int
        var body: String
    }

    struct LinkFields: Equatable {
        var text: String
        var destination: String
        var kind: Link.Kind
        var title: String?
    }

    var title: String?
    var subtitle: String?
    var authors: [String]
    var date: Date?
    var tags: [String]
    var slug: String?
    var metadata: Metadata
    var sections: [SectionFields]
    var links: [LinkFields]

    init(_ issue: NewsletterCore.Issue) {
        title = issue.title
        subtitle = issue.subtitle
        authors = issue.authors
        date = issue.date?.date
        tags = issue.tags
        slug = issue.slug
        metadata = issue.metadata
        sections = issue.sections.map { SectionFields(heading: $0.heading, title: $0.title, emoji: $0.emoji, level: $0.level, body: $0.body) }
        links = issue.links.map { LinkFields(text: $0.text, destination: $0.destination, kind: $0.kind, title: $0.title) }
    }

    /// These fields with the ones a warning reported as not written taken out: what a round trip must give back.
    func removing(_ warnings: [ConversionWarning]) -> ConvertedFields {
        var result = self
        let fields = Set(warnings.map(\.field))
        if fields.contains("slug") { result.slug = nil }
        if fields.contains("tags") { result.tags = [] }
        result.authors = authors.indices.filter { !fields.contains("authors[\($0)]") }.map { authors[$0] }
        result.metadata.entries.removeAll { fields.contains("metadata.\($0.key)") }
        return result
    }

    var description: String {
        "title: \(title ?? "nil"), authors: \(authors), date: \(date.map(String.init(describing:)) ?? "nil"), tags: \(tags), "
            + "slug: \(slug ?? "nil"), metadata: \(metadata.keys), sections: \(sections.map(\.title)), links: \(links.map(\.destination))"
    }
}

@Suite struct ConversionMatrixTests {
    static let formats = ["beehiiv", "front-matter", "json"]
    static let registry = try! FormatRegistry([BeehiivAdapter(), FrontMatterAdapter(), JSONAdapter()])

    /// Exactly what each conversion reports, by `testDescription` of the case.
    static let expectedWarnings: [String: [ConversionWarning]] = [
        // The avatar and the author's link are kept as the metadata author_avatar and author_url, but are no links there.
        "bench-report.md (beehiiv) -> front-matter": [
            ConversionWarning(
                field: "links[0]",
                message: "the image link 'Author' to https://media.benchreport.example/avatar.png is not written as such in the text, so the draft does not hold it"
            ),
            ConversionWarning(
                field: "links[1]",
                message: "the inline link 'Noor Haddad' to https://benchreport.example/authors/noor is not written as such in the text, so the draft does not hold it"
            ),
        ],
        "bench-report.md (beehiiv) -> json": [],
        "workshop-notes.md (front-matter) -> beehiiv": [
            ConversionWarning(field: "authors[1]", message: "beehiiv Markdown holds one author"),
            ConversionWarning(field: "slug", message: "beehiiv Markdown has no slug"),
            ConversionWarning(field: "tags", message: "beehiiv Markdown has no tags"),
            ConversionWarning(field: "metadata.draft", message: "beehiiv Markdown has no place for this field"),
            ConversionWarning(field: "metadata.series", message: "beehiiv Markdown has no place for this field"),
        ],
        "workshop-notes.md (front-matter) -> json": [],
        "sparse.md (front-matter) -> beehiiv": [
            ConversionWarning(field: "authors[0]", message: "beehiiv Markdown holds an author only after the avatar or before the date"),
            ConversionWarning(field: "metadata.newsletterkit-front-matter", message: "beehiiv Markdown has no place for this field"),
        ],
        "sparse.md (front-matter) -> json": [],
        "signal-noise.json (json) -> beehiiv": [
            ConversionWarning(field: "authors[1]", message: "beehiiv Markdown holds one author"),
            ConversionWarning(field: "slug", message: "beehiiv Markdown has no slug"),
            ConversionWarning(field: "tags", message: "beehiiv Markdown has no tags"),
            ConversionWarning(field: "metadata.draft", message: "beehiiv Markdown has no place for this field"),
            ConversionWarning(field: "metadata.cover", message: "beehiiv Markdown has no place for this field"),
            ConversionWarning(field: "metadata.weights", message: "beehiiv Markdown has no place for this field"),
        ],
        "signal-noise.json (json) -> front-matter": [],
    ]

    @Test func theMatrixCoversEveryOrderedPairOfRegisteredFormats() {
        #expect(Self.registry.identifiers == Self.formats)
        let pairs = Set(ConversionCase.all.map { "\($0.fixture.format) -> \($0.target)" })
        #expect(pairs == Set(Self.formats.flatMap { from in Self.formats.filter { $0 != from }.map { "\(from) -> \($0)" } }))
        #expect(Set(Self.expectedWarnings.keys) == Set(ConversionCase.all.map(\.testDescription)))
    }

    /// The fixtures as read in their own format: what the matrix carries across.
    static let fixtureContents: [String: (sections: [String], levels: [Int], emoji: [String?], date: Date?, kinds: Set<Link.Kind>)] = [
        "bench-report.md": (
            ["Clamps", "Ben's Picks", "Small print", "Nothing this week", "See ya"], [3, 2, 6, 3, 2],
            ["🗜️", "ü§å", nil, "📭", "👋"], Date(timeIntervalSince1970: 1_708_041_600), Self.markdownLinkKinds
        ),
        "workshop-notes.md": (
            ["Cuts", "Mangled picks", "Empty", "Reading"], [1, 3, 2, 2],
            ["🪚", "ü§å", nil, "📚"], Date(timeIntervalSince1970: 1_708_075_800), Self.markdownLinkKinds
        ),
        "sparse.md": (["One thing"], [2], ["⚡"], nil, [.bareURL]),
        "signal-noise.json": (
            ["Antennas", "Empty", "Café Review"], [2, 3, 4],
            ["📡", nil, "ü§å"], Date(timeIntervalSince1970: 1_748_803_500), Self.markdownLinkKinds
        ),
    ]

    /// Every way Markdown writes a link; the fixtures hold each (data-field and HTML links come from other formats).
    static let markdownLinkKinds = Set(Link.Kind.allCases).subtracting([.dataField, .html])

    @Test(arguments: ConversionFixtures.all)
    func eachFixtureReadsInItsOwnFormatWithMixedLevelsEmptySectionsAndEveryLinkKind(fixture: ConversionFixture) throws {
        let decoded = try Self.registry.decode(fixture.source)
        #expect(decoded.format == fixture.format)
        let expected = try #require(Self.fixtureContents[fixture.name])
        #expect(decoded.issue.sections.map(\.title) == expected.sections)
        #expect(decoded.issue.sections.map(\.level) == expected.levels)
        #expect(decoded.issue.sections.map(\.emoji) == expected.emoji)
        #expect(decoded.issue.date?.date == expected.date)
        #expect(Set(decoded.issue.links.map(\.kind)) == expected.kinds)
    }

    @Test(arguments: ConversionCase.all)
    func convertingThereAndBackKeepsEverythingNotReported(conversion: ConversionCase) throws {
        let source = try Self.registry.adapter(identifier: conversion.fixture.format)
        let target = try Self.registry.adapter(identifier: conversion.target)
        let original = try source.decode(conversion.fixture.source)

        let converted = try target.encode(original)
        #expect(converted.warnings == Self.expectedWarnings[conversion.testDescription])

        let inTarget = try target.decode(SourceText(converted.text, path: "converted"))
        let back = try source.encode(inTarget)
        let roundTripped = try source.decode(SourceText(back.text, path: "back"))
        #expect(ConvertedFields(roundTripped) == ConvertedFields(original).removing(converted.warnings))
    }
}
