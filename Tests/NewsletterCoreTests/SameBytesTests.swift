@testable import NewsletterCore
import Testing

/// Comparing texts by their bytes: slices of one text and of others, at the same place and elsewhere, short texts
/// (stored inside the string) and long ones, empty ones, and characters beyond ASCII.
@Suite struct SameBytesTests {
    static let long = "https://acme.dev/a/very/long/path?ref=PLACEHOLDER&utm_source=news https://acme.dev/a/very/long/path?ref=PLACEHOLDER&utm_source=news"
    static let half = long.utf8.count / 2

    static func slice(_ text: String, _ offsets: Range<Int>) -> Substring {
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: offsets.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: offsets.upperBound)]
    }

    @Test func theSamePlaceOfTheSameTextIsTheSame() {
        #expect(Self.slice(Self.long, 8..<40).hasSameUTF8(as: Self.slice(Self.long, 8..<40)) == true)
        #expect(Self.long[...].hasSameUTF8(as: Self.long[...]) == true)
    }

    @Test func equalBytesElsewhereOrInAnotherTextAreTheSame() {
        // The text repeats itself after a space: its two halves are the same bytes at different places.
        #expect(Self.slice(Self.long, 0..<Self.half).hasSameUTF8(as: Self.slice(Self.long, Self.half + 1..<2 * Self.half + 1)) == true)
        let copy = String(decoding: Array(Self.long.utf8), as: UTF8.self)
        #expect(Self.slice(Self.long, 8..<40).hasSameUTF8(as: Self.slice(copy, 8..<40)) == true)
        #expect(Substring("ü§å é").hasSameUTF8(as: Self.slice("x ü§å é!", 2..<(2 + "ü§å é".utf8.count))) == true)
    }

    @Test func differentBytesOrLengthsAreNotTheSame() {
        #expect(Self.slice(Self.long, 8..<40).hasSameUTF8(as: Self.slice(Self.long, 9..<41)) == false)
        #expect(Self.slice(Self.long, 8..<40).hasSameUTF8(as: Self.slice(Self.long, 8..<41)) == false)
        #expect(Substring("ref=a").hasSameUTF8(as: Substring("ref=b")) == false)
        #expect(Substring("é").hasSameUTF8(as: Substring("e\u{301}")) == false)
    }

    @Test func emptyTextsAreTheSame() {
        #expect(Substring("").hasSameUTF8(as: Self.slice(Self.long, 5..<5)) == true)
        #expect(Substring("").hasSameUTF8(as: Substring("a")) == false)
    }

    @Test(arguments: [0, 1, 7, 8, 15, 16, 100])
    func buffersCompareEveryByte(count: Int) {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        // A copy in memory of its own: the same bytes at another address.
        let copy = bytes.map { $0 }
        bytes.withUnsafeBufferPointer { buffer in
            #expect(copy.withUnsafeBufferPointer { buffer.hasSameBytes(as: $0) })
            for index in 0..<count {
                var other = bytes
                other[index] ^= 0x01
                #expect(!other.withUnsafeBufferPointer { buffer.hasSameBytes(as: $0) }, "byte \(index)")
            }
            if count > 0 { #expect(!buffer.hasSameBytes(as: UnsafeBufferPointer(rebasing: buffer.dropLast()))) }
        }
    }
}
