public import NewsletterCore

/// A node of a parsed YAML document: a scalar, a sequence, or a mapping whose pairs keep their source order.
///
/// Every node knows where it is written, in the coordinates of the whole file it came from (a front-matter
/// block that starts on line 2 gives nodes on line 2 and later), so diagnostics point at the right spot.
///
/// ```swift
/// let source = SourceText("---\ntitle: Hello\ntags: [a, b]\n---\n", path: "draft.md")
/// let root = try YAMLParser().parse(source, utf8Range: 4..<30)
/// root?["title"]?.text             // "Hello"
/// root?.pair(forKey: "tags")?.key.range.start.description  // "3:1"
/// ```
public struct YAMLNode: Sendable, Equatable {
    /// What a node holds.
    public indirect enum Content: Sendable, Equatable {
        /// A single value.
        case scalar(YAMLScalar)
        /// Items in order.
        case sequence([YAMLNode])
        /// Key-value pairs in source order; keys are unique.
        case mapping([YAMLPair])
    }

    /// What the node holds.
    public var content: Content
    /// Where the node is written. For a node reached through an alias, this is the `*alias` itself, while the
    /// nodes inside keep pointing at the anchored original.
    public var range: SourceRange
    /// The explicit tag in full form (`tag:yaml.org,2002:str` for `!!str`), or `nil` when the node has none.
    public var tag: String?
    /// The anchor name (`base` for `&base`), if the node defines one.
    public var anchor: String?
    /// The alias name (`base` for `*base`) when the node is a reference to an anchored node.
    public var alias: String?

    /// Creates a node; ``YAMLParser`` is the usual way to get one.
    public init(_ content: Content, range: SourceRange, tag: String? = nil, anchor: String? = nil, alias: String? = nil) {
        self.content = content
        self.range = range
        self.tag = tag
        self.anchor = anchor
        self.alias = alias
    }

    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The items, if this node is a sequence.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The pairs in source order, if this node is a mapping.
    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The scalar's text whatever it resolves to (`yes`, `1.0`, `2024-02-16`), or `nil` for collections.
    public var text: String? { scalar?.text }

    /// The text of a scalar that resolves to a string (not `null`, `true`, `12`), or `nil`.
    public var string: String? {
        if case .scalar(let scalar) = content, case .string(let value) = scalar.value { return value }
        return nil
    }

    /// The value of a scalar that resolves to a boolean, or `nil`.
    public var bool: Bool? {
        if case .scalar(let scalar) = content, case .bool(let value) = scalar.value { return value }
        return nil
    }

    /// The value of a scalar that resolves to an integer, or `nil`.
    public var integer: Int? {
        if case .scalar(let scalar) = content, case .integer(let value) = scalar.value { return value }
        return nil
    }

    /// The value of a scalar that resolves to a number (an integer or a float), or `nil`.
    public var double: Double? {
        guard case .scalar(let scalar) = content else { return nil }
        switch scalar.value {
        case .integer(let value): return Double(value)
        case .float(let value): return value
        default: return nil
        }
    }

    /// Whether this is a scalar that resolves to null (`null`, `~`, or an empty value).
    public var isNull: Bool {
        if case .scalar(let scalar) = content, case .null = scalar.value { return true }
        return false
    }

    /// A short name of the node's kind for messages: `a string`, `a sequence`, `a mapping`, `null`, ...
    public var kindDescription: String {
        switch content {
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return "null"
            case .bool: return "a boolean"
            case .integer: return "an integer"
            case .float: return "a number"
            case .string: return "a string"
            }
        }
    }

    /// The pair whose key is a scalar with exactly this text (quoted or not), if this node is a mapping holding one.
    public func pair(forKey key: String) -> YAMLPair? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first { $0.key.text == key }
    }

    /// The value for a scalar key with exactly this text, if this node is a mapping holding one.
    public subscript(key: String) -> YAMLNode? {
        pair(forKey: key)?.value
    }

    /// The item at `index` if this node is a sequence that long.
    public subscript(index: Int) -> YAMLNode? {
        guard case .sequence(let items) = content, items.indices.contains(index) else { return nil }
        return items[index]
    }
}
