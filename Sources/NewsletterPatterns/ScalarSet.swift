/// A set of Unicode scalars: a bracketed class, `.`, or a class escape such as `\d`.
struct ScalarSet: Sendable {
    /// The class escapes, with the meaning ICU gives them.
    enum Property: Sendable {
        /// `\d`: a decimal digit in any script (`\p{Nd}`).
        case digit
        /// `\w`: a letter, mark, decimal digit or connector punctuation, or a zero-width (non-)joiner.
        case word
        /// `\s`: a white-space character (`\p{White_Space}`).
        case whitespace

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            switch self {
            case .digit:
                if value < 0x80 { return value >= 0x30 && value <= 0x39 }
                return scalar.properties.numericType == .decimal
            case .word:
                if value < 0x80 {
                    let lower = value | 0x20
                    return (value >= 0x30 && value <= 0x39) || (lower >= 0x61 && lower <= 0x7A) || value == 0x5F
                }
                if value == 0x200C || value == 0x200D { return true }
                let properties = scalar.properties
                switch properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
                default: return properties.isAlphabetic
                }
            case .whitespace:
                if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
                return scalar.properties.isWhitespace
            }
        }
    }

    /// The line terminators ICU knows, which `.` does not match and `$` may stand before.
    static let lineTerminators: [ClosedRange<UInt32>] = [0x0A...0x0D, 0x85...0x85, 0x2028...0x2029]

    /// `.`: any scalar but a line terminator.
    static let anyButLineTerminator: ScalarSet = {
        var set = ScalarSet(isNegated: true)
        set.ranges = lineTerminators
        set.finish(ignoringCase: false)
        return set
    }()

    /// Scalar ranges in the set.
    var ranges: [ClosedRange<UInt32>] = []
    /// Class escapes in the set, each possibly negated (`\D` is `digit`, `true`).
    var properties: [(property: Property, isNegated: Bool)] = []
    /// `[^...]`: the set holds what its items do not.
    var isNegated: Bool
    /// Whether a scalar also belongs when its other case does.
    private var ignoresCase = false
    /// Membership of the 128 ASCII scalars, bit `n` of the pair for scalar `n`: the common case in one test.
    private var ascii: (low: UInt64, high: UInt64) = (0, 0)

    init(isNegated: Bool = false) {
        self.isNegated = isNegated
    }

    /// A set of one class escape.
    init(_ property: Property, isNegated: Bool) {
        self.isNegated = false
        properties = [(property, isNegated)]
    }

    /// Fixes the case rule and fills the ASCII table; call once the items are all in.
    mutating func finish(ignoringCase: Bool) {
        ignoresCase = ignoringCase
        ascii = (0, 0)
        for value in 0..<UInt32(128) where slowContains(Unicode.Scalar(UInt8(value))) {
            if value < 64 { ascii.low |= 1 << UInt64(value) } else { ascii.high |= 1 << UInt64(value - 64) }
        }
    }

    /// Whether `scalar` belongs to the set.
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 64 { return ascii.low & (1 << UInt64(value)) != 0 }
        if value < 128 { return ascii.high & (1 << UInt64(value - 64)) != 0 }
        return slowContains(scalar)
    }

    /// Whether the set holds an ASCII byte (which stands for itself in UTF-8).
    func containsASCII(_ byte: UInt8) -> Bool {
        byte < 64 ? ascii.low & (1 << UInt64(byte)) != 0 : ascii.high & (1 << UInt64(byte - 64)) != 0
    }

    /// Whether a scalar outside ASCII may belong to the set.
    var mayContainNonASCII: Bool {
        ignoresCase || isNegated || !properties.isEmpty || ranges.contains { $0.upperBound >= 0x80 }
    }

    private func slowContains(_ scalar: Unicode.Scalar) -> Bool {
        var found = holds(scalar)
        if !found && ignoresCase {
            let lower = ScalarCase.folded(scalar), upper = ScalarCase.upper(scalar)
            found = (lower != scalar && holds(lower)) || (upper != scalar && holds(upper))
        }
        return found != isNegated
    }

    private func holds(_ scalar: Unicode.Scalar) -> Bool {
        ranges.contains { $0.contains(scalar.value) } || properties.contains { $0.property.contains(scalar) != $0.isNegated }
    }
}
