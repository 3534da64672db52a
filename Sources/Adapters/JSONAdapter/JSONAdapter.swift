import NewsletterCore

/// Format `json`: the canonical, versioned JSON form of an `Issue`, for pipelines that exchange issues
/// as data. The form is described in <doc:JSONForm> and by `Schemas/newsletterkit-issue.schema.json`.
///
/// JSON holds every part of an issue, so ``encode(_:)`` loses nothing: ``decode(_:)`` of its output gives the same
/// issue back except for positions, which then point into the JSON text (the positions the JSON records, of the draft
/// the issue was first read from, are kept in `Issue.recordedPositions` and written again by ``encode(_:)``).
/// Output is stable: fixed key order, two-space indentation, ISO 8601 dates and a final newline, so that
/// files diff well under version control.
///
/// ```swift
/// let adapter = JSONAdapter()
/// let json = try adapter.encode(issue).text
/// let again = try adapter.decode(SourceText(json, path: "issue.json"))
/// // again.title == issue.title, ...; again.links[0].range is the link's object in issue.json
/// try adapter.encode(again).text == json   // true
/// ```
///
/// Decoding is lenient about what is missing (empty text is an empty issue; every field may be left out except a
/// section's `title` and `level` and a link's `url`) and strict about what is there: malformed JSON and values of the
/// wrong type are errors naming the JSON path and position, such as
/// `draft.json:12:20: error: sections[3].links[0].url: expected a string, found a number`.
/// Fields the form does not define are kept in `Issue.metadata` under their JSON path.
public struct JSONAdapter: FormatAdapter {
    /// The value of the `format` field that marks the canonical form: `newsletterkit-issue`.
    public static let formatName = "newsletterkit-issue"
    /// The version of the form this adapter reads and writes: 1.
    public static let formatVersion = 1

    /// `json`.
    public let identifier = "json"
    /// `NewsletterKit JSON`.
    public let name = "NewsletterKit JSON"
    /// `json`.
    public let fileExtensions = ["json"]
    /// `TextKind.markdownInStrings`: the form's `preamble`, `heading` and `body` strings hold
    /// Markdown, quoted and escaped, so no rule about Markdown syntax reads the file.
    public let textKind = TextKind.markdownInStrings

    /// The limits on nesting depth and input size applied when reading.
    public var limits: Limits

    /// Creates the adapter; `limits` bound what ``decode(_:)`` and ``sniff(_:)`` accept.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// `FormatConfidence.certain` when the text is a JSON object whose `format` is `newsletterkit-issue`,
    /// `FormatConfidence.possible` for any other text starting with `{`, and
    /// `FormatConfidence.none` otherwise.
    public func sniff(_ source: SourceText) -> FormatConfidence {
        guard firstSignificantByte(of: source) == UInt8(ascii: "{") else { return .none }
        guard let value = try? JSONReader(limits: limits).read(source),
              case .string(let format)? = value["format"]?.content, format == Self.formatName
        else { return .possible }
        return .certain
    }

    /// Reads an issue from its JSON form; empty text (or only white space and a byte order mark) is an empty issue.
    ///
    /// A byte order mark is accepted and not remembered: ``encode(_:)`` never writes one (RFC 8259 section 8.1).
    /// Positions in the result point into `source`, so that diagnostics land in the JSON file: a section's and a link's
    /// `range` is its object, a section's `headingRange` the text of its `heading` (or `title`) string, a link's
    /// `destinationRange` the text of its `url` string when that holds no escape (else `nil`). The `range` fields
    /// written in the JSON, where each part was in the draft the issue was first read from, are kept in
    /// `Issue.recordedPositions`.
    ///
    /// Every string (key or value) written with a `\u` escape of a character beyond ASCII, as Python's `json.dumps`
    /// writes all of them, is listed in `Issue.escapedTexts`, decoded, with the way back from its decoded text to
    /// the escapes in the file, so that the mojibake rule can find `\u00fc\u00a7\u00e5` (`ü§å`) and report it
    /// where it is written. A repair written there goes in as UTF-8, unescaped except for what JSON requires
    /// (`EscapedText.written(_:)`): the escapes it replaces were hiding mojibake, not needed characters.
    ///
    /// - Throws: `NewsletterError` naming the line and column, and for values of the wrong type the JSON path.
    public func decode(_ source: SourceText) throws(NewsletterError) -> Issue {
        try decodeDraft(source).issue
    }

    /// Reads an issue as ``decode(_:)`` does, declared as `TextKind.markdownInStrings`, with the
    /// content of its prose strings (`title`, `subtitle`, `preamble`, each section's `heading` and `body`, each link's
    /// `text`) as its prose ranges, written as in the file: read one decoded with
    /// `EscapedText(decoding:in:quoting:)`.
    public func decodeDraft(_ source: SourceText) throws(NewsletterError) -> DecodedDraft {
        let reader = JSONReader(limits: limits)
        try reader.checkSize(of: source)
        guard firstSignificantByte(of: source) != nil else { return DecodedDraft(issue: Issue(), textKind: textKind, proseRanges: []) }
        var decoder = IssueJSONDecoder(source: source)
        let (value, escapedTexts) = try reader.readWithEscapes(source)
        var issue = try decoder.decode(value)
        issue.escapedTexts = escapedTexts
        return DecodedDraft(issue: issue, textKind: textKind, proseRanges: decoder.proseRanges.sorted { $0.lowerBound < $1.lowerBound })
    }

    /// Writes the issue's JSON form. The `range` fields are the issue's own positions, or for an issue read from JSON
    /// the positions it recorded (`Issue.recordedPositions`), never positions in an earlier JSON text.
    /// JSON holds every part of an issue; the only warnings are for what no draft
    /// could hold and only code can build: a metadata number that is not finite (written as `null`), a metadata key
    /// given twice (written once), a range below line 1, column 1 or offset 0 (left out).
    ///
    /// - Throws: `NewsletterError` of kind `unrepresentable` for a section level outside 1 to 6.
    public func encode(_ issue: Issue) throws(NewsletterError) -> EncodedIssue {
        var collected = CollectedText()
        let warnings = try encode(issue, to: &collected)
        return EncodedIssue(text: String(decoding: collected.bytes, as: UTF8.self), warnings: warnings)
    }

    /// Writes the issue's JSON form to `output` as ``encode(_:)`` does, a few tens of kilobytes at a time: the form
    /// of a draft of many short sections is some thirty times the draft, and is never held whole.
    ///
    /// - Throws: `NewsletterError` of kind `unrepresentable` for a section level outside 1 to 6, before anything is
    ///   written; what `output` throws.
    public func encode(_ issue: Issue, to output: inout some EncodedTextOutput) throws(NewsletterError) -> [ConversionWarning] {
        var encoder = IssueJSONEncoder()
        try encoder.write(issue, to: &output)
        return encoder.warnings
    }

    /// The text of ``encode(_:)``, gathered.
    private struct CollectedText: EncodedTextOutput {
        var bytes: [UInt8] = []

        mutating func write(_ utf8: UnsafeRawBufferPointer) throws(NewsletterError) {
            bytes.append(contentsOf: utf8)
        }
    }

    /// The first byte that is not JSON white space, after an optional byte order mark; `nil` for blank text.
    private func firstSignificantByte(of source: SourceText) -> UInt8? {
        let utf8 = source.text.utf8
        let start = source.hasByteOrderMark ? utf8.index(utf8.startIndex, offsetBy: 3) : utf8.startIndex
        return utf8[start...].first { byte in
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): false
            default: true
            }
        }
    }
}
