import NewsletterCore

/// The rules an application runs: the built-in ones, a team's own, and asynchronous ones such as the link checker.
///
/// ```swift
/// var registry = RuleRegistry.builtIn
/// try registry.register(NoShoutingTitleRule())
/// ```
public struct RuleRegistry: Sendable {
    /// The offline rules, in registration order.
    public private(set) var rules: [any Rule]
    /// The asynchronous rules, in registration order.
    public private(set) var asyncRules: [any AsyncRule]
    /// The offline rules that report their diagnostics as they find them (``StreamedRule``), by the index of the rule in
    /// ``rules``: found once here, since a cast to a protocol for every rule of every draft took a hundredth of a folder's check.
    package private(set) var streamedRules: [(any StreamedRule)?]

    /// Creates a registry; identifiers must be unique kebab-case.
    public init(rules: [any Rule] = [], asyncRules: [any AsyncRule] = []) throws(NewsletterError) {
        self.rules = []
        self.asyncRules = []
        self.streamedRules = []
        for rule in rules { try register(rule) }
        for rule in asyncRules { try register(rule) }
    }

    /// Adds an offline rule.
    public mutating func register(_ rule: any Rule) throws(NewsletterError) {
        try validate(type(of: rule).description.id)
        rules.append(rule)
        streamedRules.append(rule as? any StreamedRule)
    }

    /// Adds an asynchronous rule.
    public mutating func register(_ rule: any AsyncRule) throws(NewsletterError) {
        try validate(type(of: rule).description.id)
        asyncRules.append(rule)
    }

    /// Every rule's description, offline rules first.
    public var descriptions: [RuleDescription] {
        rules.map { type(of: $0).description } + asyncRules.map { type(of: $0).description }
    }

    /// The description of the rule with this identifier.
    public func description(id: String) -> RuleDescription? {
        descriptions.first { $0.id == id }
    }

    private func validate(_ id: String) throws(NewsletterError) {
        guard RuleDescription.isValidIdentifier(id) else {
            throw NewsletterError(.configuration, "rule identifier '\(id)' is not kebab-case")
        }
        guard description(id: id) == nil else {
            throw NewsletterError(.configuration, "a rule with identifier '\(id)' is already registered")
        }
    }
}
