import NewsletterCore

/// What a Markdown writer lost without knowing: the parts of an issue that do not read back from the text it wrote.
///
/// A Markdown draft holds sections and links only as text: a section's title, emoji and level come from its
/// heading line, and a link exists only where the preamble or a body writes it. An issue from another format can
/// say otherwise (a JSON `links` entry no body mentions, a section titled differently from its heading, a body
/// holding a heading of its own), and writing it as Markdown then loses those parts. Comparing the issue with what
/// the written text reads back as finds them, so that the writer reports them as warnings instead of dropping them.
///
/// ```swift
/// var warnings = ...   // what the writer knew it could not hold
/// let readBack = try decode(SourceText(text))
/// warnings += MarkdownReadBack.lostParts(of: issue, readBack: readBack, reported: warnings)
/// ```
public enum MarkdownReadBack {
    /// Warnings for the header fields, sections and links of `issue` that `readBack` does not hold, leaving out
    /// fields that `reported` already names (a warning on `authors[1]` covers that author).
    public static func lostParts(of issue: Issue, readBack: Issue, reported: [ConversionWarning]) -> [ConversionWarning] {
        let reportedFields = Set(reported.map(\.field))
        var warnings: [ConversionWarning] = []
        func compare(_ field: String, _ written: String?, _ read: String?) {
            guard written != read, !reportedFields.contains(field) else { return }
            warnings.append(ConversionWarning(field: field, message: "written as \(quoted(written)) but reads back as \(quoted(read))"))
        }
        compare("title", issue.title, readBack.title)
        compare("subtitle", issue.subtitle, readBack.subtitle)
        compare("date", issue.date?.text, readBack.date?.text)
        compare("slug", issue.slug, readBack.slug)
        warnings += lostNames(issue.authors, readBack: readBack.authors, field: "authors", reported: reportedFields)
        warnings += lostNames(issue.tags, readBack: readBack.tags, field: "tags", reported: reportedFields)
        warnings += lostSections(issue.sections, readBack: readBack.sections)
        warnings += lostLinks(issue.links, readBack: readBack.links)
        return warnings
    }

    /// Names not read back in order; the reported ones are not written, so they are skipped on both sides.
    private static func lostNames(_ names: [String], readBack: [String], field: String, reported: Set<String>) -> [ConversionWarning] {
        guard !reported.contains(field) else { return [] }
        var remaining = readBack.makeIterator()
        var warnings: [ConversionWarning] = []
        for (index, name) in names.enumerated() where !reported.contains("\(field)[\(index)]") {
            if remaining.next() != name {
                warnings.append(ConversionWarning(field: "\(field)[\(index)]", message: "written as \(quoted(name)) but does not read back"))
            }
        }
        return warnings
    }

    /// Sections whose heading does not read back as their title, emoji and level; or, when the text reads back as a
    /// different number of sections, one warning for all of them.
    private static func lostSections(_ sections: [Section], readBack: [Section]) -> [ConversionWarning] {
        guard sections.count == readBack.count else {
            return [ConversionWarning(
                field: "sections",
                message: "\(sections.count) sections are written but the text reads back as \(readBack.count): a heading inside a body starts a section, a heading that is not one joins the body before it"
            )]
        }
        var warnings: [ConversionWarning] = []
        for (index, (written, read)) in zip(sections, readBack).enumerated() {
            if written.title != read.title || written.emoji != read.emoji || written.level != read.level {
                warnings.append(ConversionWarning(
                    field: "sections[\(index)]",
                    message: "the heading \(quoted(read.heading)) reads back as title \(quoted(read.title)), emoji \(quoted(read.emoji)), level \(read.level), not \(quoted(written.title)), \(quoted(written.emoji)), \(written.level)"
                ))
            }
        }
        return warnings
    }

    /// Links that no link read back matches in text, destination, kind and title, matched in order. A data-field link
    /// says nothing of how a text writes it, so any link read back to its destination holds it.
    ///
    /// Each link takes the first link read back, in order and not yet taken, that matches it: found through queues of
    /// the links read back by what must match (all four, or the destination alone for a data-field link) rather than by
    /// searching and removing from one list, which was quadratic in a draft of many links.
    private static func lostLinks(_ links: [Link], readBack: [Link]) -> [ConversionWarning] {
        var exact = LinkQueues<ExactLink>()
        var byDestination = LinkQueues<String>()
        for (index, link) in readBack.enumerated() {
            exact.append(index, to: ExactLink(link))
            byDestination.append(index, to: link.destination)
        }
        var taken = [Bool](repeating: false, count: readBack.count)
        var warnings: [ConversionWarning] = []
        for (index, link) in links.enumerated() {
            let match = link.kind == .dataField
                ? byDestination.takeFirst(of: link.destination, skipping: taken)
                : exact.takeFirst(of: ExactLink(link), skipping: taken)
            if let match {
                taken[match] = true
            } else {
                warnings.append(ConversionWarning(
                    field: "links[\(index)]",
                    message: "the \(link.kind.rawValue) link \(quoted(link.text)) to \(link.destination) is not written as such in the text, so the draft does not hold it"
                ))
            }
        }
        return warnings
    }

    /// What a link that is not a data field must share with a link read back to be held by it.
    private struct ExactLink: Hashable {
        let destination: String
        let text: String
        let kind: Link.Kind
        let title: String?

        init(_ link: Link) {
            destination = link.destination
            text = link.text
            kind = link.kind
            title = link.title
        }
    }

    /// Indices of the links read back, in order, per key; each queue's head moves past the links taken, so that every
    /// index is passed over once at most.
    private struct LinkQueues<Key: Hashable> {
        private var queues: [Key: (indices: [Int], head: Int)] = [:]

        mutating func append(_ index: Int, to key: Key) {
            queues[key, default: ([], 0)].indices.append(index)
        }

        /// The first index of `key`'s queue not `taken`, or nil.
        mutating func takeFirst(of key: Key, skipping taken: [Bool]) -> Int? {
            guard var queue = queues.removeValue(forKey: key) else { return nil }
            defer { queues[key] = queue }
            while queue.head < queue.indices.count {
                let index = queue.indices[queue.head]
                queue.head += 1
                if !taken[index] { return index }
            }
            return nil
        }
    }

    private static func quoted(_ text: String?) -> String {
        text.map { "'\($0)'" } ?? "nothing"
    }
}
