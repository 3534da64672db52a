/// Finds where the first character that breaks UTF-8 well-formedness (RFC 3629: no overlong forms, no surrogates,
/// nothing above U+10FFFF) starts, so that a bad file is reported at the exact line and column.
///
/// Text is mostly ASCII, so ASCII is skipped sixteen bytes at a time (two 64-bit words, one test of their high
/// bits); other characters are checked one after the other, four bytes read at once and checked against a table
/// of lead bytes without a branch per byte, until an ASCII byte sends the loop back to skipping.
///
/// A reader that wants to look at the characters that are not ASCII anyway (the mojibake scan) does so in the same
/// pass with ``visitCharacters(in:_:_:)``, so that the bytes are read once.
///
/// SPI-public, not `package`: this compiler keeps the bodies of `@inlinable` functions for other modules only for
/// public declarations, so a `package` generic pass is never specialized in the module that calls it, and its visits
/// stay calls through a witness table. The SPI keeps it out of the public API all the same.
@_spi(NewsletterKitInternals) public enum UTF8Validation {
    /// What ``visitCharacters(in:_:_:)`` shows each character that is not ASCII. A type, not a closure: the pass is
    /// specialized for each visitor type in the module that uses it, so the visit costs no call per character
    /// (a closure argument left the pass an out-of-line function calling the closure through a context).
    public protocol Visitor {
        /// Looks at the well-formed character of `length` bytes at `offset`; `true` ends the pass there.
        mutating func visit(offset: Int, length: Int) -> Bool
    }

    /// Looks at nothing: the pass only checks.
    public struct CheckingOnly: Visitor {
        /// A visitor that looks at nothing.
        public init() {}

        /// Never stops the pass.
        @inlinable
        public func visit(offset: Int, length: Int) -> Bool { false }
    }

    /// Stops at the first character that is not ASCII: a pass that ends ``Outcome/valid`` met ASCII only.
    public struct StoppingAtNonASCII: Visitor {
        /// A visitor that stops at the first character it is shown.
        public init() {}

        /// Stops the pass at this character.
        @inlinable
        public func visit(offset: Int, length: Int) -> Bool { true }
    }

    /// How a pass of ``visitCharacters(in:_:_:)`` ended.
    public enum Outcome: Equatable, Sendable {
        /// Every byte of the range is UTF-8, and the visitor never asked to stop.
        case valid
        /// The character starting at this offset is not well formed; the ones before it are.
        case invalid(at: Int)
        /// The visitor asked to stop at the character at this offset; the bytes after it were not checked.
        case stopped(at: Int)
    }

    @usableFromInline static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Per lead byte: the length of its sequence (0 for a byte that never leads one) in bits 0-7, and the lowest
    /// and highest second byte it allows (overlong forms, surrogates and values past U+10FFFF excluded) in bits
    /// 8-15 and 16-23.
    @usableFromInline static let leads: [UInt32] = (0..<256).map { lead in
        func entry(_ length: UInt32, _ lower: UInt32, _ upper: UInt32) -> UInt32 { length | lower << 8 | upper << 16 }
        switch lead {
        case 0xC2...0xDF: return entry(2, 0x80, 0xBF)
        case 0xE0: return entry(3, 0xA0, 0xBF)
        case 0xED: return entry(3, 0x80, 0x9F)
        case 0xE1...0xEF: return entry(3, 0x80, 0xBF)
        case 0xF0: return entry(4, 0x90, 0xBF)
        case 0xF4: return entry(4, 0x80, 0x8F)
        case 0xF1...0xF3: return entry(4, 0x80, 0xBF)
        default: return 0
        }
    }

    /// The offset of the first byte that does not start a well-formed character (the lead of a broken or cut-off
    /// sequence, a stray continuation byte, a byte that is never UTF-8), or `nil` when all of `bytes` is UTF-8.
    public static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        firstInvalidOffset(in: bytes, 0..<bytes.count)
    }

    /// ``firstInvalidOffset(in:)-(UnsafeBufferPointer<UInt8>)`` of `bytes[range]`, as an offset in `bytes`: a
    /// character cut off at the end of `range` is not well formed.
    public static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var visitor = CheckingOnly()
        guard case .invalid(let offset) = visitCharacters(in: bytes, range, &visitor) else { return nil }
        return offset
    }

    /// ``firstInvalidOffset(in:)-(UnsafeBufferPointer<UInt8>)`` over raw bytes.
    public static func firstInvalidOffset(in bytes: UnsafeRawBufferPointer) -> Int? {
        firstInvalidOffset(in: bytes.assumingMemoryBound(to: UInt8.self))
    }

    /// Checks `bytes[range]` (which starts at a character) in order, and shows `visitor` the offset and the length
    /// of each character that is not ASCII once it is known to be well formed; a visit that returns `true` ends the
    /// pass there. A character cut off at the end of `range` is not well formed.
    @inlinable
    public static func visitCharacters<SomeVisitor: Visitor>(
        in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ visitor: inout SomeVisitor
    ) -> Outcome {
        guard let base = bytes.baseAddress else { return .valid }
        return leads.withUnsafeBufferPointer { leads in
            let count = range.upperBound
            var index = range.lowerBound
            while index + 4 <= count {
                while index + 16 <= count {
                    let low = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    let high = UnsafeRawPointer(base + index + 8).loadUnaligned(as: UInt64.self)
                    guard (low | high) & highBits == 0 else {
                        // The lowest high bit, in memory order, is the first byte that is not ASCII.
                        let lowBits = UInt64(littleEndian: low) & highBits
                        index += lowBits != 0
                            ? lowBits.trailingZeroBitCount >> 3
                            : 8 + (UInt64(littleEndian: high) & highBits).trailingZeroBitCount >> 3
                        break
                    }
                    index += 16
                }
                while index + 4 <= count {
                    let word = UInt32(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt32.self))
                    let lead = word & 0xFF
                    if lead < 0x80 {
                        index += 1
                        break
                    }
                    let entry = leads[Int(lead)]
                    let length = Int(entry & 0xFF)
                    let lower = entry >> 8 & 0xFF
                    // Bytes 3 and 4 must be continuation bytes as far as the length goes: the bytes past it are
                    // shifted out of both sides of the comparison.
                    let shift = UInt32(8 * (4 - length)) & 31
                    guard length != 0, (word >> 8 & 0xFF) &- lower <= (entry >> 16 & 0xFF) &- lower,
                          (word & 0xC0C0_0000) << shift == (0x8080_0000 as UInt32) << shift
                    else { return .invalid(at: index) }
                    if visitor.visit(offset: index, length: length) { return .stopped(at: index) }
                    index += length
                }
            }
            // The last three bytes at most, one character at a time.
            while index < count {
                let lead = base[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let entry = leads[Int(lead)]
                let length = Int(entry & 0xFF)
                let lower = entry >> 8 & 0xFF
                guard length != 0, index + length <= count,
                      UInt32(base[index + 1]) &- lower <= (entry >> 16 & 0xFF) &- lower
                else { return .invalid(at: index) }
                for offset in 2..<length where base[index + offset] & 0xC0 != 0x80 { return .invalid(at: index) }
                if visitor.visit(offset: index, length: length) { return .stopped(at: index) }
                index += length
            }
            return .valid
        }
    }
}
