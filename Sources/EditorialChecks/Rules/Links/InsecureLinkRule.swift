import NewsletterCore

/// `insecure-link`: a link over plain `http`.
public struct InsecureLinkRule: Rule, StreamedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's identity, documentation and examples.
    public static let description = RuleDescription(
        id: "insecure-link",
        name: "Insecure link",
        summary: "Links use https rather than http.",
        rationale: """
            Browsers warn on plain-http pages and some mail clients rewrite or flag them. Most sites serve https today; \
            the suggested fix switches the scheme, which a person should confirm since a few sites still do not.
            """,
        category: .links,
        defaultSeverity: .info,
        fixSafety: .suggestion,
        nonTriggeringExamples: [
            "# Notes\n\nRead [the guide](https://docs.acme.dev/guide).\n",
            "# Notes\n\nTry [the local preview](http://localhost:4000/) or [this](http://127.0.0.1/).\n",
        ],
        triggeringExamples: [
            "# Notes\n\nRead [the guide](↓http://docs.acme.dev/guide) and <↓HTTP://acme.dev>.\n",
        ],
        corrections: [
            RuleCorrection(
                "# Notes\n\nRead [the guide](http://docs.acme.dev/guide).\n",
                "# Notes\n\nRead [the guide](https://docs.acme.dev/guide).\n",
                minimumSafety: .suggestion
            ),
        ]
    )

    /// Finds the problems this rule is about in one draft.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        collected(context)
    }

    package func check(_ context: CheckContext, reporting report: (Diagnostic) -> Void) {
        let links = LinkSelection.links(context)
        for index in links.indices where Self.isPlainHTTP(links[index].destinationText) {
            guard let host = PlaceholderDetector.host(of: links[index].destinationText)?.lowercased(),
                  !["localhost", "127.0.0.1", "[::1]", "::1"].contains(host)
            else { continue }
            let range = LinkSelection.destinationRange(of: index, in: links, context)
            let scheme = context.range(range.start.offset..<range.start.offset + 4)
            var fix: Fix?
            if links[index].destinationRange != nil, context.source[scheme].lowercased() == "http" {
                fix = Fix(summary: "use https", edits: [TextEdit(range: scheme, replacement: "https")], safety: .suggestion)
            }
            report(context.diagnostic("link to '\(host)' uses http; use https", at: range, fix: fix))
        }
    }

    private static let plainHTTP = Array("http://".utf8)

    /// Whether the destination starts with `http://` in any case, read on its first bytes rather than by lower-casing
    /// it all.
    private static func isPlainHTTP(_ destination: Substring) -> Bool {
        let bytes = destination.utf8
        guard bytes.count >= plainHTTP.count, zip(bytes, plainHTTP).allSatisfy({ $0 == $1 || ($1 >= 0x61 && $0 | 0x20 == $1) }) else { return false }
        // A combining mark after the slash would make it part of another character.
        guard let next = bytes.dropFirst(plainHTTP.count).first, next >= 0x80 else { return true }
        return destination.lowercased().hasPrefix("http://")
    }
}
