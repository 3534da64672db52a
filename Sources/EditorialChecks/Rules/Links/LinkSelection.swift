import NewsletterCore

/// The links the link rules look at, and where to point at them.
///
/// Rules read the links in place, by index (`links[index].destination`): a `for link in links` loop copies every
/// link, five strings each, and with a dozen rules over every link those copies cost more than the rules' own tests.
enum LinkSelection {
    /// The links whose destination the configuration does not exclude.
    static func links(_ context: CheckContext) -> [Link] {
        context.linkFacts.links(context)
    }

    /// The placeholder found in each destination of ``links(_:)`` (same order), `nil` where there is none, looked for
    /// once per check whichever rules ask.
    static func destinationPlaceholders(_ context: CheckContext) -> DestinationPlaceholders {
        context.linkFacts.destinationPlaceholders(context)
    }

    /// Where to report the whole link at `index`: ``CheckContext/range(of:)``.
    static func range(of index: Int, in links: [Link], _ context: CheckContext) -> SourceRange {
        links[index].range ?? context.range(of: links[index])
    }

    /// Where to report the destination of the link at `index`: ``CheckContext/destinationRange(of:)``.
    static func destinationRange(of index: Int, in links: [Link], _ context: CheckContext) -> SourceRange {
        if let range = links[index].destinationRange, !range.isEmpty { return range }
        return range(of: index, in: links, context)
    }

    /// Whether the link at `index` has text a writer typed as link text: Markdown links and HTML elements, not
    /// autolinks, bare URLs, images (alt text) or data fields (whose text, if any, is another field).
    static func hasWrittenText(_ index: Int, in links: [Link]) -> Bool {
        switch links[index].kind {
        case .inline, .reference, .html: true
        case .autolink, .bareURL, .image, .dataField: false
        }
    }

    /// Whether a link text (or alt text) is empty or only white space.
    static func isBlank(_ text: String) -> Bool {
        // A text that starts with a visible ASCII character, the usual case, is not blank: Character's white-space
        // test reads the first scalar, so this answers as it would without breaking the text into characters.
        if let first = text.utf8.first, first < 0x80, first != 0x20, !(0x09...0x0D).contains(first) { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    /// The placeholder detector configured for this check.
    static func placeholders(_ context: CheckContext) -> PlaceholderDetector {
        PlaceholderDetector(extraPatterns: context.configuration.links.placeholderPatterns)
    }
}
