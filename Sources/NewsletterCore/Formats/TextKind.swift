/// What a format's text is, as its adapter declares it: which rules can read it, and how its positions relate to
/// the prose a writer typed.
///
/// Rules declare the kinds they apply to (`RuleDescription.textKinds` in EditorialChecks), and the rule engine runs a
/// rule on a draft only when the draft's kind is among them. So a rule about how Markdown is written never reads a JSON
/// string, whatever the format is called.
///
/// ```swift
/// struct JSONFeedAdapter: FormatAdapter {
///     let textKind = TextKind.markdownInStrings   // JSON whose string fields hold Markdown
///     // ...
/// }
/// ```
public enum TextKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The file is Markdown (possibly after a front-matter block or header lines): positions in its syntax tree and
    /// its links' ranges are positions of Markdown syntax in the file, so a rule may read and edit them as Markdown.
    case markdown
    /// A data format (JSON, YAML) whose string fields hold Markdown: the prose is Markdown once decoded, but the file
    /// writes it quoted and escaped, so rules that read or edit Markdown syntax in the file must not run on it.
    case markdownInStrings
    /// Text without markup.
    case plainText
    /// HTML: links are `<a href>` elements, prose is the text between tags.
    case html
}
