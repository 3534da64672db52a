import NewsletterCore
import Foundation

/// `non-descriptive-link-text`: link text such as "here" or "read more" that says nothing about where it leads.
public struct NonDescriptiveLinkTextRule: Rule {
    /// Creates the rule.
    public init() {}

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

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let phrases = Set(context.options.strings("phrases").map { $0.lowercased() })
        return LinkSelection.links(context).compactMap { link in
            guard link.kind == .inline || link.kind == .reference else { return nil }
            let text = link.text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
            guard phrases.contains(text) else { return nil }
            return context.diagnostic("link text '\(link.text)' does not say where the link leads", at: LinkSelection.range(of: link, context))
        }
    }
}
