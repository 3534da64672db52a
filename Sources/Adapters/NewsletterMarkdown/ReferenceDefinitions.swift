/// The link reference definitions (`[label]: destination`) of a body, found in the source so that a reference
/// link can report its destination exactly as written and where it is written.
///
/// cmark-gfm resolves reference links but keeps no trace of the definitions in its tree.
struct ReferenceDefinitions {
    /// One `[label]: destination` line.
    struct Definition {
        var rawDestination: String
        var destinationRange: Range<Int>
    }

    private var definitions: [String: [Definition]] = [:]

    /// Scans every line of the body for a definition's shape; quote markers and indentation before it are skipped.
    init(bytes: UnsafeBufferPointer<UInt8>, lineStarts: [Int], body: Range<Int>) {
        for lineStart in lineStarts where body.contains(lineStart) {
            var index = lineStart
            while index < body.upperBound, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">")].contains(bytes[index]) {
                index += 1
            }
            guard index + 1 < body.upperBound, bytes[index] == UInt8(ascii: "["), bytes[index + 1] != UInt8(ascii: "^") else { continue }
            let labelStart = index + 1
            var close = labelStart
            while close < body.upperBound, bytes[close] != UInt8(ascii: "]"), bytes[close] != 0x0A, bytes[close] != 0x0D {
                close += bytes[close] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard close + 1 < body.upperBound, bytes[close] == UInt8(ascii: "]"), bytes[close + 1] == UInt8(ascii: ":") else { continue }
            var start = close + 2
            while start < body.upperBound, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
            guard start < body.upperBound, bytes[start] != 0x0A, bytes[start] != 0x0D else { continue }
            var destination: Range<Int>
            if bytes[start] == UInt8(ascii: "<") {
                var end = start + 1
                while end < body.upperBound, bytes[end] != UInt8(ascii: ">"), bytes[end] != 0x0A { end += 1 }
                guard end < body.upperBound, bytes[end] == UInt8(ascii: ">") else { continue }
                destination = (start + 1)..<end
            } else {
                var end = start
                while end < body.upperBound, bytes[end] > 0x20 { end += 1 }
                destination = start..<end
            }
            let label = Self.normalizedLabel(bytes, labelStart..<close)
            let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[destination]), as: UTF8.self)
            definitions[label, default: []].append(Definition(rawDestination: raw, destinationRange: destination))
        }
    }

    /// The definition of `label` whose destination resolves to `destination` (cmark's answer), or the first one.
    func definition(label: String, resolvingTo destination: String, bytes: UnsafeBufferPointer<UInt8>) -> Definition? {
        guard let candidates = definitions[label] else { return nil }
        return candidates.first { MarkdownEscapes.resolve(bytes, $0.destinationRange) == destination } ?? candidates.first
    }

    /// Labels match case-insensitively with runs of white space collapsed, as CommonMark says.
    static func normalizedLabel(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        return text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
