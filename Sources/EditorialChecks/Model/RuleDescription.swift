import NewsletterCore

/// Everything known about a rule without running it: identity, documentation, defaults and examples.
///
/// The examples are the rule's tests (one generic test runs every registered rule's examples) and its
/// documentation (the command-line tool's `rules` listing shows them).
public struct RuleDescription: Sendable, Equatable, Codable, Identifiable {
    /// Stable kebab-case identifier used in configuration, suppression comments and reports.
    public var id: String
    /// A short human-readable name: `Mojibake`.
    public var name: String
    /// One line saying what the rule finds.
    public var summary: String
    /// Why it matters, for the documentation.
    public var rationale: String
    /// The rule's family.
    public var category: RuleCategory
    /// Severity unless the configuration overrides it.
    public var defaultSeverity: Severity
    /// Whether the rule runs without being turned on in the configuration.
    public var isEnabledByDefault: Bool
    /// The safest fix the rule can offer, or `nil` when it offers none.
    public var fixSafety: FixSafety?
    /// The settings the rule reads from its configuration entry.
    public var options: [RuleOption]
    /// Drafts on which the rule must stay silent.
    public var nonTriggeringExamples: [RuleExample]
    /// Drafts on which the rule must report exactly at the `↓` markers.
    public var triggeringExamples: [RuleExample]
    /// Inputs and the exact result of fixing them.
    public var corrections: [RuleCorrection]
    /// The kinds of text the rule reads, in `TextKind` order: the engine runs the rule only on drafts
    /// whose adapter declares one of them (`DecodedDraft.textKind`). A rule that reads or edits
    /// Markdown syntax in the file says `[.markdown]`, so it never reads a JSON string; most rules read the issue and
    /// apply to every kind.
    public var textKinds: [TextKind]

    /// Creates a description.
    public init(
        id: String,
        name: String,
        summary: String,
        rationale: String,
        category: RuleCategory,
        defaultSeverity: Severity,
        isEnabledByDefault: Bool = true,
        fixSafety: FixSafety? = nil,
        options: [RuleOption] = [],
        nonTriggeringExamples: [RuleExample] = [],
        triggeringExamples: [RuleExample] = [],
        corrections: [RuleCorrection] = [],
        textKinds: Set<TextKind> = Set(TextKind.allCases)
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.category = category
        self.defaultSeverity = defaultSeverity
        self.isEnabledByDefault = isEnabledByDefault
        self.fixSafety = fixSafety
        self.options = options
        self.nonTriggeringExamples = nonTriggeringExamples
        self.triggeringExamples = triggeringExamples
        self.corrections = corrections
        self.textKinds = TextKind.allCases.filter(textKinds.contains)
    }

    /// Decodes a description; `textKinds`, added after descriptions were first stored, may be absent (every kind).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            name: try container.decode(String.self, forKey: .name),
            summary: try container.decode(String.self, forKey: .summary),
            rationale: try container.decode(String.self, forKey: .rationale),
            category: try container.decode(RuleCategory.self, forKey: .category),
            defaultSeverity: try container.decode(Severity.self, forKey: .defaultSeverity),
            isEnabledByDefault: try container.decode(Bool.self, forKey: .isEnabledByDefault),
            fixSafety: try container.decodeIfPresent(FixSafety.self, forKey: .fixSafety),
            options: try container.decode([RuleOption].self, forKey: .options),
            nonTriggeringExamples: try container.decode([RuleExample].self, forKey: .nonTriggeringExamples),
            triggeringExamples: try container.decode([RuleExample].self, forKey: .triggeringExamples),
            corrections: try container.decode([RuleCorrection].self, forKey: .corrections),
            textKinds: Set(try container.decodeIfPresent([TextKind].self, forKey: .textKinds) ?? TextKind.allCases)
        )
    }
}

extension RuleDescription {
    /// Whether `id` is a rule identifier: kebab-case, lower-case ASCII letters and digits in words joined by single
    /// hyphens (`placeholder-link`). Read byte by byte: a regular expression would be parsed at every start of the
    /// command-line tool, which registers its rules before it reads its arguments.
    package static func isValidIdentifier(_ id: String) -> Bool {
        var afterHyphen = true
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): afterHyphen = false
            case UInt8(ascii: "-") where !afterHyphen: afterHyphen = true
            default: return false
            }
        }
        return !afterHyphen
    }
}
