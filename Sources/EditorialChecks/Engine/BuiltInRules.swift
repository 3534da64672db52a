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
    public static var builtIn: RuleRegistry {
        // The built-in identifiers are unique kebab-case; the generic rule test proves it.
        try! RuleRegistry(rules: builtInRules)
    }
}
