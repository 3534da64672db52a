/// Ordered key-value fields: what a front-matter block or a JSON object holds beyond the known fields.
///
/// Order is part of the value: a draft written back keeps its keys where the author put them.
public struct Metadata: Sendable, Equatable, Codable, ExpressibleByDictionaryLiteral {
    public typealias Key = String
    public typealias Value = MetadataValue

    /// One field.
    public struct Entry: Sendable, Equatable {
        /// The key as written.
        public var key: String
        /// The value.
        public var value: MetadataValue

        /// Creates a field.
        public init(key: String, value: MetadataValue) {
            self.key = key
            self.value = value
        }
    }

    /// The fields in order.
    public var entries: [Entry]

    /// Creates metadata from fields in order.
    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    /// Creates metadata from a literal, keeping the literal's order: `["draft": .bool(true)]`.
    public init(dictionaryLiteral elements: (String, MetadataValue)...) {
        self.entries = elements.map { Entry(key: $0.0, value: $0.1) }
    }

    /// Whether there are no fields.
    public var isEmpty: Bool { entries.isEmpty }

    /// The keys in order.
    public var keys: [String] { entries.map(\.key) }

    /// The value for `key`; setting a new key appends it, setting `nil` removes it.
    public subscript(key: String) -> MetadataValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            let index = entries.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append(Entry(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    struct CodingKey: Swift.CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from container: KeyedDecodingContainer<CodingKey>) throws {
        entries = try container.allKeys.map { Entry(key: $0.stringValue, value: try container.decode(MetadataValue.self, forKey: $0)) }
    }

    public init(from decoder: any Decoder) throws {
        try self.init(from: decoder.container(keyedBy: CodingKey.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKey.self)
        for entry in entries { try container.encode(entry.value, forKey: CodingKey(stringValue: entry.key)) }
    }
}
