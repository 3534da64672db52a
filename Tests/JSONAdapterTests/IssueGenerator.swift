import Foundation
import NewsletterCore
import TestSupport

/// In this test module `Issue` is the domain's issue; Swift Testing's own `Issue` is written `Testing.Issue`.
typealias Issue = NewsletterCore.Issue

/// Builds random issues from awkward pieces of text (quotes, backslashes, control characters, emoji, mojibake,
/// lone carriage returns) and every shape of date, metadata value and position the domain allows.
struct IssueGenerator {
    private var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    private static let fragments = [
        "Cool Tools", "🤌", "ü§å", "\"quoted\"", "back\\slash", "line\nbreak", "crlf\r\n", "lone\rcr", "tab\t", "\u{0}",
        "\u{7F}", "\u{1B}[0m", "é", "日本語", "👩🏽‍💻", " ", "{}", "[]", "</script>", "\u{2028}", "a\\&b", "{{first_name | friend}}",
    ]

    private static let dates: [PublicationDate?] = [
        nil,
        PublicationDate(parsing: "2024-02-16"),
        PublicationDate(parsing: "January 03, 2023"),
        PublicationDate(parsing: "2024-02-16T09:30:00.250Z"),
        PublicationDate(parsing: "2024-02-16T10:30:00+01:00"),
        PublicationDate(text: "next Tuesday"),
        PublicationDate(text: "Feb 16", date: Date(timeIntervalSince1970: 1_700_000_000)),
        PublicationDate(text: "2024-02-16", date: nil),
        PublicationDate(text: ""),
    ]

    private static let numbers: [MetadataValue] = [
        .integer(0), .integer(-1), .integer(Int.min), .integer(Int.max), .double(0.1), .double(-2.5), .double(5e20),
        .double(1e-300), .double(.leastNonzeroMagnitude), .double(Double.greatestFiniteMagnitude), .double(3.0),
    ]

    mutating func issue() -> Issue {
        let headerLinks = (0..<int(0...2)).map { _ in link() }
        let sections = (0..<int(0...4)).map { _ in section() }
        var metadata = Metadata()
        for index in 0..<int(0...4) { metadata.entries.append(Metadata.Entry(key: "\(text())\(index)", value: metadataValue(depth: 0))) }
        return Issue(
            title: optionalText(),
            subtitle: optionalText(),
            authors: (0..<int(0...3)).map { _ in text() },
            date: Self.dates.randomElement(using: &random)!,
            slug: optionalText(),
            tags: (0..<int(0...3)).map { _ in text() },
            metadata: metadata,
            preamble: text(),
            sections: sections,
            links: headerLinks + sections.flatMap(\.links)
        )
    }

    private mutating func section() -> Section {
        Section(
            heading: text(), title: text(), emoji: optionalText(), level: int(1...6), body: text(),
            links: (0..<int(0...3)).map { _ in link() }, range: range(), headingRange: range()
        )
    }

    private mutating func link() -> Link {
        let destination = text()
        return Link(
            text: text(),
            destination: destination,
            rawDestination: Bool.random(using: &random) ? destination : text(),
            title: optionalText(),
            kind: Link.Kind.allCases.randomElement(using: &random)!,
            range: range(),
            destinationRange: range()
        )
    }

    private mutating func range() -> SourceRange? {
        guard Bool.random(using: &random) else { return nil }
        let start = SourceLocation(offset: int(0...5_000), line: int(1...200), column: int(1...120))
        let end = SourceLocation(offset: start.offset + int(0...500), line: start.line + int(0...3), column: int(1...120))
        return SourceRange(start: start, end: end)
    }

    private mutating func metadataValue(depth: Int) -> MetadataValue {
        switch int(depth < 3 ? 0...6 : 0...4) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return Self.numbers.randomElement(using: &random)!
        case 3, 4: return .string(text())
        case 5: return .list((0..<int(0...3)).map { _ in metadataValue(depth: depth + 1) })
        default:
            return .mapping(Metadata((0..<int(0...3)).map { index in
                Metadata.Entry(key: "\(text())\(index)", value: metadataValue(depth: depth + 1))
            }))
        }
    }

    private mutating func text() -> String {
        (0..<int(0...4)).map { _ in Self.fragments.randomElement(using: &random)! }.joined()
    }

    private mutating func optionalText() -> String? {
        Bool.random(using: &random) ? text() : nil
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &random)
    }
}
