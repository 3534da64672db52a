import NewsletterCore

/// The first link to each destination among a draft's links, found by the destination's hash.
///
/// A table of link indices (4 bytes a slot, open addressing, at most half full) rather than a dictionary keyed by the
/// destinations' strings (16 bytes of key and 8 of value a slot): a dense 13 MB draft of 200,000 links took 12.6 MB
/// for the dictionary. The links themselves hold the destinations the table compares.
struct FirstLinkTable {
    private var slots: [Int32]
    private let mask: Int

    /// A table with room for `count` links.
    init(count: Int) {
        var size = 16
        while size < count * 2 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// The index of the first link inserted before with the destination of `links[index]`; when there is none,
    /// `index` is inserted and the answer is `nil`.
    mutating func firstIndex(insertingIfNew index: Int, of links: [Link]) -> Int? {
        let destination = links[index].destinationText
        var slot = destination.hashValue & mask
        while slots[slot] >= 0 {
            let stored = Int(slots[slot])
            if links[stored].destinationText == destination { return stored }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(index)
        return nil
    }
}
