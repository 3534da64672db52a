/// The placeholder in each of a draft's link destinations, by link index.
///
/// Most destinations hold none, so a bit per link says which do, and only those keep their placeholder (in link
/// order), rather than an optional string per link: 16 bytes each, 3 MB for a dense draft of 200,000 links.
package struct DestinationPlaceholders: Sendable {
    private var hasPlaceholder: [UInt64]
    private var linkIndices: [UInt32] = []
    private var placeholders: [String] = []

    /// The placeholders `placeholder` finds in the destinations of links `0..<count`.
    init(count: Int, placeholder: (Int) -> String?) {
        hasPlaceholder = Array(repeating: 0, count: (count + 63) / 64)
        for index in 0..<count {
            guard let found = placeholder(index) else { continue }
            hasPlaceholder[index / 64] |= 1 << UInt64(index % 64)
            linkIndices.append(UInt32(index))
            placeholders.append(found)
        }
    }

    /// The placeholder in the destination of the link at `index`, or `nil`.
    package subscript(index: Int) -> String? {
        guard hasPlaceholder[index / 64] & (1 << UInt64(index % 64)) != 0 else { return nil }
        var (low, high) = (0, linkIndices.count)
        while low < high {
            let middle = (low + high) / 2
            if Int(linkIndices[middle]) < index { low = middle + 1 } else { high = middle }
        }
        return placeholders[low]
    }
}
