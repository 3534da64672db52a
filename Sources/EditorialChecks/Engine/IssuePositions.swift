import NewsletterCore

/// Makes sure the positions in a decoded issue point into the text being checked.
///
/// Rules report at the issue's ranges and fixes edit them, so a range that points elsewhere (an issue whose
/// positions refer to another file, such as a JSON form that records where links stood in the original
/// Markdown) would put diagnostics in the wrong place and let fixes corrupt the text. The check is cheap:
/// each link's destination range must hold its destination as written, each heading range its heading.
enum IssuePositions {
    /// `issue` unchanged when its positions fit `source`, otherwise `issue` with every position removed,
    /// so that rules fall back to reporting at the start of the file.
    static func verified(_ issue: Issue, against source: SourceText) -> Issue {
        let linksFit = issue.links.allSatisfy { link in
            guard let range = link.destinationRange else { return true }
            return fits(range, source) && source[range] == link.rawDestination
        }
        let headingsFit = issue.sections.allSatisfy { section in
            guard let range = section.headingRange else { return true }
            return fits(range, source) && source[range] == section.heading
        }
        guard !(linksFit && headingsFit) else { return issue }
        var stripped = issue
        stripped.links = issue.links.map(withoutPositions)
        stripped.sections = issue.sections.map { section in
            var section = section
            section.range = nil
            section.headingRange = nil
            section.links = section.links.map(withoutPositions)
            return section
        }
        return stripped
    }

    private static func fits(_ range: SourceRange, _ source: SourceText) -> Bool {
        range.end.offset <= source.utf8Count
    }

    private static func withoutPositions(_ link: Link) -> Link {
        var link = link
        link.range = nil
        link.destinationRange = nil
        return link
    }
}
