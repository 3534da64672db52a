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
public enum JSONWriter {
    /// The value as pretty-printed JSON text ending in a newline.
    public static func prettyPrinted(_ value: JSONValue) -> String {
        var output = ""
        write(value, indent: 0, into: &output)
        output += "\n"
        return output
    }

    /// A string as a JSON string literal, quotes included.
    public static func quoted(_ string: String) -> String {
        var output = ""
        writeString(string, into: &output)
        return output
    }

    private static func write(_ value: JSONValue, indent: Int, into output: inout String) {
        switch value.content {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let text): output += text
        case .string(let string): writeString(string, into: &output)
        case .array(let items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "["
            for (position, item) in items.enumerated() {
                output += position == 0 ? "\n" : ",\n"
                output += String(repeating: " ", count: indent + 2)
                write(item, indent: indent + 2, into: &output)
            }
            output += "\n" + String(repeating: " ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{"
            for (position, member) in members.enumerated() {
                output += position == 0 ? "\n" : ",\n"
                output += String(repeating: " ", count: indent + 2)
                writeString(member.key, into: &output)
                output += ": "
                write(member.value, indent: indent + 2, into: &output)
            }
            output += "\n" + String(repeating: " ", count: indent) + "}"
        }
    }

    private static func writeString(_ string: String, into output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{00}"..."\u{1F}", "\u{7F}":
                let digits = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
