import NewsletterCore

/// `malformed-url`: a link destination that is not a usable URL.
public struct MalformedURLRule: Rule, StreamedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's identity, documentation and examples.
    public static let description = RuleDescription(
        id: "malformed-url",
        name: "Malformed URL",
        summary: "Link destinations are well-formed URLs with an allowed scheme and a valid host.",
        rationale: """
            A typo in a scheme (`htps://`, `http//`), a space, an unclosed parenthesis or a broken host name makes a link \
            dead or turns it into plain text, and an email cannot be corrected after it is sent. Schemes other than \
            `links.allowed_schemes` (default https, http, mailto, tel) are refused: `javascript:` or `file:` links do not \
            belong in an email.
            """,
        category: .links,
        defaultSeverity: .error,
        fixSafety: .suggestion,
        nonTriggeringExamples: [
            "# Notes\n\nRead [the guide](https://docs.acme.dev/guide?a=1\\&b=2) and [write](mailto:ada@acme.dev).\n",
            "# Notes\n\nSee [Lisp](https://en.wikipedia.org/wiki/Lisp_(programming_language)) and [top](#top).\n",
            "# Notes\n\nCall [us](tel:+44-20-7946-0000) or open [the local page](http://localhost:8080/x).\n",
            "# Notes\n\nCode `[x](htps://a)` is not a link.\n",
        ],
        triggeringExamples: [
            "# Notes\n\nRead [the guide](↓htps://docs.acme.dev/guide).\n",
            "# Notes\n\nRead [the guide](↓http//docs.acme.dev/guide) and [more](↓https:/docs.acme.dev).\n",
            "# Notes\n\nRead [the guide](↓www.acme.dev/guide).\n",
            "# Notes\n\nRead [the guide](↓https://docs.acme.dev/a guide).\n",
            "# Notes\n\nSee [Lisp](↓https://en.wikipedia.org/wiki/Lisp_(programming_language).\n",
            "# Notes\n\nOpen [this](↓javascript:alert(1)) or [that](↓https://acme..dev) or [mail](↓mailto:ada).\n",
            RuleExample("# Notes\n\nDownload [it](↓ftp://files.acme.dev/a.zip).\n", configuration: "links:\n  allowed_schemes: [https]\n"),
        ],
        corrections: [
            RuleCorrection(
                "# Notes\n\nRead [the guide](htps://docs.acme.dev/guide) and [this](http//acme.dev).\n",
                "# Notes\n\nRead [the guide](https://docs.acme.dev/guide) and [this](http://acme.dev).\n",
                minimumSafety: .suggestion
            ),
            RuleCorrection(
                "# Notes\n\nRead [the guide](www.acme.dev/guide).\n",
                "# Notes\n\nRead [the guide](https://www.acme.dev/guide).\n",
                minimumSafety: .suggestion
            ),
        ]
    )

    /// Finds the problems this rule is about in one draft.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        collected(context)
    }

    package func check(_ context: CheckContext, reporting report: (Diagnostic) -> Void) {
        let unparsedStarts = UnparsedLinkScanner.scan(context, reporting: report)
        let shape = URLShape(allowedSchemes: context.configuration.links.allowedSchemes)
        let links = LinkSelection.links(context)
        let placeholders = LinkSelection.destinationPlaceholders(context)
        for index in links.indices where placeholders[index] == nil {
            guard unparsedStarts.isEmpty || !Self.contains(links[index].range?.start.offset, in: unparsedStarts),
                  let problem = shape.problem(links[index].destinationText)
            else { continue }
            let range = LinkSelection.destinationRange(of: index, in: links, context)
            report(context.diagnostic(problem.message, at: range, fix: fix(for: problem, at: range, context)))
        }
    }

    /// Whether `offset` is one of `starts`, which are in order.
    private static func contains(_ offset: Int?, in starts: [Int]) -> Bool {
        guard let offset else { return false }
        let index = starts.partitioningIndex { $0 >= offset }
        return index < starts.count && starts[index] == offset
    }

    private func fix(for problem: URLShape.Problem, at range: SourceRange, _ context: CheckContext) -> Fix? {
        guard let repair = problem.prefixRepair else { return nil }
        let start = range.start.offset
        let old = context.range(start..<start + repair.old.utf8.count)
        guard context.source[old] == repair.old else { return nil }
        let summary = repair.old.isEmpty ? "insert '\(repair.new)'" : "replace '\(repair.old)' with '\(repair.new)'"
        return Fix(summary: summary, edits: [TextEdit(range: old, replacement: repair.new)], safety: .suggestion)
    }
}
