import NewsletterCore

/// Which of an issue's sections are which required section.
struct SectionMatching {
    /// For each required section (by index in the configuration), the indices of the issue's sections that match it, in document order.
    let matches: [[Int]]
    /// The required section that each matching section of the issue is, by the section's index; sections that match
    /// none are not here, so that a draft of many sections holds nothing for them.
    private let requirementBySection: [Int: Int]

    init(sections: [Section], required: [RequiredSection]) {
        guard !required.isEmpty else {
            matches = []
            requirementBySection = [:]
            return
        }
        var keyToRequirement: [String: Int] = [:]
        for (index, requirement) in required.enumerated() {
            for title in [requirement.title] + requirement.aliases {
                let key = SectionTitleKey.key(title)
                if keyToRequirement[key] == nil { keyToRequirement[key] = index }
            }
        }
        var matches = Array(repeating: [Int](), count: required.count)
        var requirementBySection: [Int: Int] = [:]
        for (index, section) in sections.enumerated() {
            guard let requirement = keyToRequirement[SectionTitleKey.key(section.title.isEmpty ? section.heading : section.title)]
            else { continue }
            requirementBySection[index] = requirement
            matches[requirement].append(index)
        }
        self.matches = matches
        self.requirementBySection = requirementBySection
    }

    /// The required section (by index in the configuration) that the issue's section at `index` matches, if any.
    func requirement(ofSection index: Int) -> Int? {
        requirementBySection[index]
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
