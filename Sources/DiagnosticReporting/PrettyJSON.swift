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
        let data = try encoder.encode(value)
        guard depth > 0 else { return String(decoding: data, as: UTF8.self) }
        // On bytes: forming characters to find line feeds took a third of a large report's time.
        let indent = [UInt8](repeating: UInt8(ascii: " "), count: 2 * depth)
        var result: [UInt8] = []
        result.reserveCapacity(data.count * 2)
        var previousWasLineFeed = false
        // Through the bytes' memory: `Data`'s own iterator cost a tenth of a large SARIF report's time.
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                if previousWasLineFeed && byte != 0x0A { result += indent }
                result.append(byte)
                previousWasLineFeed = byte == 0x0A
            }
        }
        return String(decoding: result, as: UTF8.self)
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
