import Foundation

/// The compiled ``LinkCheckConfiguration/excludePatterns``.
struct ExcludeMatcher: @unchecked Sendable {
    // NSRegularExpression is immutable once built and documented as safe to share between threads.
    private let expressions: [(pattern: String, regex: NSRegularExpression)]

    /// Compiles `patterns`; throws naming the first one that is not a valid regular expression.
    init(patterns: [String]) throws(LinkCheckConfigurationError) {
        var expressions: [(String, NSRegularExpression)] = []
        for pattern in patterns {
            do {
                expressions.append((pattern, try NSRegularExpression(pattern: pattern)))
            } catch {
                throw .invalidExcludePattern(pattern)
            }
        }
        self.expressions = expressions
    }

    /// The first pattern that matches any of `texts`.
    func firstMatch(_ texts: String...) -> String? {
        expressions.first { expression in
            texts.contains { text in
                expression.regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            }
        }?.pattern
    }
}

/// A configuration the checker cannot work with.
public enum LinkCheckConfigurationError: Error, Equatable, CustomStringConvertible {
    /// An exclude pattern is not a valid regular expression.
    case invalidExcludePattern(String)
    /// A limit is out of range: concurrency below 1, or retries or redirects below 0.
    case invalidLimit(name: String, value: Int)

    /// A message naming the setting.
    public var description: String {
        switch self {
        case .invalidExcludePattern(let pattern): "exclude pattern \(pattern) is not a valid regular expression"
        case .invalidLimit(let name, let value): "\(name) cannot be \(value)"
        }
    }
}
