/// A reader and writer for one draft format. Adapters are how NewsletterKit learns a format:
/// the built-in ones (`beehiiv`, `front-matter`, `json`) and a third party's are written the same way
/// and registered with ``FormatRegistry``.
///
/// Adapters are lenient readers: ``decode(_:)`` accepts anything well-formed in the format (a draft with no
/// title or no sections decodes) and keeps text exactly as written; only text that is not well-formed
/// for the format is an error. What each field of the issue must hold, what positions mean for a format that is not
/// Markdown, and what the checker does with an adapter that breaks these rules is in <doc:WritingAFormatAdapter>.
///
/// ```swift
/// struct PlainTextAdapter: FormatAdapter {
///     let identifier = "plain-text"
///     let name = "Plain text"
///     let fileExtensions = ["txt"]
///     let textKind = TextKind.plainText
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
    /// What the format's text is (Markdown, Markdown inside string fields, plain text, HTML), which decides the rules
    /// that read it. The default is ``TextKind/plainText``, on which no rule about Markdown syntax runs; Markdown
    /// formats declare ``TextKind/markdown``. The engine reads the kind of each draft (``DecodedDraft/textKind``):
    /// the default ``decodeDraft(_:)`` copies this one there, and one of your own should give the same.
    var textKind: TextKind { get }
    /// How sure the adapter is that `source` is in its format, judged from content alone.
    func sniff(_ source: SourceText) -> FormatConfidence
    /// Reads a draft; positions in the result point into `source`.
    func decode(_ source: SourceText) throws(NewsletterError) -> Issue
    /// Writes a draft, reporting every field of `issue` the format cannot hold.
    func encode(_ issue: Issue) throws(NewsletterError) -> EncodedIssue
    /// Writes a draft to `output` as it is produced, and returns what ``encode(_:)`` reports in
    /// ``EncodedIssue/warnings``; the text written is ``encode(_:)``'s. The default writes ``encode(_:)``'s text in
    /// one piece; a format whose text can be much larger than the issue (the JSON form) writes it in parts, so that
    /// the whole text is never in memory.
    ///
    /// An error of the encoding itself (an issue the format cannot write at all) is thrown before anything is
    /// written; an error that `output` throws ends the encoding where it happened.
    func encode(_ issue: Issue, to output: inout some EncodedTextOutput) throws(NewsletterError) -> [ConversionWarning]
    /// Reads a draft together with what rules need beyond the issue: the Markdown syntax tree of its prose (for rules
    /// that judge how Markdown is written), its ``TextKind`` and its prose ranges. The default gives ``decode(_:)``'s
    /// issue, no tree, ``textKind`` and no prose ranges; Markdown formats return the tree their issue was derived
    /// from, other formats the ranges of their prose fields (``DecodedDraft/proseRanges``).
    func decodeDraft(_ source: SourceText) throws(NewsletterError) -> DecodedDraft
}

extension FormatAdapter {
    /// ``TextKind/plainText``: an adapter written before text kinds existed gets no rule about Markdown syntax.
    public var textKind: TextKind { .plainText }

    /// ``encode(_:)``'s text written to `output` in one piece, and its warnings.
    public func encode(_ issue: Issue, to output: inout some EncodedTextOutput) throws(NewsletterError) -> [ConversionWarning] {
        var encoded = try encode(issue)
        let written = encoded.text.withUTF8 { text in
            Result { () throws(NewsletterError) in try output.write(UnsafeRawBufferPointer(text)) }
        }
        try written.get()
        return encoded.warnings
    }

    /// The issue of ``decode(_:)``, no syntax tree, and the adapter's ``textKind``.
    public func decodeDraft(_ source: SourceText) throws(NewsletterError) -> DecodedDraft {
        DecodedDraft(issue: try decode(source), textKind: textKind)
    }
}
