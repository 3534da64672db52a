public import NewsletterCore
import NewsletterMarkdown
public import NewsletterYAML

/// Format `front-matter`: a Markdown draft that opens with a YAML block, as Hugo, Jekyll, Astro and Buttondown
/// write them.
///
/// ```markdown
/// ---
/// title: Weekly Picks
/// date: 2024-02-16
/// tags: [tools, reading]
/// ---
/// Hello again! ...
/// ```
///
/// **Reading.** `---` alone on the first line (after an optional byte order mark), the YAML, then `---` or `...`
/// alone on a line; a later `---` is a Markdown rule in the body. A missing closing line is an error at the opening
/// line. The YAML is read by ``NewsletterYAML/YAMLParser`` (YAML 1.2 core schema: `no` and `on` stay strings) and
/// must be a mapping. Known keys fill the issue: `title` (or Buttondown's `subject`), `subtitle` or `description`,
/// `date` or `publish_date` (the text is kept; YAML timestamps and the forms ``NewsletterCore/PublicationDate``
/// knows are parsed), `author` or `authors` (a string or a list), `tags`, `slug`; a known field of another shape
/// (`title: [a, b]`, `authors: [{name: A}]`) is an error at its value naming the shape it must have, and `null` leaves
/// the key in metadata as if the field were absent. Every other key stays in
/// ``NewsletterCore/Issue/metadata`` in order with its value. The body goes through the shared Markdown layer:
/// every top-level heading starts a section. A file without front matter reads as a body only.
///
/// **Writing.** Known fields first (title, subtitle, date, authors, slug, tags), then the metadata in order,
/// through libyaml's emitter, then the body: preamble, and each section's heading and body as written.
/// A metadata key that would repeat a known field's key, or an earlier metadata key, is left out with a
/// ``NewsletterCore/ConversionWarning``, and so is every section or link the written text does not read back as
/// (`MarkdownReadBack` of NewsletterMarkdown): a link no body mentions, a title its heading does not give.
///
/// **Layout.** What is needed to write a decoded draft back the way it was (byte order mark, `\r\n` or `\r`
/// line endings, a `...` closing line, `description`/`publish_date`/`author` spellings) is kept in the metadata
/// entry ``layoutMetadataKey``, present only when something differs from the defaults. It is never written into
/// the YAML; formats that cannot hold it report it like any other metadata.
public struct FrontMatterAdapter: FormatAdapter {
    /// The metadata key under which a decoded issue records its layout (see the type's documentation).
    public static let layoutMetadataKey = "newsletterkit-front-matter"

    /// `front-matter`
    public let identifier = "front-matter"
    /// A human-readable name.
    public let name = "Markdown with YAML front matter"
    /// `md` and `markdown`.
    public let fileExtensions = ["md", "markdown"]
    /// `TextKind.markdown`: every rule reads the body, whose syntax tree ``decodeDraft(_:)`` returns.
    public let textKind = TextKind.markdown
    /// The limits the YAML block is parsed under.
    public var limits: YAMLLimits

    /// Creates the adapter.
    public init(limits: YAMLLimits = YAMLLimits()) {
        self.limits = limits
    }

    /// ``NewsletterCore/FormatConfidence/certain`` when the first line (after a byte order mark) is `---`;
    /// ``NewsletterCore/FormatConfidence/none`` otherwise (it still decodes such a file, as a body alone, when named explicitly).
    public func sniff(_ source: SourceText) -> FormatConfidence {
        // Without the opening fence a file is plain Markdown, which the other Markdown formats read as well;
        // claiming it too would make every plain `.md` file ambiguous.
        FrontMatterBlock.opensWithDelimiter(source) ? .certain : .none
    }

    /// Reads a draft.
    ///
    /// - Throws: ``NewsletterCore/NewsletterError`` with the file's line and column: `malformedInput` for an
    ///   unclosed block, YAML that does not parse (libyaml's message, the line and a caret), duplicate keys, a
    ///   block that is a list or a scalar instead of a mapping, or a known field of the wrong shape
    ///   (`title must be a string, not a sequence`); `limitExceeded` past ``limits``.
    public func decode(_ source: SourceText) throws(NewsletterError) -> Issue {
        try decodeDraft(source).issue
    }

