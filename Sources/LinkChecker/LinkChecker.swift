import Foundation
import NewsletterCore

/// Checks the links of a document over the network: concurrent and polite per host, cached, safe against
/// drafts that point at the local network, and honest about what it could not verify.
///
/// ```swift
/// let checker = try LinkChecker()
/// let report = await checker.check(issue)
/// for result in report.results where result.severity != nil { print(result.range, result.message) }
/// ```
///
/// A checker made with a ``LinkCheckSession`` shares that session's connections, host limits, cache and results
/// with every other checker of the session (one per draft of a run, say); one made without checks each document
/// on its own, opening and closing its connections and writing the cache within each call.
public struct LinkChecker: Sendable {
    /// The settings of every run.
    public let configuration: LinkCheckConfiguration
    private let excludes: ExcludeMatcher
    private let sharing: Sharing

    private enum Sharing {
        /// A session of the checker's own for each call.
        case perCall(any HostResolver)
        case session(LinkCheckSession)
    }

    /// Creates a checker that checks each document on its own; throws when a setting is unusable (an invalid
    /// exclude pattern, a limit or duration out of range). `resolver` turns host names into addresses; tests give
    /// a fake one.
    public init(
        configuration: LinkCheckConfiguration = LinkCheckConfiguration(),
        resolver: any HostResolver = SystemHostResolver()
    ) throws(LinkCheckConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
        self.excludes = try ExcludeMatcher(patterns: configuration.excludePatterns)
        self.sharing = .perCall(resolver)
    }

    /// Creates a checker whose checks belong to `session`; throws when a setting is unusable.
    public init(configuration: LinkCheckConfiguration = LinkCheckConfiguration(), session: LinkCheckSession) throws(LinkCheckConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
        self.excludes = try ExcludeMatcher(patterns: configuration.excludePatterns)
        self.sharing = .session(session)
    }

    /// Checks every link of `issue`; `#fragment` links against its headings.
    public func check(_ issue: Issue) async -> LinkCheckReport {
        await check(issue.links, anchors: DocumentAnchors(issue: issue))
    }

    /// Checks `links`, one result per link in the same order; `#fragment` links are looked up in `anchors`.
    public func check(_ links: [Link], anchors: DocumentAnchors = DocumentAnchors(headings: [])) async -> LinkCheckReport {
        await perform(links, anchors: anchors, emit: nil)
    }

    /// Checks every link of `issue`, reporting progress; the last event is ``LinkCheckEvent/completed(_:)``.
    public func progress(_ issue: Issue) -> AsyncStream<LinkCheckEvent> {
        progress(issue.links, anchors: DocumentAnchors(issue: issue))
    }

    /// Checks `links`, reporting progress as it goes; the last event is ``LinkCheckEvent/completed(_:)`` with the
    /// same report ``check(_:anchors:)`` returns. Ending the iteration early cancels the run (in a session, the
    /// requests other documents wait for go on).
    public func progress(_ links: [Link], anchors: DocumentAnchors = DocumentAnchors(headings: [])) -> AsyncStream<LinkCheckEvent> {
        AsyncStream { continuation in
            let task = Task {
                let report = await perform(links, anchors: anchors) { continuation.yield($0) }
                continuation.yield(.completed(report))
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private func perform(_ links: [Link], anchors: DocumentAnchors, emit: (@Sendable (LinkCheckEvent) -> Void)?) async -> LinkCheckReport {
        switch sharing {
        case .session(let session):
            let scope = session.scope(for: configuration, excludes: excludes)
            return await LinkCheckRun(scope: scope, links: links, anchors: anchors, emit: emit).perform()
        case .perCall(let resolver):
            let session = LinkCheckSession(resolver: resolver)
            let scope = session.scope(for: configuration, excludes: excludes)
            var report = await withTaskCancellationHandler {
                await LinkCheckRun(scope: scope, links: links, anchors: anchors, emit: emit).perform()
            } onCancel: {
                session.cancel()
            }
            // Workers started after the cancellation would otherwise go on to the end of their queue.
            if Task.isCancelled { session.cancel() }
            report.notices += await session.finish()
            return report
        }
    }
}

extension Duration {
    /// The span in seconds, for Foundation's `TimeInterval`.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
