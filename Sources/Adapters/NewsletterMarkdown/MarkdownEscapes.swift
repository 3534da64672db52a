import NewsletterCore

/// Resolves what CommonMark resolves inside a destination written in the source: backslash escapes of ASCII
/// punctuation (`a\&b` is `a&b`) and character references (`&amp;`, `&#38;`, `&#x26;`).
enum MarkdownEscapes {
    /// Whether a byte is ASCII punctuation, the characters a backslash can escape.
    static func isEscapable(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// Whether `string`'s UTF-8 is exactly the bytes at `range`, compared as memory rather than element by element.
    static func equal(_ string: Substring, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard string.utf8.count == range.count else { return false }
        var copy = string
        return copy.withUTF8 { $0.hasSameBytes(as: UnsafeBufferPointer(rebasing: bytes[range])) }
    }

    /// The text of `bytes` with escapes and the common character references resolved.
    static func resolve(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var chunkStart = range.lowerBound
        var index = range.lowerBound
        // Plain runs are copied whole; only escapes and references are rewritten.
        func flush(upTo end: Int) {
            if end > chunkStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<end])) }
        }
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < range.upperBound, isEscapable(bytes[index + 1]) {
                flush(upTo: index)
                output.append(bytes[index + 1])
                index += 2
                chunkStart = index
            } else if byte == UInt8(ascii: "&"), let (scalar, length) = characterReference(bytes, at: index, end: range.upperBound) {
                flush(upTo: index)
                output.append(contentsOf: String(scalar).utf8)
                index += length
                chunkStart = index
            } else {
                index += 1
            }
        }
        flush(upTo: range.upperBound)
        return String(decoding: output, as: UTF8.self)
    }

    private static let namedReferences: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
    ]

    private static func characterReference(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        while index < end, index - start <= 32, bytes[index] != UInt8(ascii: ";") { index += 1 }
        guard index < end, bytes[index] == UInt8(ascii: ";"), index > start + 1 else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<index]), as: UTF8.self)
        let length = index - start + 1
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { ($0, length) }
        }
        if name.hasPrefix("#") {
            return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { ($0, length) }
        }
        return namedReferences[name].map { ($0, length) }
    }
}
