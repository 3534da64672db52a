import Foundation
import NewsletterCore

/// The `#fragment` targets of a document: GitHub-style slugs of its headings.
public struct DocumentAnchors: Sendable, Equatable {
    /// The slugs, lowercased.
    public private(set) var slugs: Set<String>

    /// Anchors for the headings of `issue` (its sections, and its title as a level-1 heading).
    public init(issue: Issue) {
        self.init(sections: issue.sections, title: issue.title)
    }

    /// Anchors for `sections` (and `title`, when given, as a leading heading). Each heading yields the slug of its
    /// text with the leading emoji and of its plain title without it, since renderers differ on emoji.
    public init(sections: [Section], title: String? = nil) {
        var headings: [[String]] = []
        if let title { headings.append([title]) }
        for section in sections {
            var variants = [section.title]
            if let emoji = section.emoji { variants.insert("\(emoji) \(section.title)", at: 0) }
            headings.append(variants)
        }
        self.init(headingVariants: headings)
    }

    /// Anchors for headings given as plain text, in document order.
    public init(headings: [String]) {
        self.init(headingVariants: headings.map { [$0] })
    }

    private init(headingVariants: [[String]]) {
        var used: [String: Int] = [:]
        var slugs = Set<String>()
        for variants in headingVariants {
            for (index, text) in variants.enumerated() {
                let base = Self.slug(text)
                // GitHub numbers repeated slugs: `notes`, `notes-1`, `notes-2`; the count follows the first variant.
                let seen = used[base, default: 0]
                slugs.insert(seen == 0 ? base : "\(base)-\(seen)")
                if index == 0 { used[base] = seen + 1 }
            }
        }
        self.slugs = slugs
    }

    /// Whether `fragment` (as written after `#`, possibly percent-encoded) names a heading.
    public func contains(_ fragment: String) -> Bool {
        let decoded = fragment.removingPercentEncoding ?? fragment
        return slugs.contains(decoded.lowercased()) || slugs.contains(Self.slug(decoded))
    }

    /// GitHub's slug of a heading's plain text: lowercased, letters, numbers, `-` and `_` kept, spaces turned
    /// into `-`, everything else (punctuation, emoji) dropped. `"🤌 Ben's Picks"` gives `-bens-picks`.
    public static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character == " " {
                slug.append("-")
            } else if character == "-" || character == "_" {
                slug.append(character)
            } else if character.unicodeScalars.allSatisfy({
                let properties = $0.properties
                return properties.isAlphabetic || properties.numericType != nil
                    || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
            }) && !character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) {
                slug.append(character)
            }
        }
        return slug
    }
}
