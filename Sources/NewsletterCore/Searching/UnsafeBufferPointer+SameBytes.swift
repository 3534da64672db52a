import Foundation

extension UnsafeBufferPointer<UInt8> {
    /// Whether `other` holds the same bytes, compared as memory: comparing element by element through generic code was
    /// a measurable part of the rules and readers that test texts for equality by their bytes.
    package func hasSameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == other.count else { return false }
        guard let base = baseAddress, let otherBase = other.baseAddress, count > 0 else { return true }
        return memcmp(base, otherBase, count) == 0
    }
}

extension Substring {
    /// Whether `other` has the same UTF-8 bytes, compared as memory; `nil` when either is not stored contiguously
    /// (a bridged string), which the caller compares otherwise.
    ///
    /// Read through the whole strings' bytes, where a slice's own view of them took several times the comparison; and
    /// the same part of the same text is known equal without reading it, as a link's destination read from a draft
    /// is a slice of the draft and is compared with its place there.
    package func hasSameUTF8(as other: Substring) -> Bool? {
        let count = utf8.count
        guard count == other.utf8.count else { return false }
        let start = base.utf8.distance(from: base.startIndex, to: startIndex)
        let otherStart = other.base.utf8.distance(from: other.base.startIndex, to: other.startIndex)
        let same = base.utf8.withContiguousStorageIfAvailable { bytes in
            other.base.utf8.withContiguousStorageIfAvailable { otherBytes in
                if bytes.baseAddress == otherBytes.baseAddress && start == otherStart { return true }
                return UnsafeBufferPointer(rebasing: bytes[start..<start + count])
                    .hasSameBytes(as: UnsafeBufferPointer(rebasing: otherBytes[otherStart..<otherStart + count]))
            }
        }
        return same ?? nil
    }
}
