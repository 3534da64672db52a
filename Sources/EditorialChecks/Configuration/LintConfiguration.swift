public import NewsletterYAML

/// How drafts are checked: which rules run at which severity with which options, the sections
/// an issue needs, and the link policy. Read from `.newsletterlint.yml` or built in code.
///
/// ```swift
/// var configuration = LintConfiguration()
/// configuration.rules["duplicate-link"] = RuleSettings(isEnabled: false)
/// configuration.requiredSections = RequiredSections([RequiredSection("Cool Tools"), RequiredSection("See ya")])
/// ```
public struct LintConfiguration: Sendable {
    /// The name of the configuration file looked for next to and above a draft.
    public static let fileName = ".newsletterlint.yml"

    /// Settings by rule identifier; rules not listed keep their defaults.
    public var rules: [String: RuleSettings]
    /// The sections an issue must have.
    public var requiredSections: RequiredSections
    /// Exclusions, placeholder patterns and schemes for the link rules.
    public var links: LinkPolicy
    /// The `link_check` mapping, kept as written for the network link checker, which owns its option names
    /// and reports its own errors at their positions; `nil` when the configuration has none.
    public var linkCheck: YAMLNode?
    /// The file the configuration was read from, if any.
    public var path: String?

    /// The defaults: every rule as it declares itself, no required sections.
    public init(
        rules: [String: RuleSettings] = [:],
        requiredSections: RequiredSections = RequiredSections(),
        links: LinkPolicy = LinkPolicy(),
        linkCheck: YAMLNode? = nil,
        path: String? = nil
    ) {
        self.rules = rules
        self.requiredSections = requiredSections
        self.links = links
        self.linkCheck = linkCheck
        self.path = path
    }

    /// Whether a rule runs.
    public func isEnabled(_ rule: RuleDescription) -> Bool {
        rules[rule.id]?.isEnabled ?? rule.isEnabledByDefault
    }

    /// The severity a rule reports with.
    public func severity(of rule: RuleDescription) -> Severity {
        rules[rule.id]?.severity ?? rule.defaultSeverity
    }

    /// A rule's options, configured or default.
    public func options(of rule: RuleDescription) -> RuleOptions {
        RuleOptions(configured: rules[rule.id]?.options ?? [:], declared: rule.options)
    }
}
