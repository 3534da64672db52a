import Foundation

/// A regular expression from the configuration, kept with its source text for messages.
public struct TextPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written (ICU syntax, as `NSRegularExpression` reads it).
    public let pattern: String
    private let expression: NSRegularExpression

    /// Compiles a pattern; an invalid one is `nil`.
    public init?(_ pattern: String) {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return nil }
        self.pattern = pattern
        self.expression = expression
    }

    /// The first match in `text`, if any.
    public func firstMatch(in text: String) -> Range<String.Index>? {
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        guard let match = expression.firstMatch(in: text, range: range) else { return nil }
        return Range(match.range, in: text)
    }

    public static func == (lhs: TextPattern, rhs: TextPattern) -> Bool { lhs.pattern == rhs.pattern }

    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    /// The pattern as written.
    public var description: String { pattern }
}
