/// The placeholder in each of a draft's link destinations, by link index.
///
/// Most destinations hold none, so a bit per link says which do, and only those keep their placeholder (in link
/// order), rather than an optional string per link: 16 bytes each, 3 MB for a dense draft of 200,000 links. A link's
/// placeholder is found by counting the set bits before its own (a count per 64 links, then one word's).
package struct DestinationPlaceholders: Sendable {
    private var hasPlaceholder: [UInt64]
    /// How many placeholders the links before each 64-link word have.
    private var countBefore: [UInt32] = []
    private var placeholders: [String] = []

    /// The placeholders `placeholder` finds in the destinations of links `0..<count`.
    init(count: Int, placeholder: (Int) -> String?) {
        hasPlaceholder = Array(repeating: 0, count: (count + 63) / 64)
        for index in 0..<count {
            if index % 64 == 0 { countBefore.append(UInt32(placeholders.count)) }
            guard let found = placeholder(index) else { continue }
            hasPlaceholder[index / 64] |= 1 << UInt64(index % 64)
            placeholders.append(found)
        }
    }

    /// The placeholder in the destination of the link at `index`, or `nil`.
    package subscript(index: Int) -> String? {
        let word = hasPlaceholder[index / 64]
        let bit: UInt64 = 1 << UInt64(index % 64)
        guard word & bit != 0 else { return nil }
        return placeholders[Int(countBefore[index / 64]) + (word & (bit - 1)).nonzeroBitCount]
    }
}
