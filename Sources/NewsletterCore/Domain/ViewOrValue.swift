/// Either a view of entry `index` of a table that a draft's values share, or, once changed, a value of its own.
///
/// What ``Section`` (and NewsletterMarkdown's `MarkdownHeading`) store: an adapter's draft can hold a heading every few
/// bytes, so the ones it reads are views of one entry each in a ``HeadingTable`` or ``SectionTable``, 16 bytes in an
/// array rather than the width of their parts. A changed one holds its parts behind one reference, so that an array of
/// them stays as narrow; each change makes a new box (they are read often and changed rarely, so no copy is shared).
package struct ViewOrValue<Table: AnyObject & Sendable, Parts: Sendable>: Sendable {
    private final class Box: Sendable {
        let parts: Parts

        init(_ parts: Parts) {
            self.parts = parts
        }
    }

    private enum Storage: Sendable {
        case view(Table, index: UInt32)
        case value(Box)
    }

    private var storage: Storage

    /// A view of the entry at `index` in `table`.
    package init(_ table: Table, index: Int) {
        storage = .view(table, index: UInt32(index))
    }

    /// A value of its own.
    package init(_ parts: Parts) {
        storage = .value(Box(parts))
    }

    /// What `view` reads from the table, or what `value` reads from the parts.
    package func read<Result>(_ view: (Table, Int) -> Result, value: (Parts) -> Result) -> Result {
        switch storage {
        case let .view(table, index): view(table, Int(index))
        case let .value(box): value(box.parts)
        }
    }

    /// Becomes a value of its own: the parts as `parts` reads them from the table or the value, changed by `change`.
    package mutating func change(reading parts: (Table, Int) -> Parts, _ change: (inout Parts) -> Void) {
        var changed = read(parts) { $0 }
        change(&changed)
        storage = .value(Box(changed))
    }

    /// Whether both are views of the same entry of the same table, and so equal without reading them.
    package func isSameEntry(as other: Self) -> Bool {
        guard case let .view(table, index) = storage, case let .view(otherTable, otherIndex) = other.storage else { return false }
        return table === otherTable && index == otherIndex
    }
}
