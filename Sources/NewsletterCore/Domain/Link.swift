import Foundation

/// A link or image in an issue.
public struct Link: Sendable, Equatable, Codable {
    /// How the link is written. The first five are Markdown syntax; ``dataField`` and ``html`` come from formats
    /// that are not Markdown, and rules that read or edit link syntax (the brackets of `[text](url)`) leave them alone.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// `[text](destination)`
        case inline
        /// `[text][label]`, `[text][]` or `[label]`, resolved through a definition.
        case reference
        /// `<https://...>`
        case autolink
        /// A URL written as plain text: `see https://...`.
        case bareURL
        /// `![alt](destination)`; ``Link/text`` holds the alt text.
        case image
        /// A URL held in a data field (a JSON Feed item's `url`, a link object without a recorded `kind` in the JSON
        /// form): ``Link/range`` is the field or object, ``Link/destinationRange`` the URL string's content when it
        /// is written without escapes, and ``Link/text`` whatever text the format pairs with it, often none.
        case dataField
        /// An HTML element `<a href="destination">text</a>`: ``Link/range`` is the element, ``Link/destinationRange``
        /// the attribute value inside its quotes, ``Link/text`` the element's text without tags.
        case html
    }

    /// The link text (or an image's alt text) reduced to plain text: markup and inline HTML such as `<u>` removed.
    public var text: String
    /// The destination with Markdown escapes and entities resolved (`a\&b` becomes `a&b`).
    public var destination: String
    /// The destination exactly as written in the source.
    public var rawDestination: String
    /// The title (`[a](url "title")`), if any.
    public var title: String?
    /// How the link is written.
    public var kind: Kind
    /// The whole link, from `[` (or `!`, `<`, the first URL character) to its end.
    public var range: SourceRange?
    /// The destination alone, as written.
    public var destinationRange: SourceRange?

    /// Creates a link; `rawDestination` defaults to `destination` for links built in code.
    public init(
        text: String,
        destination: String,
        rawDestination: String? = nil,
        title: String? = nil,
        kind: Kind,
        range: SourceRange? = nil,
        destinationRange: SourceRange? = nil
    ) {
        self.text = text
        self.destination = destination
        self.rawDestination = rawDestination ?? destination
        self.title = title
        self.kind = kind
        self.range = range
        self.destinationRange = destinationRange
    }

    /// The destination parsed as a URL (absolute or relative), or `nil` when it is not a well-formed URL
    /// (spaces, bad characters, a broken authority). Nothing is percent-encoded on the way.
    public var url: URL? {
        guard !destination.isEmpty, let components = URLComponents(string: destination) else { return nil }
        return components.url
    }
}
