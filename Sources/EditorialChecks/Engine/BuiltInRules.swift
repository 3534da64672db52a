extension RuleRegistry {
    /// Every built-in offline rule, in the order `rules` lists them.
    public static let builtInRules: [any Rule] = [
        MojibakeRule(),
        MissingTitleRule(),
        MissingSubtitleRule(),
        MissingDateRule(),
        MissingAuthorRule(),
        MissingSectionRule(),
        SectionOrderRule(),
        EmptySectionRule(),
        DuplicateSectionRule(),
        PlaceholderLinkRule(),
        MalformedURLRule(),
        InsecureLinkRule(),
        EmptyLinkTextRule(),
        NonDescriptiveLinkTextRule(),
        ImageAltTextRule(),
        DuplicateLinkRule(),
        EmphasisSpacingRule(),
        LinkSpacingRule(),
        HeadingIncrementRule(),
        TrailingWhitespaceBreakRule(),
    ]

    /// A registry holding the built-in offline rules.
    public static var builtIn: RuleRegistry { registeredBuiltIn }

    /// Registered once: every start of the command-line tool asks for it (its default tool, and the task-local one),
    /// and registering validates each identifier against all before it.
    private static let registeredBuiltIn = {
        // The built-in identifiers are unique kebab-case; the generic rule test proves it.
        try! RuleRegistry(rules: builtInRules)
    }()
}
