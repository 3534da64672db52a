import Foundation
import NewsletterPatterns

/// The compiled ``LinkCheckConfiguration/excludePatterns``, matched in time linear in the URL.
struct ExcludeMatcher: Sendable {
    private let expressions: [LinearPattern]

    /// Compiles `patterns`; throws naming the first one that is not a valid or supported pattern.
    init(patterns: [String]) throws(LinkCheckConfigurationError) {
        var expressions: [LinearPattern] = []
        for pattern in patterns {
            do {
                expressions.append(try LinearPattern(pattern))
            } catch {
                throw .invalidExcludePattern(pattern)
            }
        }
        self.expressions = expressions
    }

    /// The first pattern that matches any of `texts`.
    func firstMatch(_ texts: String...) -> String? {
        expressions.first { expression in texts.contains { expression.matches($0) } }?.pattern
    }
}

/// A configuration the checker cannot work with.
public enum LinkCheckConfigurationError: Error, Equatable, CustomStringConvertible {
    /// An exclude pattern is not a valid pattern, or uses what the pattern language does not support.
    case invalidExcludePattern(String)
    /// A count is out of its range : concurrency below 1, retries above 10, ...
    case invalidLimit(name: String, value: Int)
    /// A duration is out of its range : a zero timeout, a day-long interval, ...
    case invalidDuration(name: String, value: Duration)

    /// A message naming the setting.
    public var description: String {
        switch self {
        case .invalidExcludePattern(let pattern):
            return "exclude pattern \(pattern): \(Self.reason(pattern))"
        case .invalidLimit(let name, let value):
            let range = LinkCheckConfiguration.countRanges[Self.key(name)] ?? value...value
            return "\(name) cannot be \(value); it must be a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .invalidDuration(let name, let value):
            let seconds = value.timeInterval
            let range = LinkCheckConfiguration.secondsRanges[Self.key(name)] ?? seconds...seconds
            return "\(name) cannot be \(Self.format(seconds)) seconds; it must be from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound)) seconds"
        }
    }

    /// What is wrong with an exclude pattern, as the pattern compiler says it.
    private static func reason(_ pattern: String) -> String {
        do {
            _ = try LinearPattern(pattern)
            return "is not a valid pattern"
        } catch {
            return error.description
        }
    }

    /// The key of the range tables for a setting's name (`hosts.a.example.concurrency` is `concurrency`).
    private static func key(_ name: String) -> String {
        name.hasPrefix("hosts.") ? String(name.split(separator: ".").last ?? "") : name
    }

    /// `60` rather than `60.0`; fractions as they are.
    package static func format(_ seconds: Double) -> String {
        seconds.rounded() == seconds && abs(seconds) < 1e15 ? String(Int64(seconds)) : String(seconds)
    }
}
