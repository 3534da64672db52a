import NewsletterCore

/// Makes sure the positions in a decoded issue point into the text being checked.
///
/// Rules report at the issue's ranges and fixes edit them, so a range that points elsewhere (positions that refer
/// to another file) would put diagnostics in the wrong place and let fixes corrupt the text. The check is cheap and
/// per part: a link keeps its positions when its destination range holds its destination as written (or, in formats
/// that store it resolved, such as JSON, the resolved destination); a section keeps its positions when its heading
/// range holds its heading. A part that does not fit loses its positions alone, and rules fall back to the start of
/// the file for it.
enum IssuePositions {
    static func verified(_ issue: Issue, against source: SourceText) -> Issue {
        // Changed in place, and only where a position does not fit: positions normally fit, and rebuilding every link
        // and section cost as much as a rule. The misfits are found first, so that an issue where everything fits is
        // not copied at all (a write inside the loop let the compiler copy the whole array ahead of it).
        var verified = issue
        for index in issue.links.indices.filter({ !fits(issue.links[...], $0, source) }) {
            dropPositions(of: &verified.links[index])
        }
        // A section's links are read as its part of the issue's list (`linkList`): its public `links` is a copy.
        let sectionMisfits = issue.sections.indices.filter { sectionIndex in
            let links = issue.sections[sectionIndex].linkList
            return !fits(issue.sections, sectionIndex, source) || links.indices.contains { !fits(links, $0, source) }
        }
        for sectionIndex in sectionMisfits {
            if !fits(issue.sections, sectionIndex, source) {
                verified.sections[sectionIndex].range = nil
                verified.sections[sectionIndex].headingRange = nil
            }
            let links = issue.sections[sectionIndex].links
            for index in links.indices where !fits(links[...], index, source) {
                dropPositions(of: &verified.sections[sectionIndex].links[index])
            }
        }
        return verified
    }

    /// Whether the section at `index` has a range inside the text and a heading range that holds its heading (or none).
    private static func fits(_ sections: [Section], _ index: Int, _ source: SourceText) -> Bool {
        if let range = sections[index].range, !fits(range, source) { return false }
        guard let range = sections[index].headingRange else { return true }
        return fits(range, source) && source[range] == sections[index].headingText
    }

    /// Whether the link at `index` has no destination position, or one that holds its destination; read in place,
    /// as passing the link itself would copy it.
    private static func fits(_ links: ArraySlice<Link>, _ index: Int, _ source: SourceText) -> Bool {
        if let range = links[index].range, !fits(range, source) { return false }
        guard let range = links[index].destinationRange else { return true }
        guard fits(range, source) else { return false }
        let written = source[range]
        return holds(written, links[index].rawDestinationText) || holds(written, links[index].destinationText)
    }

    private static func dropPositions(of link: inout Link) {
        link.range = nil
        link.destinationRange = nil
    }

    /// Whether `written` is `expected`: the same bytes, which is the usual case and cheap to confirm, or else the
    /// same text by `String` comparison (canonically equivalent characters).
    private static func holds(_ written: Substring, _ expected: Substring) -> Bool {
        written.hasSameUTF8(as: expected) == true || written == expected
    }

    private static func fits(_ range: SourceRange, _ source: SourceText) -> Bool {
        // A range decoded or mutated into ending before it starts would trap when sliced.
        range.start.offset >= 0 && range.start.offset <= range.end.offset && range.end.offset <= source.utf8Count
    }
}
