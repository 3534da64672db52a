import Foundation

/// JSON written as the reports always wrote it (`JSONEncoder`, pretty-printed, sorted keys, slashes unescaped), a
/// value at a time, indented for the depth it is written at inside a document whose frame is written by hand.
struct PrettyJSON {
    private let encoder: JSONEncoder

    init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    }

    /// `value` encoded, with every line after the first indented by `depth` levels of two spaces, except the empty line
    /// JSONEncoder writes inside an empty array. Strings never hold a raw line feed in JSON (it is written `\n`), so
    /// every line feed in the encoding is between tokens.
    func encode(_ value: some Encodable, depth: Int) throws -> String {
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        guard depth > 0 else { return text }
        let indent = String(repeating: "  ", count: depth)
        var result = ""
        result.reserveCapacity(text.utf8.count * 2)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { result += line.isEmpty ? "\n" : "\n" + indent }
            result += line
        }
        return result
    }

    /// Elements of an array at `depth` (the depth of the array's key), each on the lines JSONEncoder gives it.
    /// Call ``element(_:depth:first:)`` per element between the text `[\n` and ``closing(depth:)``.
    func element(_ value: some Encodable, depth: Int, first: Bool) throws -> String {
        let indent = String(repeating: "  ", count: depth + 1)
        return (first ? "" : ",\n") + indent + (try encode(value, depth: depth + 1))
    }

    /// The end of an array opened with `[\n` at `depth`; an empty array then reads `[\n\n  ]`, as JSONEncoder writes it.
    func closing(depth: Int) -> String {
        "\n" + String(repeating: "  ", count: depth) + "]"
    }
}
