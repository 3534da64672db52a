/// The strings of the short texts the spans of one scan have needed so far, so that spans share them.
///
/// A text's mojibake repeats the same few mangled and repaired characters (`â€™` for `’`, `Ã©` for `é`,
/// the same emoji) thousands of times, and making each span's strings afresh means validating their
/// UTF-8 every time. Texts of up to 15 bytes (Swift keeps those inside the string, without an allocation)
/// are looked up by their bytes in a small direct-mapped table: a miss makes the string and takes the slot.
struct SpanTextCache: ~Copyable {
    /// A text's bytes, eight to a word, with its length in the last byte: never zero for a text of one byte
    /// or more, so that an empty slot matches nothing.
    private typealias Key = SIMD2<UInt64>
    private static let slotBits = 9
    private let keys: UnsafeMutablePointer<Key>
    private let texts: UnsafeMutablePointer<String>

    init() {
        let slots = 1 << Self.slotBits
        keys = .allocate(capacity: slots)
        keys.initialize(repeating: .zero, count: slots)
        texts = .allocate(capacity: slots)
        texts.initialize(repeating: "", count: slots)
    }

    deinit {
        texts.deinitialize(count: 1 << Self.slotBits)
        texts.deallocate()
        keys.deallocate()
    }

    /// The string of `bytes`, which are valid UTF-8.
    mutating func text(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count <= 15 else { return String(decoding: bytes, as: UTF8.self) }
        // The bytes copied at once rather than placed lane by lane, read as little-endian words so that the
        // first byte is in the lowest bits of the first word and the last lane stays free for the length.
        var words = Key.zero
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        let key = Key(UInt64(littleEndian: words[0]), UInt64(littleEndian: words[1]) | UInt64(bytes.count) << 56)
        let hash = key[0] &* 0x9E37_79B9_7F4A_7C15 ^ key[1] &* 0xC2B2_AE3D_27D4_EB4F
        let slot = Int(truncatingIfNeeded: hash >> UInt64(64 - Self.slotBits))
        if keys[slot] != key {
            keys[slot] = key
            texts[slot] = String(decoding: bytes, as: UTF8.self)
        }
        return texts[slot]
    }

    /// The string of `scalars`, which are valid scalar values.
    mutating func text(scalars: some Collection<UInt32>) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scalars.count * 4) { buffer in
            text(utf8: UnsafeBufferPointer(rebasing: buffer[..<Self.encode(scalars, into: buffer)]))
        }
    }

    /// Writes valid scalar values as UTF-8 to `buffer`, which has room for four bytes each; the count written.
    private static func encode(_ scalars: some Collection<UInt32>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var count = 0
        func put(_ byte: UInt32) {
            buffer[count] = UInt8(truncatingIfNeeded: byte)
            count += 1
        }
        for value in scalars {
            switch value {
            case ..<0x80:
                put(value)
            case ..<0x800:
                put(0xC0 | value >> 6)
                put(0x80 | value & 0x3F)
            case ..<0x10000:
                put(0xE0 | value >> 12)
                put(0x80 | value >> 6 & 0x3F)
                put(0x80 | value & 0x3F)
            default:
                put(0xF0 | value >> 18)
                put(0x80 | value >> 12 & 0x3F)
                put(0x80 | value >> 6 & 0x3F)
                put(0x80 | value & 0x3F)
            }
        }
        return count
    }
}
