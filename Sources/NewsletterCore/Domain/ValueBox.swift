/// An immutable value kept behind one reference, so that an enum holding it stays as small as a pointer.
///
/// ``Section`` (and `MarkdownHeading` in NewsletterMarkdown) are either views of an entry in a table their draft
/// shares, or values of their own once changed; the values live in a box so that an array of views is not as wide as
/// the widest value. A change makes a new box: sections and headings are changed rarely and read often.
package final class ValueBox<Value: Sendable>: Sendable {
    /// The value.
    package let value: Value

    /// Boxes `value`.
    package init(_ value: Value) {
        self.value = value
    }
}
