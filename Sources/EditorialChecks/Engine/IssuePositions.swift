import Foundation
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
        var verified = issue
        verified.links = issue.links.map { fitting($0, source) }
        verified.sections = issue.sections.map { section in
            var section = section
            if let range = section.headingRange, !(fits(range, source) && source[range] == section.heading) {
                section.range = nil
                section.headingRange = nil
            }
            section.links = section.links.map { fitting($0, source) }
            return section
        }
        return verified
    }

    private static func fitting(_ link: Link, _ source: SourceText) -> Link {
        guard let range = link.destinationRange else { return link }
        if fits(range, source) {
            let written = source[range]
            if holds(written, link.rawDestination) || holds(written, link.destination) { return link }
        }
        var link = link
        link.range = nil
        link.destinationRange = nil
        return link
    }

    /// Whether `written` is `expected`: the same bytes, which is the usual case and cheap to confirm, or else the
    /// same text by `String` comparison (canonically equivalent characters).
    private static func holds(_ written: Substring, _ expected: String) -> Bool {
        let sameBytes = written.utf8.withContiguousStorageIfAvailable { writtenBytes in
            expected.utf8.withContiguousStorageIfAvailable { expectedBytes in
                writtenBytes.count == expectedBytes.count
                    && (writtenBytes.isEmpty || memcmp(writtenBytes.baseAddress!, expectedBytes.baseAddress!, writtenBytes.count) == 0)
            }
        }
        return sameBytes == true || written == expected
    }

    private static func fits(_ range: SourceRange, _ source: SourceText) -> Bool {
        range.end.offset <= source.utf8Count
    }
}
