import NewsletterCore

extension CheckContext {
    /// Where to report a problem with a whole link: its `Link.range`; for a link without one (built
    /// in code, or whose positions did not fit the text) the heading of the section holding it; else the start of the
    /// file. Every built-in link rule reports here, so a third-party rule that does too lands where ours do.
    ///
    /// ```swift
    /// for link in context.issue.links where !link.destination.contains("utm_source=") {
    ///     diagnostics.append(context.diagnostic("link has no utm_source", at: context.destinationRange(of: link)))
    /// }
    /// ```
    public func range(of link: Link) -> SourceRange {
        if let range = link.range { return range }
        return sectionRange(holding: link) ?? startOfFile
    }

    /// Where to report a problem with a link's destination: the destination as written
    /// (`Link.destinationRange`) when it has a position and is not empty, otherwise where
    /// ``range(of:)`` reports the whole link. An edit of the destination belongs at
    /// `Link.destinationRange` itself, never at this fallback.
    public func destinationRange(of link: Link) -> SourceRange {
        if let range = link.destinationRange, !range.isEmpty { return range }
        return range(of: link)
    }

    /// The heading (or whole range) of the first section listing `link`; looked for only for links without a position.
    private func sectionRange(holding link: Link) -> SourceRange? {
        guard let section = issue.sections.first(where: { $0.linkList.contains(link) }) else { return nil }
        return section.headingRange ?? section.range
    }
}
