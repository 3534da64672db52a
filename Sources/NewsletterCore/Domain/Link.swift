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
    public var destination: String {
        get { String(storedDestination) }
        set {
            // The destination as written stays what it was: until now it was this one.
            if written?.rawDestination == nil, newValue != storedDestination {
                written = Written(rawDestination: String(storedDestination), title: written?.title)
            }
            storedDestination = Substring(newValue)
        }
    }
    /// ``destination`` without making a `String` of it: for code that compares or hashes many destinations. Inlinable, so
    /// that a rule reading it from a list of links reads the field rather than copy the link to call a getter.
    @inlinable package var destinationText: Substring { storedDestination }
    /// ``rawDestination`` without making a `String` of it; inlinable for the same reason as ``destinationText``.
    @inlinable package var rawDestinationText: Substring { written?.rawDestination.map { Substring($0) } ?? storedDestination }

    /// The destination exactly as written in the source.
    public var rawDestination: String {
        get { written?.rawDestination ?? String(storedDestination) }
        set { setWritten(rawDestination: newValue, title: title) }
    }
    /// The title (`[a](url "title")`), if any.
    public var title: String? {
        get { written?.title }
        set { setWritten(rawDestination: rawDestination, title: newValue) }
    }
    /// The whole link, from `[` (or `!`, `<`, the first URL character) to its end.
    public var range: SourceRange?
    /// The destination alone, as written.
    public var destinationRange: SourceRange?
    /// How the link is written.
    public var kind: Kind

    /// A slice of the source text when an adapter found the destination there as it resolves (the `package`
    /// initialiser taking `sourceDestination`): most destinations are longer than a `String` holds inline.
    @usableFromInline var storedDestination: Substring
    /// What most links do not have: a title, or a destination written otherwise than it resolves. Kept aside, so that
    /// a link is 112 bytes rather than 144 (a dense draft has a link every 64 bytes).
    @usableFromInline var written: Written?

    /// The rarer parts of a link; replaced whole when one changes, so that copies of a link never share a change.
    @usableFromInline final class Written: Sendable {
        @usableFromInline let rawDestination: String?
        let title: String?

        init(rawDestination: String?, title: String?) {
            self.rawDestination = rawDestination
            self.title = title
        }
    }

    private mutating func setWritten(rawDestination: String, title: String?) {
        let raw = rawDestination == storedDestination ? nil : rawDestination
        written = raw == nil && title == nil ? nil : Written(rawDestination: raw, title: title)
    }

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
        storedDestination = Substring(destination)
        self.kind = kind
        self.range = range
        self.destinationRange = destinationRange
        setWritten(rawDestination: rawDestination ?? destination, title: title)
    }

    /// Creates a link whose destination is written in the source exactly as it resolves: `sourceDestination` is that
    /// slice of the source text, kept as a slice (the link then keeps the source text alive, as a section's body does).
    package init(
        text: String,
        sourceDestination: Substring,
        title: String?,
        kind: Kind,
        range: SourceRange?,
        destinationRange: SourceRange?
    ) {
        self.text = text
        storedDestination = sourceDestination
        self.kind = kind
        self.range = range
        self.destinationRange = destinationRange
        written = title.map { Written(rawDestination: nil, title: $0) }
    }

    /// Whether two links have the same text, destinations, title, kind and ranges.
    public static func == (lhs: Link, rhs: Link) -> Bool {
        lhs.text == rhs.text && lhs.storedDestination == rhs.storedDestination && lhs.rawDestination == rhs.rawDestination
            && lhs.title == rhs.title && lhs.kind == rhs.kind && lhs.range == rhs.range && lhs.destinationRange == rhs.destinationRange
    }

    private enum CodingKeys: String, CodingKey {
        case text, destination, rawDestination, title, kind, range, destinationRange
    }

    /// Decodes a link from the keys it is encoded with; a missing `title` or range is `nil`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            text: try container.decode(String.self, forKey: .text),
            destination: try container.decode(String.self, forKey: .destination),
            rawDestination: try container.decode(String.self, forKey: .rawDestination),
            title: try container.decodeIfPresent(String.self, forKey: .title),
            kind: try container.decode(Kind.self, forKey: .kind),
            range: try container.decodeIfPresent(SourceRange.self, forKey: .range),
            destinationRange: try container.decodeIfPresent(SourceRange.self, forKey: .destinationRange)
        )
    }

    /// Encodes the link's text, destinations, kind and, when present, title and ranges.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(destination, forKey: .destination)
        try container.encode(rawDestination, forKey: .rawDestination)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(range, forKey: .range)
        try container.encodeIfPresent(destinationRange, forKey: .destinationRange)
    }

    /// The destination parsed as a URL (absolute or relative), or `nil` when it is not a well-formed URL
    /// (spaces, bad characters, a broken authority). Nothing is percent-encoded on the way.
    public var url: URL? {
        guard !destination.isEmpty, let components = URLComponents(string: destination) else { return nil }
        return components.url
    }
}
