internal import CCmarkGFM
import Foundation

/// Decodes the entity and numeric character references (`&amp;`, `&#8217;`, `&#x1F600;`) of a source, as cmark-gfm
/// decodes them, so that a text node's source can be matched against its decoded literal.
///
/// Named references are decoded by cmark-gfm itself (its table of HTML5 names), once per name per document.
struct CharacterReferences {
    private var named: [[UInt8]: [UInt8]?] = [:]

    /// The reference starting at `start` (an `&`), as its length in the source and its decoded bytes; `nil` when the
    /// bytes there are not a reference cmark-gfm recognises.
    mutating func reference(in bytes: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int) -> (length: Int, decoded: [UInt8])? {
        var index = start + 1
        guard index < limit else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            let isHex = index < limit && bytes[index] | 0x20 == UInt8(ascii: "x")
            if isHex { index += 1 }
            let digitsStart = index
            var value: UInt32 = 0
            while index < limit, index - digitsStart < (isHex ? 6 : 7), let digit = Self.digit(bytes[index], hex: isHex) {
                value = value * (isHex ? 16 : 10) + digit
                index += 1
            }
            guard index > digitsStart, index < limit, bytes[index] == UInt8(ascii: ";") else { return nil }
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (index + 1 - start, Array(String(Character(scalar ?? "\u{FFFD}")).utf8))
        }
        let nameStart = index
        while index < limit, index - nameStart <= 32, Self.isAlphanumeric(bytes[index]) { index += 1 }
        guard index > nameStart, index < limit, bytes[index] == UInt8(ascii: ";") else { return nil }
        let reference = Array(bytes[start...index])
        let decoded: [UInt8]?
        if let known = named[reference] {
            decoded = known
        } else {
            decoded = Self.decodeWithCmark(reference)
            named[reference] = decoded
        }
        return decoded.map { (reference.count, $0) }
    }

    private static func digit(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// Parses `&name;` alone and reads back its text: the decoded characters, or `nil` when cmark-gfm keeps it as written.
    private static func decodeWithCmark(_ reference: [UInt8]) -> [UInt8]? {
        reference.withUnsafeBufferPointer { buffer in
            CmarkParser.withDocument(buffer) { document -> [UInt8]? in
                guard let paragraph = cmark_node_first_child(document) else { return nil }
                var text: [UInt8] = []
                var child = cmark_node_first_child(paragraph)
                while let node = child {
                    if let literal = cmark_node_get_literal(node) {
                        text.append(contentsOf: UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
                    }
                    child = cmark_node_next(node)
                }
                return text == reference ? nil : text
            }
        }
    }
}
