/// The id of a JSON-RPC request, which its response repeats: a number or a string, as the client chose.
public enum RequestID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// An integer id.
    case number(Int)
    /// A string id.
    case string(String)

    /// Reads an id from a JSON value; `nil` for anything but an integer or a string.
    public init?(_ value: JSONValue) {
        if let number = value.integerValue {
            self = .number(number)
        } else if let string = value.stringValue {
            self = .string(string)
        } else {
            return nil
        }
    }

    /// The id as a JSON value.
    public var json: JSONValue {
        switch self {
        case .number(let value): .integer(value)
        case .string(let value): .string(value)
        }
    }

    /// Decodes an integer or a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    /// Encodes the integer or string.
    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }

    /// The id as written in JSON: `7` or `"abc"`.
    public var description: String {
        switch self {
        case .number(let value): String(value)
        case .string(let value): "\"\(value)\""
        }
    }
}
