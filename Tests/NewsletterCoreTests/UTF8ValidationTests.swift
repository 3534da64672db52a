@_spi(NewsletterKitInternals) import NewsletterCore
import TestSupport
import Testing

/// The fast UTF-8 check agrees exactly with the standard library's, on whether bytes are UTF-8 and on where the
/// first character that is not starts, for every length up to 40 and at every position relative to the 16- and
/// 4-byte steps it takes.
@Suite struct UTF8ValidationTests {
    /// The standard library's answer: `nil` for UTF-8, else the length of the longest prefix of whole characters,
    /// which is where the first broken one starts.
    static func standardLibraryFirstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) { offset += scalar.count }
        return offset
    }

    /// Bytes near UTF-8: whole characters of every length (including the edges of each lead's range), often with
    /// one byte changed, dropped or inserted from the bytes around the rules' edges.
    static func nearlyUTF8(length: Int, generator: inout SeededGenerator) -> [UInt8] {
        func random(_ bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }
        let edges: [UInt8] = [0x00, 0x0A, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        let scalars: [UInt32] = [0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x2019, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F44B, 0x10FFFF]
        var bytes: [UInt8] = []
        while bytes.count < length {
            let value = random(3) == 0 ? UInt32(random(0x11_0000)) : scalars[random(scalars.count)]
            if let scalar = Unicode.Scalar(value) { bytes += Array(String(Character(scalar)).utf8) }
        }
        bytes.removeLast(bytes.count - length)
        for _ in 0..<random(3) where !bytes.isEmpty {
            switch random(3) {
            case 0: bytes[random(bytes.count)] = edges[random(edges.count)]
            case 1: bytes.remove(at: random(bytes.count))
            default: bytes.insert(edges[random(edges.count)], at: random(bytes.count + 1))
            }
        }
        return bytes
    }

    @Test(arguments: 0...40)
    func agreesWithTheStandardLibrary(length: Int) {
        var generator = SeededGenerator(seed: UInt64(length))
        var invalid = 0
        for _ in 0..<150 {
            let core = Self.nearlyUTF8(length: length, generator: &generator)
            // ASCII before and after, so that the bytes meet every alignment of the 16-byte skip and the short tail.
            for before in [0, 1, 3, 12, 15, 16, 17] {
                for after in [0, 1, 2, 3, 4, 19] {
                    let bytes = [UInt8](repeating: 0x61, count: before) + core + [UInt8](repeating: 0x62, count: after)
                    let expected = Self.standardLibraryFirstInvalidOffset(bytes)
                    let found = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) }
                    #expect(found == expected, "\(bytes.map { String($0, radix: 16) })")
                    if expected != nil { invalid += 1 }
                }
            }
        }
        // Both kinds are met at every length past the shortest.
        if length > 2 { #expect(invalid > 0 && invalid < 150 * 42) }
    }

    @Test(arguments: [
        ([0xC0, 0xAF], 0), ([0xE0, 0x9F, 0x80], 0), ([0xED, 0xA0, 0x80], 0), ([0xF0, 0x8F, 0x80, 0x80], 0),
        ([0xF4, 0x90, 0x80, 0x80], 0), ([0xF5, 0x80, 0x80, 0x80], 0), ([0xF0, 0x9F, 0x98], 0), ([0x80], 0),
        ([0x61, 0xE2, 0x80, 0x99, 0xE2, 0x80], 4), ([0x61, 0xC3, 0xA9, 0xFF], 3), ([0xEF, 0xBF, 0xBD], nil),
        ([0xF4, 0x8F, 0xBF, 0xBF], nil),
    ] as [([UInt8], Int?)])
    func namedCases(bytes: [UInt8], expected: Int?) {
        #expect(bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) } == expected)
        #expect(Self.standardLibraryFirstInvalidOffset(bytes) == expected)
    }
}
