import NewsletterCore

/// Which of an issue's sections are which required section.
struct SectionMatching {
    /// For each required section (by index in the configuration), the indices of the issue's sections that match it, in document order.
    let matches: [[Int]]
    /// For each of the issue's sections, the required section it matches, if any.
    let requirementOfSection: [Int?]

    init(sections: [Section], required: [RequiredSection]) {
        var keyToRequirement: [String: Int] = [:]
        for (index, requirement) in required.enumerated() {
            for title in [requirement.title] + requirement.aliases {
                let key = SectionTitleKey.key(title)
                if keyToRequirement[key] == nil { keyToRequirement[key] = index }
            }
        }
        var matches = Array(repeating: [Int](), count: required.count)
        var requirementOfSection: [Int?] = []
        for (index, section) in sections.enumerated() {
            let requirement = keyToRequirement[SectionTitleKey.key(section.title.isEmpty ? section.heading : section.title)]
            requirementOfSection.append(requirement)
            if let requirement { matches[requirement].append(index) }
        }
        self.matches = matches
        self.requirementOfSection = requirementOfSection
    }

    /// Matches the issue of `context` against the configured required sections.
    init(_ context: CheckContext) {
        self.init(sections: context.issue.sections, required: context.configuration.requiredSections.sections)
    }

    /// Where a section's heading is, or the start of the file.
    static func headingRange(of section: Section, _ context: CheckContext) -> SourceRange {
        section.headingRange ?? section.range ?? context.startOfFile
    }
}