    /// Reads a draft with the syntax tree of its body; a missing metadata field belongs at the end of the front
    /// matter (or at the start of a file that has none).
    ///
    /// - Throws: As ``decode(_:)``.
    public func decodeDraft(_ source: SourceText) throws(NewsletterError) -> DecodedDraft {
        var issue = Issue()
        var metadataEnd: Int?
        var layout = FrontMatterLayout()
        layout.hasByteOrderMark = source.hasByteOrderMark
        if source.lineCount > 1 {
            layout.lineEnding = String(source.slice(source.lineOffsets(1).upperBound..<source.lineStarts[1]))
        }
        var bodyStart = 0
        if let block = try FrontMatterBlock.locate(in: source, maximumBytes: limits.maximumBytes) {
            layout.closingDelimiter = block.closingDelimiter
            bodyStart = block.bodyStart
            metadataEnd = block.yamlRange.upperBound
            if let root = try YAMLParser(limits: limits).parse(source, utf8Range: block.yamlRange) {
                guard let pairs = root.pairs else {
                    throw NewsletterError(
                        .malformedInput,
                        "front matter must be a mapping of keys to values, not \(root.kindDescription)",
                        at: root.range.start,
                        in: source
                    )
                }
                try read(pairs, into: &issue, layout: &layout, source: source)
            }
        }
        if let value = layout.metadataValue { issue.metadata[Self.layoutMetadataKey] = value }

        let document = try MarkdownDocument(parsing: source, bodyRange: bodyStart..<source.utf8Count)
        let outline = document.outline { _ in true }
        issue.preambleText = outline.preambleText
        issue.sections = outline.sections
        issue.links = outline.links
        return DecodedDraft(issue: issue, markdown: document.tree, metadataInsertionOffset: metadataEnd, textKind: textKind)
    }

    /// Writes a draft: the front-matter block, then the body.
    ///
    /// - Throws: ``NewsletterCore/NewsletterError`` of kind `limitExceeded` for metadata nested deeper than
    ///   ``limits`` allow.
    public func encode(_ issue: Issue) throws(NewsletterError) -> EncodedIssue {
        let layout = FrontMatterLayout(metadata: issue.metadata)
        var warnings: [ConversionWarning] = []
        var fields = Metadata()
        if let title = issue.title { fields[layout.key(for: .title)] = .string(title) }
        if let subtitle = issue.subtitle { fields[layout.key(for: .subtitle)] = .string(subtitle) }
        if let date = issue.date, let text = date.text.isEmpty ? date.iso8601 : date.text {
            fields[layout.key(for: .date)] = .string(text)
        }
        if !issue.authors.isEmpty {
            let key = layout.key(for: .authors)
            fields[key] = key == "author" && issue.authors.count == 1 ? .string(issue.authors[0]) : .list(issue.authors.map { .string($0) })
        }
        if let slug = issue.slug { fields[layout.key(for: .slug)] = .string(slug) }
        if !issue.tags.isEmpty { fields[layout.key(for: .tags)] = .list(issue.tags.map { .string($0) }) }
        // A YAML mapping cannot repeat a key (reading it back would fail), so a repeated key is reported, not written.
        let knownKeys = Set(fields.keys)
        var writtenKeys = knownKeys
        for entry in issue.metadata.entries where entry.key != Self.layoutMetadataKey {
            // Under a known field's key that no known field was written under, the value is read back as that field,
            // and reading refuses a shape the field cannot take: such an entry is reported, not written.
            if let field = FrontMatterField.allCases.first(where: { $0.spellings.contains(entry.key) }),
               !field.spellings.contains(where: knownKeys.contains), !field.accepts(entry.value) {
                warnings.append(ConversionWarning(
                    field: "metadata.\(entry.key)",
                    message: "not written: front matter reads '\(entry.key)' as the issue's \(field.rawValue), which must be \(field.expectedType)"
                ))
                continue
            }
            guard writtenKeys.insert(entry.key).inserted else {
                let reason = knownKeys.contains(entry.key)
                    ? "front matter holds a known field of the issue under the key '\(entry.key)'"
                    : "the key '\(entry.key)' appears earlier in the metadata"
                warnings.append(ConversionWarning(field: "metadata.\(entry.key)", message: "not written: \(reason)"))
                continue
            }
            fields.entries.append(entry)
        }

        let lineBreak: YAMLEmitter.LineBreak = switch layout.lineEnding {
        case "\r\n": .crlf
        case "\r": .cr
        default: .lf
        }
        let newline = lineBreak.rawValue
        var text = layout.hasByteOrderMark ? "\u{FEFF}---" + newline : "---" + newline
        if !fields.isEmpty {
            text += try YAMLEmitter(lineBreak: lineBreak, maximumDepth: limits.maximumDepth).string(for: fields)
        }
        text += layout.closingDelimiter + newline
        text += Self.body(of: issue, newline: newline)
        // Sections and links exist in Markdown only as text; what the text does not hold is reported, not lost silently.
        let readBack = try decode(SourceText(text))
        warnings += MarkdownReadBack.lostParts(of: issue, readBack: readBack, reported: warnings)
        return EncodedIssue(text: text, warnings: warnings)
    }

