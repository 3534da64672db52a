import NewsletterCore
import NewsletterMarkdown

/// What a beehiiv section heading looks like, and how one is written for a section built in code.
enum BeehiivSectionHeading {
    /// Whether a heading has the shape of a section heading (`### **🤌 Ben's Picks**`, `## <mark>...</mark>`, a
    /// leading emoji) rather than of a subtitle.
    static func looksLikeSection(_ heading: MarkdownHeading) -> Bool {
        let content = BeehiivHeader.atxContent(heading.sourceText)
        return content.hasPrefix("**") || content.hasPrefix("__") || content.hasPrefix("<mark>")
            || HeadingTitle.split(heading.plainText).emoji != nil
    }

    /// The heading line for a section that has none written: bold emoji and title at the section's level.
    static func synthesized(for section: Section) -> String {
        let marks = String(repeating: "#", count: min(max(section.level, 1), 6))
        let words = [section.emoji, section.title].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        return words.isEmpty ? marks : "\(marks) **\(words)**"
    }
}
