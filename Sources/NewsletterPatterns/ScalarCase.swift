/// Simple (one scalar to one scalar) case mapping, the comparison of a pattern that ignores case.
///
/// A character whose lower- or upper-case form is several scalars (`ß` upper-cases to `SS`) compares as written.
enum ScalarCase {
    /// The lower-case form of `scalar` when it is one scalar, else `scalar`.
    static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value < 0x80 {
            return scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar
        }
        return single(scalar.properties.lowercaseMapping) ?? scalar
    }

    /// The upper-case form of `scalar` when it is one scalar, else `scalar`.
    static func upper(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value < 0x80 {
            return scalar.value >= 0x61 && scalar.value <= 0x7A ? Unicode.Scalar(UInt8(scalar.value - 0x20)) : scalar
        }
        return single(scalar.properties.uppercaseMapping) ?? scalar
    }

    private static func single(_ mapping: String) -> Unicode.Scalar? {
        var scalars = mapping.unicodeScalars.makeIterator()
        guard let first = scalars.next(), scalars.next() == nil else { return nil }
        return first
    }
}
