import Foundation
import NewsletterCore
import Synchronization

/// `non-descriptive-link-text`: link text such as "here" or "read more" that says nothing about where it leads.
public struct NonDescriptiveLinkTextRule: Rule, StreamedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's identity, documentation and examples.
    public static let description = RuleDescription(
        id: "non-descriptive-link-text",
        name: "Non-descriptive link text",
        summary: "Link text says where the link leads.",
        rationale: """
            Screen-reader users often list a page's links out of context, and every reader scans for them: "click here" \
            and "link" say nothing. Compared without case and surrounding punctuation; the phrases are configurable.
            """,
        category: .accessibility,
        defaultSeverity: .info,
        options: [
            RuleOption(
                name: "phrases",
                summary: "Link texts that count as non-descriptive, compared without case.",
                kind: .stringList,
                defaultValue: .list(["link", "here", "click here", "this", "read more", "more", "this link", "click", "learn more"].map(MetadataValue.string))
            ),
        ],
        nonTriggeringExamples: [
            "# Notes\n\nRead [the pricing guide](https://docs.acme.dev/pricing).\n",
            RuleExample("# Notes\n\nRead [more](https://docs.acme.dev/pricing).\n", configuration: "rules:\n  non-descriptive-link-text:\n    phrases: [here]\n"),
        ],
        triggeringExamples: [
            "# Notes\n\n- Acme - **a ledger**. (↓[<u>link</u>](https://acme.dev))\n- Read ↓[Click here!](https://acme.dev/b)\n",
        ]
    )

    private static let ignored = CharacterSet.whitespacesAndNewlines.union(.punctuationCharacters)
    /// ``ignored`` for each ASCII byte, so that ASCII link texts are trimmed without Foundation.
    private static let ignoredASCII: [Bool] = (0..<128).map { ignored.contains(Unicode.Scalar(UInt8($0))) }

    /// Finds the problems this rule is about in one draft.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        collected(context)
    }

    package func check(_ context: CheckContext, reporting report: (Diagnostic) -> Void) {
        let (phrases, longest, lengths) = Self.phrases(context.options.strings("phrases")).lookup
        let links = LinkSelection.links(context)
        for index in links.indices where LinkSelection.hasWrittenText(index, in: links) {
            // Surrounding punctuation and space aside, a longer text cannot be one of the phrases.
            guard links[index].text.utf8.count <= longest + 8,
                  let comparable = Self.comparable(links[index].text, ofLengthIn: lengths), phrases.contains(comparable)
            else { continue }
            report(context.diagnostic(
                "link text '\(links[index].text)' does not say where the link leads", at: LinkSelection.range(of: index, in: links, context)
            ))
        }
    }

    /// A list of phrases as the rule compares link texts with them.
    private struct Phrases: Sendable {
        let list: [String]
        /// The phrases lower-cased, the longest one's length in bytes, and every length they have.
        let lookup: (phrases: Set<String>, longest: Int, lengths: Set<Int>)

        init(_ list: [String]) {
            self.list = list
            let phrases = Set(list.map { $0.lowercased() })
            lookup = (phrases, phrases.map(\.utf8.count).max() ?? 0, Set(phrases.map(\.utf8.count)))
        }
    }

    /// The last list of phrases prepared: the drafts of a folder share a configuration, and preparing the list
    /// again for each was a draft's largest cost in this rule.
    private static let lastPhrases = Mutex<Phrases?>(nil)

    private static func phrases(_ list: [String]) -> Phrases {
        if let last = lastPhrases.withLock({ $0 }), last.list == list { return last }
        let phrases = Phrases(list)
        lastPhrases.withLock { $0 = phrases }
        return phrases
    }

    /// The text lower-cased, without surrounding white space and punctuation; `nil` for an ASCII text whose length,
    /// so trimmed, is none of `lengths`: lower-casing keeps an ASCII text's length, so it cannot be a phrase, and most
    /// link texts are left without making a string.
    private static func comparable(_ text: String, ofLengthIn lengths: Set<Int>) -> String? {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            // Trimmed scalar by scalar from each end: Foundation's trimming bridges to NSString, a tenth of a folder's
            // link rules.
            let scalars = text.lowercased().unicodeScalars
            guard let first = scalars.firstIndex(where: { !ignored.contains($0) }),
                  let last = scalars.lastIndex(where: { !ignored.contains($0) })
            else { return "" }
            return String(scalars[first...last])
        }
        let start = bytes.firstIndex { !ignoredASCII[Int($0)] } ?? bytes.endIndex
        let end = bytes[start...].lastIndex { !ignoredASCII[Int($0)] }.map(bytes.index(after:)) ?? start
        guard lengths.contains(bytes.distance(from: start, to: end)) else { return nil }
        return String(text[start..<end]).lowercased()
    }
}
