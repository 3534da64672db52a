import NewsletterCore

/// A format of the tests' own, standing for a third party's: `.notes` files whose first line is the title and whose
/// other lines are prose. The shipped checker does not know it; tools get it through `EditorialCheckTool.adding(format:)`.
struct NotesAdapter: FormatAdapter {
    let identifier = "notes"
    let name = "Notes"
    let fileExtensions = ["notes"]

    /// Any text can be notes, but nothing says it is: the extension or `--format-in` decides.
    func sniff(_ source: SourceText) -> FormatConfidence { .possible }

    func decode(_ source: SourceText) throws(NewsletterError) -> Issue {
        let parts = source.text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let title = parts.first.map(String.init) ?? ""
        return Issue(title: title.isEmpty ? nil : title, preamble: parts.count > 1 ? String(parts[1]) : "")
    }

    func encode(_ issue: Issue) throws(NewsletterError) -> EncodedIssue {
        EncodedIssue(text: "\(issue.title ?? "")\n\(issue.preamble)")
    }
}
