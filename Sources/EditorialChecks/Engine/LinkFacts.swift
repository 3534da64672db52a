import NewsletterCore
import Synchronization

/// What the link rules of one check share about the draft's links, computed the first time a rule asks.
///
/// Several rules look at the same links: without sharing, each filtered them through `links.exclude` and looked
/// for placeholders in every destination again, which cost more than the rest of the check. The engine gives one
/// instance to every rule of a check; the configuration and the issue are the same for all of them, so what the
/// first rule computes holds for the others. Asynchronous rules run concurrently, hence the lock.
package final class LinkFacts: Sendable {
    private struct State {
        var selected: [Link]?
        var destinationPlaceholders: DestinationPlaceholders?
    }

    private let state = Mutex(State())

    /// Creates an empty set of facts, for one check.
    package init() {}

    /// The issue's links whose destination the configuration does not exclude.
    package func links(_ context: CheckContext) -> [Link] {
        state.withLock { state in Self.selected(&state, context) }
    }

    /// The placeholder in each destination of ``links(_:)`` (same order), `nil` where there is none.
    package func destinationPlaceholders(_ context: CheckContext) -> DestinationPlaceholders {
        state.withLock { state in
            if let found = state.destinationPlaceholders { return found }
            let detector = PlaceholderDetector(extraPatterns: context.configuration.links.placeholderPatterns)
            let links = Self.selected(&state, context)
            // By index: mapping over the links would copy each one.
            let found = DestinationPlaceholders(count: links.count) { detector.placeholder(inDestination: links[$0].destinationText) }
            state.destinationPlaceholders = found
            return found
        }
    }

    private static func selected(_ state: inout State, _ context: CheckContext) -> [Link] {
        if let selected = state.selected { return selected }
        let policy = context.configuration.links
        let selected = policy.exclude.isEmpty ? context.issue.links : context.issue.links.filter { !policy.excludes($0.destination) }
        state.selected = selected
        return selected
    }
}
