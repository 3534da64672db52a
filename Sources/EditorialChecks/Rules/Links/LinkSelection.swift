import NewsletterCore

/// The links the link rules look at, and where to point at them.
enum LinkSelection {
    /// The issue's links whose destination the configuration does not exclude.
    static func links(_ context: CheckContext) -> [Link] {
        let policy = context.configuration.links
        guard !policy.exclude.isEmpty else { return context.issue.links }
        return context.issue.links.filter { !policy.excludes($0.destination) }
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
