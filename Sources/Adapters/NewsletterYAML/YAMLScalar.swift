import Foundation

/// A YAML scalar: its text as the parser produced it, how it was written, and what it means under the
/// YAML 1.2 core schema.
public struct YAMLScalar: Sendable, Equatable {
    /// How a scalar is written in the source.
    public enum Style: String, Sendable, Equatable, CaseIterable {
        /// `title: Hello`
        case plain
        /// `title: 'Hello'`
        case singleQuoted
        /// `title: "Hello"`
        case doubleQuoted
        /// `body: |` followed by indented lines.
        case literal
        /// `body: >` followed by indented lines.
        case folded
    }

    /// The value a scalar resolves to under the YAML 1.2 core schema.
    ///
    /// Only `true`/`false` (also `True`, `TRUE`, ...) are booleans: `yes`, `no`, `on`, `off` are strings.
    /// Timestamps are strings too (see ``YAMLScalar/isTimestamp``); integers that do not fit `Int` stay strings
    /// so that no digit is lost.
    public enum Value: Sendable, Hashable {
        /// `null`, `Null`, `NULL`, `~` or nothing at all.
        case null
        /// `true` or `false` in any of the core schema's three spellings.
        case bool(Bool)
        /// Decimal, `0o` octal or `0x` hexadecimal.
        case integer(Int)
        /// Decimal with a point or exponent, `.inf`, `-.inf`, `.nan`.
        case float(Double)
        /// Any other text, and every quoted or block scalar.
        case string(String)
    }

    /// The scalar's content after YAML's quoting, escaping and folding rules: `'it''s'` gives `it's`.
    public var text: String
    /// How it was written.
    public var style: Style
    /// What it means.
    public var value: Value

    /// Creates a scalar; ``YAMLParser`` is the usual way to get one.
    public init(text: String, style: Style, value: Value) {
        self.text = text
        self.style = style
        self.value = value
    }

    /// Whether this is a plain scalar shaped like a YAML timestamp (`2024-02-16`, `2024-02-16T09:30:00Z`,
    /// `2024-02-16 09:30:00 +01:00`). The core schema reads it as a string; callers that know a field holds a
    /// date (front matter's `date`) use this to turn it into one while keeping the text.
    public var isTimestamp: Bool {
        style == .plain && YAMLCoreSchema.isTimestamp(text.utf8)
    }

    /// The moment a timestamp-shaped plain scalar denotes (UTC when it names no zone), or `nil` when this scalar
    /// is not a timestamp or names an impossible date (`2024-02-30`).
    public var timestamp: Date? {
        guard style == .plain, let stamp = YAMLCoreSchema.timestamp(text.utf8) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let components = DateComponents(
            year: stamp.year, month: stamp.month, day: stamp.day,
            hour: stamp.hour, minute: stamp.minute, second: stamp.second, nanosecond: stamp.nanosecond
        )
        guard components.isValidDate(in: calendar), let local = calendar.date(from: components) else { return nil }
        return local.addingTimeInterval(TimeInterval(-stamp.utcOffsetSeconds))
    }
}
