import NewsletterCore

/// A heading at the top level of a Markdown document (not inside a list, quote or table).
///
/// Only top-level headings can start a section: a `###` line inside a poll table or a list item is content.
public struct MarkdownHeading: Sendable, Equatable {
    /// The level, 1 to 6.
    public var level: Int
    /// The heading exactly as written: its whole line from the line start (ATX, `### **🤌 Ben's Picks**`),
    /// or its text and underline lines (setext), without the final line ending.
    public var source: String {
        get { String(sourceText) }
        set { sourceText = Substring(newValue) }
    }
    /// ``source`` as stored: a slice of the document's text, so that a heading holds no copy of its line.
    package var sourceText: Substring
    /// The heading's text with Markdown markup and inline HTML removed (`🤌 Ben's Picks`); link text is kept.
    public var plainText: String
    /// The range of ``source``.
    public var range: SourceRange
    /// Whether the heading is written with an underline (`Title` then `===`) rather than `#` markers.
    public var isSetext: Bool
    /// The UTF-8 offset just past the heading's line ending, where content after the heading starts.
    public var contentStartOffset: Int

    /// Creates a heading; ``MarkdownDocument`` is the usual way to get one.
    public init(level: Int, source: String, plainText: String, range: SourceRange, isSetext: Bool, contentStartOffset: Int) {
        self.init(level: level, sourceText: Substring(source), plainText: plainText, range: range, isSetext: isSetext, contentStartOffset: contentStartOffset)
    }

    /// Creates a heading whose line is a slice of the document's text.
    package init(level: Int, sourceText: Substring, plainText: String, range: SourceRange, isSetext: Bool, contentStartOffset: Int) {
        self.level = level
        self.sourceText = sourceText
        self.plainText = plainText
        self.range = range
        self.isSetext = isSetext
        self.contentStartOffset = contentStartOffset
    }

    /// The leading emoji or symbol run and the title, as ``HeadingTitle/split(_:)`` finds them in ``plainText``.
    public var title: (emoji: String?, title: String) { HeadingTitle.split(plainText) }
}
