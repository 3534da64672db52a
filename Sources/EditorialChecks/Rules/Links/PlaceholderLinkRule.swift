import NewsletterCore

/// `placeholder-link`: a link whose destination or text was never filled in.
public struct PlaceholderLinkRule: Rule, StreamedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's identity, documentation and examples.
    public static let description = RuleDescription(
        id: "placeholder-link",
        name: "Placeholder link",
        summary: "Links have real destinations and text, not placeholders, unfilled merge tags, to-do words or example domains.",
        rationale: """
            Exports keep per-reader values that were never filled in (`?ref=PLACEHOLDER`, `{{rp_refer_url}}`), and drafts keep \
            `TODO` links and `#` destinations; every reader who clicks one lands nowhere. Extra patterns go in \
            `links.placeholder_patterns`.
            """,
        category: .links,
        defaultSeverity: .error,
        nonTriggeringExamples: [
            "# Notes\n\nRead [the guide](https://docs.acme.dev/guide?ref=weekly).\n",
            "# Notes\n\nHi {{first_name | friend}}, the merge tag in text is filled in when sending.\n",
            "# Notes\n\nA [percent sign](https://docs.acme.dev/a%20b) is not a placeholder.\n",
            RuleExample(
                "# Notes\n\nShare [with a friend](https://acme.dev/share?ref=PLACEHOLDER).\n",
                configuration: "links:\n  exclude: ['^https://acme\\.dev/share']\n"
            ),
        ],
        triggeringExamples: [
            "# Notes\n\nShare [with a friend](↓https://acme.dev/share?ref=PLACEHOLDER).\n",
            "# Notes\n\n- [Refer a friend](↓{{rp_refer_url}})\n- [Unsubscribe](↓*|UNSUB|*)\n",
            "# Notes\n\nSee [the launch](↓https://example.com/launch) and [the recap](↓#).\n",
            "# Notes\n\nRead ↓[TODO](https://acme.dev/post) soon.\n",
            "# Notes\n\nVisit <↓https://acme.dev/?id=%7B%7Bsubscriber_id%7D%7D>.\n",
            RuleExample(
                "# Notes\n\nRead [it](↓https://acme.dev/FIXME).\n",
                configuration: "links:\n  placeholder_patterns: ['FIXME']\n"
            ),
        ]
    )

    /// Finds the problems this rule is about in one draft.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        collected(context)
    }

    package func check(_ context: CheckContext, reporting report: (Diagnostic) -> Void) {
        let detector = LinkSelection.placeholders(context)
        let links = LinkSelection.links(context)
        let placeholders = LinkSelection.destinationPlaceholders(context)
        for index in links.indices {
            if let found = placeholders[index] {
                let message = switch found {
                case "": "link has an empty destination"
                case "#": "link destination is only '#'"
                default: "link destination contains the placeholder '\(found)'"
                }
                report(context.diagnostic(message, at: LinkSelection.destinationRange(of: index, in: links, context)))
            } else if links[index].kind != .autolink && links[index].kind != .bareURL,
                      let found = detector.placeholder(inText: links[index].text[...]) {
                report(context.diagnostic(
                    "link text contains the placeholder '\(found)'", at: LinkSelection.range(of: index, in: links, context)
                ))
            }
        }
    }
}
