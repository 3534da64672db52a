/// The sections of one draft as an adapter outlined them: for each, which heading starts it, where its links start in
/// the list and where its title and emoji stand in the heading's plain text. Every other part (body, ranges)
/// follows from the heading and the next section's.
///
/// The ``Section``s an adapter reads are views of one entry each (see ``HeadingTable`` for why).
package final class SectionTable: Sendable {
    /// One section.
    package struct Entry: Sendable {
        /// The index of the section's heading in the heading table.
        package var heading: UInt32
        /// The index in the link list of the section's first link.
        package var linkStart: UInt32
        /// The emoji's UTF-8 offsets in the heading's plain text; equal when the heading has none.
        package var emojiStart: UInt32
        package var emojiEnd: UInt32
        /// The title's UTF-8 offsets in the heading's plain text.
        package var titleStart: UInt32
        package var titleEnd: UInt32

        /// A section starting at heading `heading`, with its first link at `linkStart` and its title split as given.
        package init(heading: Int, linkStart: Int, emoji: Range<Int>?, title: Range<Int>) {
            self.heading = UInt32(heading)
            self.linkStart = UInt32(linkStart)
            emojiStart = UInt32(emoji?.lowerBound ?? 0)
            emojiEnd = UInt32(emoji?.upperBound ?? 0)
            titleStart = UInt32(title.lowerBound)
            titleEnd = UInt32(title.upperBound)
        }
    }

    /// The draft's headings, of which the sections' are some.
    package let headings: HeadingTable
    /// The draft's links in document order; each section's are a run of them.
    package let links: [Link]
    /// The sections in document order.
    package let entries: [Entry]
    /// Where the last section ends: the end of the body.
    package let end: SourceLocation
    /// The index in ``links`` past the last section's links.
    package let linkEnd: Int

    /// The sections `entries` of a draft with `headings` and `links`, the last ending at `end` and its links at `linkEnd`.
    package init(headings: HeadingTable, links: [Link], entries: [Entry], end: SourceLocation, linkEnd: Int) {
        self.headings = headings
        self.links = links
        self.entries = entries
        self.end = end
        self.linkEnd = linkEnd
    }

    /// The section at `index`, as a view of this table.
    package func section(at index: Int) -> Section {
        Section(table: self, index: index)
    }

    func headingText(at index: Int) -> Substring {
        headings.sourceText(at: Int(entries[index].heading))
    }

    func headingRange(at index: Int) -> SourceRange {
        headings.entries[Int(entries[index].heading)].range
    }

    func level(at index: Int) -> Int {
        Int(headings.entries[Int(entries[index].heading)].level)
    }

    func title(at index: Int) -> String {
        let entry = entries[index]
        return headings.plainText(at: Int(entry.heading), part: Int(entry.titleStart)..<Int(entry.titleEnd))
    }

    func emoji(at index: Int) -> String? {
        let entry = entries[index]
        guard entry.emojiEnd > entry.emojiStart else { return nil }
        return headings.plainText(at: Int(entry.heading), part: Int(entry.emojiStart)..<Int(entry.emojiEnd))
    }

    /// From the heading's start to the next section's heading, or the end of the body.
    func range(at index: Int) -> SourceRange {
        SourceRange(start: headingRange(at: index).start, end: sectionEnd(at: index))
    }

    /// From past the heading's line ending to the section's end.
    func bodyText(at index: Int) -> Substring {
        let end = sectionEnd(at: index).offset
        let start = min(Int(headings.entries[Int(entries[index].heading)].contentStart), end)
        return headings.source.slice(start..<end)
    }

    func linkList(at index: Int) -> ArraySlice<Link> {
        let end = index + 1 < entries.count ? Int(entries[index + 1].linkStart) : linkEnd
        return links[Int(entries[index].linkStart)..<end]
    }

    private func sectionEnd(at index: Int) -> SourceLocation {
        index + 1 < entries.count ? headingRange(at: index + 1).start : end
    }
}
