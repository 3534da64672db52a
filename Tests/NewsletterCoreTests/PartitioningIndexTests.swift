import NewsletterCore
import Testing

@Suite struct PartitioningIndexTests {
    /// Sorted offsets with repeats, searched for every value around them: the index is the first element past the
    /// value, as a linear search finds it.
    @Test(arguments: [[], [5], [0, 0, 0], [1, 3, 3, 3, 7, 9], [2, 4, 6, 8, 10, 12, 14, 16, 18]])
    func findsTheFirstElementPastAValue(offsets: [Int]) {
        for value in -1...20 {
            let expected = offsets.firstIndex { $0 > value } ?? offsets.endIndex
            #expect(offsets.partitioningIndex { $0 > value } == expected, "\(value) in \(offsets)")
        }
    }

    /// A slice keeps its base's indices: the search starts at the slice's first, not at 0.
    @Test(arguments: 0...6)
    func searchesASliceInItsOwnIndices(start: Int) {
        let offsets = [1, 3, 5, 7, 9, 11]
        let slice = offsets[start...]
        #expect(slice.partitioningIndex { $0 > 0 } == start)
        #expect(slice.partitioningIndex { $0 > 6 } == max(start, 3))
        #expect(slice.partitioningIndex { $0 > 11 } == 6)
    }

    /// The predicate is asked about as few elements as a binary search needs: about log2 of the count.
    @Test func asksAboutLogarithmicallyManyElements() {
        let offsets = Array(0..<1_000_000)
        var asked = 0
        let index = offsets.partitioningIndex { asked += 1; return $0 >= 765_432 }
        #expect(index == 765_432)
        #expect(asked <= 20)
    }
}
