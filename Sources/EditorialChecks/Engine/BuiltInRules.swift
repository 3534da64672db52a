extension RuleRegistry {
    /// Every built-in offline rule, in the order `rules` lists them.
    public static let builtInRules: [any Rule] = builtInEntries.map(\.rule)

    /// The built-in rules, each with its ``StreamedRule`` form when it has one: found here, where the compiler knows
    /// the conformance, because a cast at run time searches the conformance records of every loaded library, a
    /// millisecond of each start of the tool for all of them.
    private static let builtInEntries: [RuleRegistry.Entry] = [
        .streamed(MojibakeRule()),
        .plain(MissingTitleRule()),
        .plain(MissingSubtitleRule()),
        .plain(MissingDateRule()),
        .plain(MissingAuthorRule()),
        .plain(MissingSectionRule()),
        .plain(SectionOrderRule()),
        .streamed(EmptySectionRule()),
        .streamed(DuplicateSectionRule()),
        .streamed(PlaceholderLinkRule()),
        .streamed(MalformedURLRule()),
        .streamed(InsecureLinkRule()),
        .streamed(EmptyLinkTextRule()),
        .streamed(NonDescriptiveLinkTextRule()),
        .streamed(ImageAltTextRule()),
        .streamed(DuplicateLinkRule()),
        .streamed(EmphasisSpacingRule()),
        .streamed(LinkSpacingRule()),
        .streamed(HeadingIncrementRule()),
        .streamed(TrailingWhitespaceBreakRule()),
    ]

    /// A registry holding the built-in offline rules.
    public static var builtIn: RuleRegistry { registeredBuiltIn }

    /// Registered once: every start of the command-line tool asks for it (its default tool, and the task-local one),
    /// and registering validates each identifier against all before it.
    private static let registeredBuiltIn = {
        // The built-in identifiers are unique kebab-case; the generic rule test proves it.
        try! RuleRegistry(entries: builtInEntries)
    }()
}
