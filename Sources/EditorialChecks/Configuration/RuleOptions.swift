import NewsletterCore

/// A rule's option values: the configured ones, falling back to the defaults the rule declares.
public struct RuleOptions: Sendable, Equatable {
    private let values: [String: MetadataValue]
    private let declared: [RuleOption]

    /// Combines configured values with a rule's declared options.
    package init(configured values: [String: MetadataValue], declared: [RuleOption]) {
        self.values = values
        self.declared = declared
    }

    /// The value of an option, configured or default.
    public subscript(name: String) -> MetadataValue? {
        values[name] ?? declared.first { $0.name == name }?.defaultValue
    }

    /// A list-of-strings option.
    public func strings(_ name: String) -> [String] {
        guard case .list(let items)? = self[name] else { return [] }
        return items.compactMap(\.string)
    }

    /// A boolean option.
    public func bool(_ name: String) -> Bool {
        if case .bool(let value)? = self[name] { return value }
        return false
    }

    /// An integer option.
    public func integer(_ name: String) -> Int? {
        if case .integer(let value)? = self[name] { return value }
        return nil
    }
}
