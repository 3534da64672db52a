public import EditorialChecks
public import LinkChecker
import NewsletterCore

/// `broken-link`: checks every link over the network and reports the ones that do not work, the ones that could
/// not be verified (and why), and permanent redirects (with the final URL as a suggested fix).
///
/// It is an ``EditorialChecks/AsyncRule``: register it next to the offline rules and run
/// `EditorialChecker.checkIncludingAsyncRules`. Its settings come from the `link_check:` section of
/// `.newsletterlint.yml` (see ``LinkChecker/LinkCheckConfiguration/init(_:)``); links matching the
/// configuration's `links.exclude` patterns are not requested. Made with a ``LinkChecker/LinkCheckSession``, it
/// checks all the drafts of a run within that session: each unique URL once, per-host limits across drafts.
public struct BrokenLinkRule: AsyncRule {
    /// The rule's identity, documentation and options.
    public static let description = RuleDescription(
        id: "broken-link",
        name: "Broken link",
        summary: "Links lead to pages that answer (checked over the network unless --offline).",
        rationale: """
            A newsletter cannot be unsent: a dead link in it reaches every reader. Links are checked politely \
            (HEAD first, per-host limits, retries with backoff) and results that could not be verified, such as \
            bot walls and rate limits, are reported as warnings that say so instead of as broken links.
            """,
        category: .links,
        defaultSeverity: .error,
        fixSafety: .suggestion
    )

    private let sharing: Sharing
    private let onEvent: (@Sendable (LinkCheckEvent) -> Void)?

    private enum Sharing {
        /// Each draft checked on its own.
        case perDraft(any HostResolver)
        case session(LinkCheckSession)
    }

    /// Creates a rule that checks each draft on its own; `onEvent` receives the checker's progress events (for a
    /// progress bar), `resolver` turns host names into addresses (tests pass a fake one).
    public init(resolver: any HostResolver = SystemHostResolver(), onEvent: (@Sendable (LinkCheckEvent) -> Void)? = nil) {
        self.sharing = .perDraft(resolver)
        self.onEvent = onEvent
    }

    /// Creates a rule that checks every draft within `session`; call ``LinkChecker/LinkCheckSession/finish()``
    /// once all drafts are checked.
    public init(session: LinkCheckSession, onEvent: (@Sendable (LinkCheckEvent) -> Void)? = nil) {
        self.sharing = .session(session)
        self.onEvent = onEvent
    }

    /// Checks the draft's links over the network (those `links.exclude` leaves), reporting each failure at its link.
    public func check(_ context: CheckContext) async -> [Diagnostic] {
        let configuration: LinkCheckConfiguration
        let checker: LinkChecker
        do {
            configuration = try LinkCheckConfiguration(context.configuration)
            switch sharing {
            case .perDraft(let resolver): checker = try LinkChecker(configuration: configuration, resolver: resolver)
            case .session(let session): checker = try LinkChecker(configuration: configuration, session: session)
            }
        } catch {
            return [context.diagnostic("link checking is misconfigured: \(error)", at: context.startOfFile)]
        }
        let policy = context.configuration.links
        let links = context.issue.links.filter { !policy.excludes($0.destination) }
        var report: LinkCheckReport?
        for await event in checker.progress(links, anchors: DocumentAnchors(issue: context.issue)) {
            onEvent?(event)
            if case .completed(let completed) = event { report = completed }
        }
        guard let report else { return [] }
        return report.notices.compactMap { diagnostic(for: $0, context) }
            + report.results.compactMap { diagnostic(for: $0, context) }
    }

    private func diagnostic(for result: LinkCheckResult, _ context: CheckContext) -> Diagnostic? {
        guard let suggested = result.severity else { return nil }
        // A link without a position is still reported, where the other link rules report it.
        let range = result.range ?? context.range(of: result.link)
        let fix = result.suggestedReplacement.flatMap { replacement in
            (result.link.destinationRange).map { destination in
                Fix(summary: "link to \(replacement) directly", edits: [TextEdit(range: destination, replacement: replacement)], safety: .suggestion)
            }
        }
        return Diagnostic(
            ruleID: context.rule.id,
            severity: severity(suggested, context),
            message: Self.sentence(result.message),
            range: range,
            fix: fix
        )
    }

    private func diagnostic(for notice: LinkCheckNotice, _ context: CheckContext) -> Diagnostic? {
        Diagnostic(
            ruleID: context.rule.id,
            severity: severity(notice.severity, context),
            message: Self.sentence(notice.message),
            range: notice.range ?? context.startOfFile
        )
    }

    /// Failures take the rule's configured severity; what could not be verified, or only informs, never more.
    private func severity(_ suggested: LinkCheckSeverity, _ context: CheckContext) -> Severity {
        switch suggested {
        case .error: context.severity
        case .warning: min(.warning, context.severity)
        case .info: .info
        }
    }

    /// Diagnostics read like compiler messages: lower-case first word, no final period.
    private static func sentence(_ message: String) -> String {
        var text = message.hasSuffix(".") ? String(message.dropLast()) : message
        if let first = text.first, first.isUppercase, !text.dropFirst().prefix(1).contains(where: \.isUppercase) {
            text = first.lowercased() + text.dropFirst()
        }
        return text
    }
}
