/// A value in an issue's metadata: the shape YAML and JSON values share.
///
/// It encodes to and decodes from plain JSON (`"text"`, `1`, `true`, `null`, arrays, objects in order).
public indirect enum MetadataValue: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case integer(Int)
    case double(Double)
    case string(String)
    case list([MetadataValue])
    case mapping(Metadata)

    /// The string, if this is one.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: Metadata.CodingKey.self) {
            self = .mapping(try Metadata(from: container))
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var items: [MetadataValue] = []
            while !array.isAtEnd { items.append(try array.decode(MetadataValue.self)) }
            self = .list(items)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? single.decode(Double.self) {
            self = .double(value)
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .mapping(let metadata):
            try metadata.encode(to: encoder)
        case .list(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .integer(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .double(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        }
    }
}
