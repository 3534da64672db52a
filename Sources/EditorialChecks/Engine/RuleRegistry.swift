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

    /// A registry of rules whose streamed forms are known without a cast (see ``Entry``).
    package init(entries: [Entry]) throws(NewsletterError) {
        try self.init()
        for entry in entries { try register(entry) }
    }

    /// Adds an offline rule.
    public mutating func register(_ rule: any Rule) throws(NewsletterError) {
        try register(Entry(rule: rule, streamed: rule as? any StreamedRule))
    }

    private mutating func register(_ entry: Entry) throws(NewsletterError) {
        try validate(type(of: entry.rule).description.id)
        rules.append(entry.rule)
        streamedRules.append(entry.streamed)
    }

    /// An offline rule with its ``StreamedRule`` form, if it has one, found by the compiler rather than by a cast.
    package struct Entry: Sendable {
        let rule: any Rule
        let streamed: (any StreamedRule)?

        /// A rule that reports its diagnostics as it finds them.
        package static func streamed(_ rule: some StreamedRule) -> Entry { Entry(rule: rule, streamed: rule) }
        /// A rule that returns its diagnostics together.
        package static func plain(_ rule: some Rule) -> Entry { Entry(rule: rule, streamed: nil) }
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
