import NewsletterCore

/// Writes an ``NewsletterCore/Issue`` in the beehiiv export layout.
///
/// Text fields are written exactly as held. Where an issue built in code would run two blocks together
/// (a preamble not starting on its own line, a body not ending in a line break), a line break is added so that
/// the result reads back with the same sections.
struct BeehiivWriter {
    let issue: Issue

    func encoded() throws(NewsletterError) -> EncodedIssue {
        var warnings: [ConversionWarning] = []
        var header: [String] = []
        if let title = issue.title {
            try requireOneLine(title, field: "title")
            header.append("# \(title)")
        }
        if let subtitle = issue.subtitle {
            try requireOneLine(subtitle, field: "subtitle")
            header.append("### \(subtitle)")
        }
        let avatar = stringMetadata(BeehiivAdapter.authorAvatarKey, warnings: &warnings)
        let authorURL = stringMetadata(BeehiivAdapter.authorURLKey, warnings: &warnings)
        if let avatar { header.append("![Author](\(avatar))") }
        if let dateText = issue.date?.text { try requireOneLine(dateText, field: "date") }
        if let author = issue.authors.first {
            try requireOneLine(author, field: "authors[0]")
            let name = authorURL.map { "[\(author)](\($0))" } ?? author
            if let date = issue.date {
                header.append("\(name)\\\n\(date.text)")
            } else if avatar != nil {
                header.append(name)
            } else {
                warnings.append(ConversionWarning(field: "authors[0]", message: "beehiiv Markdown holds an author only after the avatar or before the date"))
            }
        } else if let date = issue.date {
            header.append(date.text)
            if authorURL != nil {
                warnings.append(ConversionWarning(field: "metadata.\(BeehiivAdapter.authorURLKey)", message: "beehiiv Markdown holds an author link only with an author"))
            }
        }
        for (index, _) in issue.authors.enumerated().dropFirst() {
            warnings.append(ConversionWarning(field: "authors[\(index)]", message: "beehiiv Markdown holds one author"))
        }
        if issue.slug != nil { warnings.append(ConversionWarning(field: "slug", message: "beehiiv Markdown has no slug")) }
        if !issue.tags.isEmpty { warnings.append(ConversionWarning(field: "tags", message: "beehiiv Markdown has no tags")) }
        for key in issue.metadata.keys where key != BeehiivAdapter.authorAvatarKey && key != BeehiivAdapter.authorURLKey {
            warnings.append(ConversionWarning(field: "metadata.\(key)", message: "beehiiv Markdown has no place for this field"))
        }

        var text = header.isEmpty ? "" : header.joined(separator: "\n\n") + "\n"
        var preamble = issue.preamble
        if !header.isEmpty, !Self.isLineBreak(preamble.unicodeScalars.first), !preamble.isEmpty || !issue.sections.isEmpty {
            preamble = "\n" + preamble
        }
        text += preamble
        for (index, section) in issue.sections.enumerated() {
            if !text.isEmpty, !Self.isLineBreak(text.unicodeScalars.last) { text += "\n" }
            let heading = section.heading.isEmpty ? BeehiivSectionHeading.synthesized(for: section) : section.heading
            try requireOneLine(heading, field: "sections[\(index)].heading")
            text += heading + "\n" + section.body
        }
        return EncodedIssue(text: text, warnings: warnings)
    }

    /// Whether `scalar` ends a line in Markdown: a line feed, or a carriage return alone or before one. Asked of
    /// scalars, not characters: `"\r" + "\n"` is one character, so a text ending in a lone `\r` does not end in
    /// `"\n"`, and adding one turned its line break into `\r\n` and the next round trip added a blank line.
    private static func isLineBreak(_ scalar: Unicode.Scalar?) -> Bool {
        scalar == "\n" || scalar == "\r"
    }

    private func requireOneLine(_ value: String, field: String) throws(NewsletterError) {
        if value.contains(where: { $0.isNewline }) {
            throw NewsletterError(.unrepresentable, "\(field) holds a line break, which beehiiv Markdown cannot write on its line")
        }
    }

    private func stringMetadata(_ key: String, warnings: inout [ConversionWarning]) -> String? {
        guard let value = issue.metadata[key] else { return nil }
        guard let string = value.string, !string.contains(where: { $0.isNewline }) else {
            warnings.append(ConversionWarning(field: "metadata.\(key)", message: "beehiiv Markdown holds this field only as a one-line URL"))
            return nil
        }
        return string
    }
}
