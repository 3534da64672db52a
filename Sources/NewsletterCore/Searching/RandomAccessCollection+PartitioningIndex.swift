extension RandomAccessCollection {
    /// The index of the first element for which `belongsInSecondPartition` holds, or `endIndex`: a binary search,
    /// for a collection where the predicate is false for every element before that one and true from it on (offsets in
    /// order, ranges in order and apart).
    ///
    /// The modules share this one search rather than each writing its own: line starts, escapes, tree links, fixes
    /// and mojibake ranges are all looked up this way, many times per draft. Named after swift-algorithms' method,
    /// which the core, kept to Swift and Foundation, does not depend on.
    @inlinable
    package func partitioningIndex(where belongsInSecondPartition: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if try belongsInSecondPartition(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
