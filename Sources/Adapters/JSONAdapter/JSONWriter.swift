/// Writes a ``JSONValue`` as stable, pretty-printed JSON that diffs well.
///
/// The layout is fixed: members in the order the value holds them, two spaces of indentation per level, one member
/// or element per line, `": "` between key and value, `[]` and `{}` for empty containers, and a final newline.
/// Strings are written as UTF-8 with only `"`, `\` and control characters escaped (`\n`, `\t`, ... or `\u001B`),
/// so text outside ASCII stays readable. Numbers are written exactly as the value holds their text.
/// This is the layout `jq --indent 2 .` prints, so files written here pass through `jq` unchanged.
///
/// ```swift
/// let value = JSONValue(.object([JSONValue.Member(key: "tags", value: JSONValue(.array([])))]))
/// JSONWriter.prettyPrinted(value)   // "{\n  \"tags\": []\n}\n"
/// ```
package enum JSONWriter {
    /// The value as pretty-printed JSON text ending in a newline.
    package static func prettyPrinted(_ value: JSONValue) -> String {
        var output: [UInt8] = []
        write(value, indent: 0, into: &output)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    /// A string as a JSON string literal, quotes included.
    package static func quoted(_ string: String) -> String {
        var output: [UInt8] = []
        writeString(string, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes the member `key: value` of an object whose members are indented by `indent`, after a comma when it
    /// is not the object's first: for an object written a member at a time.
    package static func writeMember(_ key: String, _ value: JSONValue, indent: Int, first: Bool, into output: inout [UInt8]) {
        writeKey(key, indent: indent, first: first, into: &output)
        write(value, indent: indent, into: &output)
    }

    /// Writes `key: ` of an object's member as ``writeMember(_:_:indent:first:into:)`` does, for a value written next
    /// in parts (an array written an element at a time with ``writeElement(_:indent:first:into:)``).
    package static func writeKey(_ key: String, indent: Int, first: Bool, into output: inout [UInt8]) {
        startLine(afterFirst: !first, indent: indent, into: &output)
        writeString(key, into: &output)
        output += ": ".utf8
    }

    /// Writes an element of an array whose elements are indented by `indent`, after a comma when it is not the
    /// array's first.
    package static func writeElement(_ value: JSONValue, indent: Int, first: Bool, into output: inout [UInt8]) {
        startLine(afterFirst: !first, indent: indent, into: &output)
        write(value, indent: indent, into: &output)
    }

    /// Closes an object or array (`closing` is `}` or `]`) written a part at a time, on a line of its own at
    /// `indent`; one that had no part is written `{}` or `[]` by the caller instead.
    package static func writeEnd(_ closing: Character, indent: Int, into output: inout [UInt8]) {
        startLine(afterFirst: false, indent: indent, into: &output)
        output += closing.utf8
    }

    // Output is built as UTF-8 bytes: appending to a byte array is several times faster than appending to a String.
    private static func write(_ value: JSONValue, indent: Int, into output: inout [UInt8]) {
        switch value.content {
        case .null: output += "null".utf8
        case .bool(let flag): output += (flag ? "true" : "false").utf8
        case .number(let text): output += text.utf8
        case .string(let string): writeString(string, into: &output)
        case .array(let items):
            guard !items.isEmpty else { output += "[]".utf8; return }
            output.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                startLine(afterFirst: position > 0, indent: indent + 2, into: &output)
                write(item, indent: indent + 2, into: &output)
            }
            startLine(afterFirst: false, indent: indent, into: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { output += "{}".utf8; return }
            output.append(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                startLine(afterFirst: position > 0, indent: indent + 2, into: &output)
                writeString(member.key, into: &output)
                output += ": ".utf8
                write(member.value, indent: indent + 2, into: &output)
            }
            startLine(afterFirst: false, indent: indent, into: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func startLine(afterFirst: Bool, indent: Int, into output: inout [UInt8]) {
        if afterFirst { output.append(UInt8(ascii: ",")) }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    private static func writeString(_ string: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var string = string
        // Stretches without a byte to escape, nearly all of most strings, are copied whole; bytes of characters beyond
        // ASCII are copied as they are, since the output is UTF-8.
        string.withUTF8 { bytes in
            var copied = 0
            for (offset, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<offset]))
                writeEscape(of: byte, into: &output)
                copied = offset + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// The escape of a byte that JSON strings cannot hold as it is: `"`, `\`, and the control characters.
    private static func writeEscape(of byte: UInt8, into output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): output += "\\\"".utf8
        case UInt8(ascii: "\\"): output += "\\\\".utf8
        case UInt8(ascii: "\n"): output += "\\n".utf8
        case UInt8(ascii: "\r"): output += "\\r".utf8
        case UInt8(ascii: "\t"): output += "\\t".utf8
        case 0x08: output += "\\b".utf8
        case 0x0C: output += "\\f".utf8
        default:
            output += "\\u00".utf8
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 0x0F)])
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
