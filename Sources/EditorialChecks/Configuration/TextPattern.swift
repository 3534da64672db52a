import NewsletterPatterns

/// A regular expression from the configuration, kept with its source text for messages.
///
/// Patterns are matched in time linear in the text, whatever they are: the language is a subset of ICU's and
/// PCRE's without backreferences or lookaround (see <doc:PatternLanguage>), and a match is the leftmost one that
/// a backtracking engine such as `NSRegularExpression` would report.
public struct TextPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let expression: LinearPattern

    /// Compiles a pattern; an invalid or unsupported one is `nil`.
    public init?(_ pattern: String) {
        guard let expression = try? LinearPattern(pattern) else { return nil }
        self.init(expression)
    }

    private init(_ expression: LinearPattern) {
        pattern = expression.pattern
        self.expression = expression
    }

    /// Compiles a pattern, or says what is wrong with it and where.
    package static func compile(_ pattern: String) throws(PatternSyntaxError) -> TextPattern {
        TextPattern(try LinearPattern(pattern))
    }

    /// The first match in `text`, if any: the leftmost, and among matches starting there the one the first
    /// alternative and greedy repetitions prefer.
    public func firstMatch(in text: String) -> Range<String.Index>? {
        expression.firstMatch(in: text)
    }

    /// The UTF-8 offsets of every match in `text`, left to right without overlap.
    package func matchOffsets(in text: String) -> [Range<Int>] {
        expression.matchOffsets(in: text)
    }

    /// Whether `text` holds a match.
    public func matches(_ text: String) -> Bool {
        expression.matches(text)
    }

    /// Patterns are equal when written the same.
    public static func == (lhs: TextPattern, rhs: TextPattern) -> Bool { lhs.pattern == rhs.pattern }

    /// Hashes the pattern as written.
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    /// The pattern as written.
    public var description: String { pattern }
}
