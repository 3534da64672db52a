@_spi(NewsletterKitInternals) import NewsletterCore

/// The first link to each destination among a draft's links, found by the destination's hash.
///
/// A table of link indices (4 bytes a slot, open addressing, at most half full) rather than a dictionary keyed by the
/// destinations' strings (16 bytes of key and 8 of value a slot): a dense 13 MB draft of 200,000 links took 12.6 MB
/// for the dictionary. The links themselves hold the destinations the table compares.
struct FirstLinkTable {
    private var slots: [Int32]
    private let mask: Int
    /// Whether every destination is ASCII. Destinations are equal as strings (canonical equivalence: `é` written as
    /// one scalar or two); when all are ASCII that is equality of bytes, which are hashed as they are, where hashing
    /// a destination as a string checks its normal form first (a third of the rule on export-shaped drafts).
    private let comparesBytes: Bool

    /// A table with room for the destinations of `links`.
    init(for links: [Link]) {
        var size = 16
        while size < links.count * 2 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        comparesBytes = links.indices.allSatisfy { Self.isASCII(links[$0].destinationText) }
    }

    /// The index of the first link inserted before with the destination of `links[index]`; when there is none,
    /// `index` is inserted and the answer is `nil`.
    mutating func firstIndex(insertingIfNew index: Int, of links: [Link]) -> Int? {
        let destination = links[index].destinationText
        var slot = hash(destination) & mask
        while slots[slot] >= 0 {
            let stored = Int(slots[slot])
            if equal(links[stored].destinationText, destination) { return stored }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(index)
        return nil
    }

    private func hash(_ destination: Substring) -> Int {
        guard comparesBytes else { return destination.hashValue }
        var hasher = Hasher()
        destination.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            ?? destination.utf8.forEach { hasher.combine($0) }
        return hasher.finalize()
    }

    private func equal(_ lhs: Substring, _ rhs: Substring) -> Bool {
        guard comparesBytes else { return lhs == rhs }
        return lhs.hasSameUTF8(as: rhs) ?? lhs.utf8.elementsEqual(rhs.utf8)
    }

    /// Read eight and more bytes at a time by the validator's ASCII path (a byte at a time, this test was a third of
    /// the rule on export-shaped drafts): stopping at the first character that is not ASCII.
    private static func isASCII(_ text: Substring) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var visitor = UTF8Validation.StoppingAtNonASCII()
            return UTF8Validation.visitCharacters(in: bytes, bytes.indices, &visitor) == .valid
        } ?? text.utf8.allSatisfy { $0 < 0x80 }
    }
}
