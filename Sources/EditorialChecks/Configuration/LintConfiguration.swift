package import NewsletterYAML
import NewsletterCore

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
    /// Pattern rules defined in the configuration (`custom_rules:`), run after the registered rules.
    public var customRules: [CustomRule]
    /// What reading the configuration found suspicious but not wrong enough to stop (rule identifiers no registered
    /// or custom rule has), in the order of the file.
    public var warnings: [ConfigurationWarning]
    /// The file the configuration was read from, if any.
    public var path: String?
    /// The `link_check` mapping, kept as written for the network link checker, which owns its option names and
    /// reports its own errors at their positions (`LinkCheckConfiguration(_:)` in LinkCheckRules reads it).
    package var linkCheck: YAMLNode?
    /// The text the configuration was read from, for the positions of errors found later (in `link_check`).
    package var source: SourceText?

    /// The defaults: every rule as it declares itself, no required sections, no custom rules.
    public init(
        rules: [String: RuleSettings] = [:],
        requiredSections: RequiredSections = RequiredSections(),
        links: LinkPolicy = LinkPolicy(),
        customRules: [CustomRule] = [],
        path: String? = nil
    ) {
        self.rules = rules
        self.requiredSections = requiredSections
        self.links = links
        self.customRules = customRules
        self.warnings = []
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

    /// The custom rule with this identifier.
    public func customRule(id: String) -> CustomRule? {
        customRules.first { $0.id == id }
    }

    /// A rule's options, configured or default.
    public func options(of rule: RuleDescription) -> RuleOptions {
        RuleOptions(configured: rules[rule.id]?.options ?? [:], declared: rule.options)
    }
}
