/// A leaf block whose bytes did not match cmark-gfm's reading of them, and where they stopped matching.
package struct InexactBlock: Sendable, Equatable, CustomStringConvertible {
    /// The block's range; its inline nodes are placed over it.
    package let range: Range<Int>
    /// The offset where the source stopped matching.
    package let mismatchOffset: Int
    /// cmark-gfm's name for the node that did not match (`text`, `link`, ...).
    package let node: String

    package var description: String { "\(range) (\(node) at \(mismatchOffset))" }
}
