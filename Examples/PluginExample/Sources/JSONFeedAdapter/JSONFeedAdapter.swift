import Foundation
import NewsletterCore

/// Format `json-feed`: a [JSON Feed 1.1](https://www.jsonfeed.org/version/1.1/) document read as a newsletter issue.
///
/// The feed's title is the issue's title, each item a section (its `title` the title, written as a level-2 heading,
/// its `content_text` the body), and each item's `url` and `external_url` a link from a data field. Values are
/// decoded with Foundation; where each one is written comes from ``JSONFeedLayout``, so that the checker reports at
/// the string in the file and the mojibake rule reads text written with `\u` escapes.
public struct JSONFeedAdapter: FormatAdapter {
    public let identifier = "json-feed"
    public let name = "JSON Feed"
    public let fileExtensions = ["json"]
    /// Item text is plain text in string fields: no rule about Markdown syntax reads it.
    public let textKind = TextKind.plainText

    public init() {}

    /// Certain when the document names a JSON Feed version; the built-in `json` format claims other JSON.
    public func sniff(_ source: SourceText) -> FormatConfidence {
        guard source.text.drop(while: \.isWhitespace).hasPrefix("{") else { return .none }
        return source.text.contains("\"https://jsonfeed.org/version/1") ? .certain : .none
    }

    public func decode(_ source: SourceText) throws(NewsletterError) -> Issue {
        try decodeDraft(source).issue
    }

    /// The issue, and as prose ranges the items' titles and texts, which rules that read prose (and custom pattern
    /// rules with `scope: prose`) search.
    public func decodeDraft(_ source: SourceText) throws(NewsletterError) -> DecodedDraft {
        let feed: Feed
        do {
            feed = try JSONDecoder().decode(Feed.self, from: Data(source.text.utf8))
        } catch {
            throw NewsletterError(.malformedInput, "not a JSON Feed: \(error.localizedDescription)", path: source.path)
        }
        let layout = JSONFeedLayout(source)
        var issue = Issue(title: feed.title, subtitle: feed.description, authors: feed.authors?.compactMap(\.name) ?? [])
        issue.escapedTexts = layout.values.compactMap { EscapedText(decoding: $0, in: source) }
        for (index, item) in (feed.items ?? []).enumerated() {
            let fields = index < layout.items.count ? layout.items[index] : [:]
            // `heading` is the heading as Markdown would write it, so that converting to Markdown keeps it one.
            var section = Section(
                heading: "## " + (item.title ?? ""), title: item.title ?? "", level: 2, body: item.content_text ?? "",
                headingRange: fields["title"].map { source.range(utf8Offsets: $0) }
            )
            for key in ["url", "external_url"] {
                guard let destination = key == "url" ? item.url : item.external_url else { continue }
                let range = fields[key].map { source.range(utf8Offsets: $0) }
                section.links.append(Link(text: "", destination: destination, kind: .dataField, range: range, destinationRange: range))
            }
            issue.sections.append(section)
        }
        issue.links = issue.sections.flatMap(\.links)
        let prose = layout.items.flatMap { fields in ["title", "content_text"].compactMap { fields[$0] } }
        return DecodedDraft(issue: issue, textKind: textKind, proseRanges: prose)
    }

    public func encode(_ issue: Issue) throws(NewsletterError) -> EncodedIssue {
        var warnings: [ConversionWarning] = []
        if !issue.preamble.isEmpty { warnings.append(ConversionWarning(field: "preamble", message: "a JSON Feed has no text before its items")) }
        let feed = Feed(
            version: "https://jsonfeed.org/version/1.1",
            title: issue.title,
            description: issue.subtitle,
            authors: issue.authors.isEmpty ? nil : issue.authors.map { Feed.Author(name: $0) },
            items: issue.sections.enumerated().map { index, section in
                let links = section.links.map(\.destination)
                return Feed.Item(
                    id: String(index + 1), title: section.title, content_text: section.body,
                    url: links.first, external_url: links.count > 1 ? links[1] : nil
                )
            }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = (try? encoder.encode(feed)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? ""
        return EncodedIssue(text: text, warnings: warnings)
    }
}

/// The fields of JSON Feed 1.1 this adapter reads.
struct Feed: Codable {
    struct Author: Codable { var name: String? }
    struct Item: Codable {
        var id: String
        var title: String?
        var content_text: String?
        var url: String?
        var external_url: String?
    }

    var version: String
    var title: String?
    var description: String?
    var authors: [Author]?
    var items: [Item]?
}
