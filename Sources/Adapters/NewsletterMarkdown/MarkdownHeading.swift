import NewsletterCore

/// A heading at the top level of a Markdown document (not inside a list, quote or table).
///
/// Only top-level headings can start a section: a `###` line inside a poll table or a list item is content.
public struct MarkdownHeading: Sendable, Equatable {
    /// The level, 1 to 6.
    public var level: Int {
        get { read { Int($0.entries[$1].level) } written: { $0.level } }
        set { change { $0.level = newValue } }
    }
    /// The heading exactly as written: its whole line from the line start (ATX, `### **🤌 Ben's Picks**`),
    /// or its text and underline lines (setext), without the final line ending.
    public var source: String {
        get { String(sourceText) }
        set { sourceText = Substring(newValue) }
    }
    /// ``source`` as stored: a slice of the document's text, so that a heading holds no copy of its line.
    package var sourceText: Substring {
        get { read { $0.sourceText(at: $1) } written: { $0.sourceText } }
        set { change { $0.sourceText = newValue } }
    }
    /// The heading's text with Markdown markup and inline HTML removed (`🤌 Ben's Picks`); link text is kept.
    public var plainText: String {
        get { read { $0.plainText(at: $1) } written: { $0.plainText } }
        set { change { $0.plainText = newValue } }
    }
    /// The range of ``source``.
    public var range: SourceRange {
        get { read { $0.entries[$1].range } written: { $0.range } }
        set { change { $0.range = newValue } }
    }
    /// Whether the heading is written with an underline (`Title` then `===`) rather than `#` markers.
    public var isSetext: Bool {
        get { read { $0.entries[$1].isSetext } written: { $0.isSetext } }
        set { change { $0.isSetext = newValue } }
    }
    /// The UTF-8 offset just past the heading's line ending, where content after the heading starts.
    public var contentStartOffset: Int {
        get { read { Int($0.entries[$1].contentStart) } written: { $0.contentStartOffset } }
        set { change { $0.contentStartOffset = newValue } }
    }

    private struct Parts: Sendable, Equatable {
        var level: Int
        var sourceText: Substring
        var plainText: String
        var range: SourceRange
        var isSetext: Bool
        var contentStartOffset: Int
    }

    /// A view of an entry in the document's heading table, until it is changed (see ``NewsletterCore/Section``).
    private var storage: ViewOrValue<HeadingTable, Parts>

    /// Creates a heading; ``MarkdownDocument`` is the usual way to get one.
    public init(level: Int, source: String, plainText: String, range: SourceRange, isSetext: Bool, contentStartOffset: Int) {
        storage = ViewOrValue(Parts(
            level: level, sourceText: Substring(source), plainText: plainText, range: range, isSetext: isSetext,
            contentStartOffset: contentStartOffset
        ))
    }

    /// The heading at `index` in `table`, as a view of it.
    init(table: HeadingTable, index: Int) {
        storage = ViewOrValue(table, index: index)
    }

    /// The leading emoji or symbol run and the title, as ``HeadingTitle/split(_:)`` finds them in ``plainText``.
    public var title: (emoji: String?, title: String) { HeadingTitle.split(plainText) }

    private func read<Value>(_ view: (HeadingTable, Int) -> Value, written: (Parts) -> Value) -> Value {
        storage.read(view, value: written)
    }

    private var parts: Parts {
        Parts(
            level: level, sourceText: sourceText, plainText: plainText, range: range, isSetext: isSetext,
            contentStartOffset: contentStartOffset
        )
    }

    private mutating func change(_ body: (inout Parts) -> Void) {
        let parts = self.parts
        storage.change(reading: { _, _ in parts }, body)
    }

    /// Whether two headings have the same parts; two views of the same entry are equal without reading them.
    public static func == (lhs: MarkdownHeading, rhs: MarkdownHeading) -> Bool {
        if lhs.storage.isSameEntry(as: rhs.storage) { return true }
        return lhs.parts == rhs.parts
    }
}
