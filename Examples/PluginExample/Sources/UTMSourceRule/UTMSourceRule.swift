import EditorialChecks
import Foundation
import NewsletterCore

/// `utm-source`: every link to another site carries a `utm_source` parameter, so that the sites we send readers to
/// can tell them where the visit came from.
///
/// Links without a host (relative links, `mailto:`) and links to `ownHosts` are not judged. It reports at the
/// destination as written, where every built-in link rule reports, through `CheckContext.destinationRange(of:)`.
public struct UTMSourceRule: Rule {
    public static let description = RuleDescription(
        id: "utm-source",
        name: "UTM source on external links",
        summary: "Every link to another site carries a utm_source parameter.",
        rationale: "Sites we link to see where their visitors came from only when the link says so.",
        category: .links,
        defaultSeverity: .warning,
        options: [
            RuleOption(
                name: "own_hosts", summary: "Hosts of our own, whose links need no utm_source.", kind: .stringList,
                defaultValue: .list([.string("fieldnotes.example")])
            ),
        ],
        nonTriggeringExamples: [
            RuleExample("Read [the post](https://blog.feedcraft.example/post?utm_source=weekly).\n"),
            RuleExample("Our [archive](https://fieldnotes.example/archive) and [contact](mailto:robin@fieldnotes.example).\n"),
        ],
        triggeringExamples: [
            RuleExample("Read [the post](↓https://blog.feedcraft.example/post).\n"),
            RuleExample("Read [the post](↓https://blog.feedcraft.example/post?utm_medium=email).\n"),
        ]
    )

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let ownHosts = Set(context.options.strings("own_hosts").map { $0.lowercased() })
        var diagnostics: [Diagnostic] = []
        for link in context.issue.links {
            guard let components = URLComponents(string: link.destination), let host = components.host?.lowercased(),
                  components.scheme == "https" || components.scheme == "http", !ownHosts.contains(host),
                  !(components.queryItems ?? []).contains(where: { $0.name == "utm_source" })
            else { continue }
            diagnostics.append(context.diagnostic("link to '\(host)' has no utm_source parameter", at: context.destinationRange(of: link)))
        }
        return diagnostics
    }
}
