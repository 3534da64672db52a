/// A reader and writer for one draft format. Adapters are how NewsletterKit learns a format:
/// the built-in ones (`beehiiv`, `front-matter`, `json`) and a third party's are written the same way
/// and registered with ``FormatRegistry``.
///
/// Adapters are lenient readers: ``decode(_:)`` accepts anything well-formed in the format (a draft with no
/// title or no sections decodes) and keeps text exactly as written; only text that is not well-formed
/// for the format is an error.
///
/// ```swift
/// struct PlainTextAdapter: FormatAdapter {
///     let identifier = "plain-text"
///     let name = "Plain text"
///     let fileExtensions = ["txt"]
///     func sniff(_ source: SourceText) -> FormatConfidence { .possible }
///     func decode(_ source: SourceText) throws(NewsletterError) -> Issue {
///         Issue(title: source.lineText(1).isEmpty ? nil : String(source.lineText(1)), preamble: source.text)
///     }
///     func encode(_ issue: Issue) throws(NewsletterError) -> EncodedIssue {
///         EncodedIssue(text: issue.preamble)
///     }
/// }
/// ```
public protocol FormatAdapter: Sendable {
    /// A stable kebab-case identifier users pass on the command line (`beehiiv`, `front-matter`, `json`).
    var identifier: String { get }
    /// A human-readable name.
    var name: String { get }
    /// File name extensions without the dot, lower-case (`md`, `json`).
    var fileExtensions: [String] { get }
    /// How sure the adapter is that `source` is in its format, judged from content alone.
    func sniff(_ source: SourceText) -> FormatConfidence
    /// Reads a draft; positions in the result point into `source`.
    func decode(_ source: SourceText) throws(NewsletterError) -> Issue
    /// Writes a draft, reporting every field of `issue` the format cannot hold.
    func encode(_ issue: Issue) throws(NewsletterError) -> EncodedIssue
    /// Reads a draft together with the Markdown syntax tree of its prose, for rules that judge how Markdown is
    /// written. The default gives ``decode(_:)``'s issue and no tree, so a format that holds no Markdown gets no
    /// Markdown rules; Markdown formats return the tree their issue was derived from.
    func decodeDraft(_ source: SourceText) throws(NewsletterError) -> DecodedDraft
}

extension FormatAdapter {
    /// The issue of ``decode(_:)`` and no syntax tree.
    public func decodeDraft(_ source: SourceText) throws(NewsletterError) -> DecodedDraft {
        DecodedDraft(issue: try decode(source))
    }
}
