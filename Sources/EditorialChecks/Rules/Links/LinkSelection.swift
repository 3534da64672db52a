import NewsletterCore

/// The links the link rules look at, and where to point at them.
enum LinkSelection {
    /// The links whose destination the configuration does not exclude.
    static func links(_ context: CheckContext) -> [Link] {
        context.linkFacts.links(context)
    }

    /// The links of ``links(_:)``, each with the placeholder found in its destination (`nil` when there is none),
    /// looked for once per check whichever rules ask.
    static func linksWithDestinationPlaceholders(_ context: CheckContext) -> Zip2Sequence<[Link], [String?]> {
        zip(context.linkFacts.links(context), context.linkFacts.destinationPlaceholders(context))
    }

    /// The whole link, or the start of the file for links without a position (built in code, some JSON).
    static func range(of link: Link, _ context: CheckContext) -> SourceRange {
        link.range ?? context.startOfFile
    }

    /// The destination as written when it has a position and is not empty, otherwise the whole link.
    static func destinationRange(of link: Link, _ context: CheckContext) -> SourceRange {
        if let range = link.destinationRange, !range.isEmpty { return range }
        return range(of: link, context)
    }

    /// The placeholder detector configured for this check.
    static func placeholders(_ context: CheckContext) -> PlaceholderDetector {
        PlaceholderDetector(extraPatterns: context.configuration.links.placeholderPatterns)
    }
}
