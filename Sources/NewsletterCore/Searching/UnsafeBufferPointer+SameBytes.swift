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
    package func hasSameUTF8(as other: Substring) -> Bool? {
        guard utf8.count == other.utf8.count else { return false }
        let same = utf8.withContiguousStorageIfAvailable { bytes in
            other.utf8.withContiguousStorageIfAvailable(bytes.hasSameBytes(as:))
        }
        return same ?? nil
    }
}