    /// Fills the issue's known fields from the first key that spells each, and its metadata from the rest.
    private func read(_ pairs: [YAMLPair], into issue: inout Issue, layout: inout FrontMatterLayout, source: SourceText) throws(NewsletterError) {
        var filled = Set<FrontMatterField>()
        for pair in pairs {
            guard let key = pair.key.text else {
                throw NewsletterError(
                    .unrepresentable,
                    "\(pair.key.kindDescription) used as a key cannot be kept in metadata, whose keys are strings",
                    at: pair.key.range.start,
                    in: source
                )
            }
            if let field = FrontMatterField.allCases.first(where: { $0.spellings.contains(key) }),
               !filled.contains(field), !pair.value.isNull {
                try Self.fill(field, spelled: key, from: pair.value, into: &issue, source: source)
                filled.insert(field)
                if key != field.rawValue { layout.spellings[field.rawValue] = key }
                continue
            }
            issue.metadata.entries.append(Metadata.Entry(key: key, value: try pair.value.metadataValue(in: source)))
        }
    }

    /// Sets a known field from a node that is not `null` (a `null` field stays in metadata, as if absent).
    ///
    /// - Throws: `NewsletterError` of kind `malformedInput` at the value (or the offending list item) when it has a
    ///   shape the field cannot take: `title must be a string, not a sequence`.
    private static func fill(
        _ field: FrontMatterField,
        spelled key: String,
        from node: YAMLNode,
        into issue: inout Issue,
        source: SourceText
    ) throws(NewsletterError) {
        switch field {
        case .title, .subtitle, .slug, .date:
            guard let scalar = node.scalar else {
                throw NewsletterError(
                    .malformedInput, "\(key) must be \(field.expectedType), not \(node.kindDescription)", at: node.range.start, in: source
                )
            }
            switch field {
            case .title: issue.title = scalar.text
            case .subtitle: issue.subtitle = scalar.text
            case .slug: issue.slug = scalar.text
            default: issue.date = PublicationDate(text: scalar.text, date: scalar.timestamp ?? PublicationDate(parsing: scalar.text).date)
            }
        case .authors, .tags:
            let names: [String]
            if let scalar = node.scalar {
                names = [scalar.text]
            } else if let items = node.items {
                var texts: [String] = []
                for (index, item) in items.enumerated() {
                    guard let text = item.text, item.scalar != nil, !item.isNull else {
                        throw NewsletterError(
                            .malformedInput,
                            "\(key) must be \(field.expectedType); item \(index + 1) is \(item.kindDescription)",
                            at: item.range.start,
                            in: source
                        )
                    }
                    texts.append(text)
                }
                names = texts
            } else {
                throw NewsletterError(
                    .malformedInput, "\(key) must be \(field.expectedType), not \(node.kindDescription)", at: node.range.start, in: source
                )
            }
            if field == .authors { issue.authors = names } else { issue.tags = names }
        }
    }

    /// The Markdown body: the preamble, then each section's heading line and body as written. A section built
    /// in code without a heading gets an ATX heading from its level, emoji and title.
    private static func body(of issue: Issue, newline: String) -> String {
        var body = issue.preamble
        for section in issue.sections {
            if let last = body.unicodeScalars.last, last != "\n" && last != "\r" { body += newline }
            let heading = section.heading.isEmpty
                ? String(repeating: "#", count: min(max(section.level, 1), 6)) + " " + [section.emoji, section.title].compactMap { $0 }.joined(separator: " ")
                : section.heading
            body += heading + newline + section.body
        }
        return body
    }
}
