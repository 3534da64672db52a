/// One key-value pair of a YAML mapping, both with their source ranges.
public struct YAMLPair: Sendable, Equatable {
    /// The key node; ``YAMLNode/range`` of it is where a diagnostic about the key should point.
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
