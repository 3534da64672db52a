/// JSON as Python's `json.dumps` writes it by default: every character beyond ASCII as a `\u` escape, a surrogate
/// pair beyond the Basic Multilingual Plane. Only string contents hold such characters in JSON, so applying this
/// to a whole JSON document keeps it valid.
public enum PythonJSONEscaping {
    /// `text` with every character beyond ASCII written as `\u` escapes.
    public static func escapingNonASCII(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            guard scalar.value >= 0x80 else {
                result.unicodeScalars.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                let hex = String(unit, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return result
    }
}
