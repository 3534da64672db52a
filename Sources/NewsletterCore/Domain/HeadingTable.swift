/// The headings an adapter found in one draft, stored together: where each is written, its level, whether it is
/// underlined, where its content starts and its plain text, as fixed-size entries and one buffer of text.
///
/// The ``Section``s made from it, and NewsletterMarkdown's `MarkdownHeading`s, are views of one entry each. A draft can
/// hold a heading every few bytes (`#` and a line break is one), and values that each held their own strings, ranges and
/// slices took about 290 bytes a heading (96 for the heading, 192 for its section): many times the text they describe.
package final class HeadingTable: Sendable {
    /// One heading.
    package struct Entry: Sendable {
        /// The heading as written, without the final line ending.
        package var range: SourceRange
        /// The UTF-8 offset just past the heading's line ending.
        package var contentStart: UInt32
        /// Where the plain text of this heading ends in the table's buffer; it starts where the one before ends.
        package var plainTextEnd: UInt32
        /// The level, 1 to 6.
        package var level: UInt8
        /// Whether the heading is underlined (setext) rather than written with `#` markers.
        package var isSetext: Bool
    }

    /// Collects the headings of a draft in document order.
    package struct Builder: Sendable {
        fileprivate private(set) var entries: [Entry] = []
        fileprivate private(set) var plainTexts: [UInt8] = []

        /// A builder with no headings yet.
        package init() {}

        /// How many headings were added.
        package var count: Int { entries.count }
        /// How many headings fit before the entries grow.
        package var capacity: Int { entries.capacity }

        /// Room for `count` headings in all.
        package mutating func reserveCapacity(_ count: Int) {
            entries.reserveCapacity(count)
        }

        /// Adds a heading after the others.
        package mutating func append(range: SourceRange, contentStart: Int, level: Int, isSetext: Bool, plainText: String) {
            plainTexts.append(contentsOf: plainText.utf8)
            entries.append(Entry(
                range: range,
                contentStart: UInt32(contentStart),
                plainTextEnd: UInt32(plainTexts.count),
                level: UInt8(clamping: level),
                isSetext: isSetext
            ))
        }
    }

    /// The draft the headings were read from.
    package let source: SourceText
    /// The headings in document order.
    package let entries: [Entry]
    private let plainTexts: [UInt8]

    /// The headings a builder collected in `source`.
    package init(source: SourceText, _ builder: Builder) {
        self.source = source
        entries = builder.entries
        plainTexts = builder.plainTexts
    }

    /// The heading at `index` exactly as written: a slice of the draft's text.
    package func sourceText(at index: Int) -> Substring {
        source.slice(entries[index].range.utf8Offsets)
    }

    /// The heading at `index`'s text with markup removed.
    package func plainText(at index: Int) -> String {
        plainText(at: index, part: nil)
    }

    /// A part of the plain text at `index` (UTF-8 offsets within it, as ``HeadingTitle`` finds them), or all of it.
    package func plainText(at index: Int, part: Range<Int>?) -> String {
        let whole = plainTextRange(at: index)
        let range = part.map { (whole.lowerBound + $0.lowerBound)..<(whole.lowerBound + $0.upperBound) } ?? whole
        return plainTexts.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// Hands `body` the UTF-8 bytes of the plain text at `index`.
    package func withPlainText<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let range = plainTextRange(at: index)
        return plainTexts.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    private func plainTextRange(at index: Int) -> Range<Int> {
        (index == 0 ? 0 : Int(entries[index - 1].plainTextEnd))..<Int(entries[index].plainTextEnd)
    }
}
