/// Reads the pattern language (a subset of ICU's and PCRE's, see the DocC article `PatternLanguage`) into a
/// ``PatternNode``, refusing with its position every construct it does not support rather than reading it
/// differently from what the user meant.
struct PatternParser {
    /// A parsed node and the number of instructions it compiles to.
    struct Parsed {
        var node: PatternNode
        var size: Int
    }

    private let scalars: [Unicode.Scalar]
    /// The UTF-8 offset of each scalar, and the pattern's length at the end.
    private let offsets: [Int]
    private var index = 0
    private var depth = 0
    private(set) var ignoresCase = false

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.offsets = offsets
    }

    /// The whole pattern.
    mutating func parse() throws(PatternSyntaxError) -> Parsed {
        if starts(with: "(?i)") {
            ignoresCase = true
            index = 4
        }
        let parsed = try alternation()
        if index < scalars.count {
            throw error("unmatched ')'", at: index)
        }
        try checkSize(parsed.size, at: 0)
        return parsed
    }

    // MARK: - Structure

    private mutating func alternation() throws(PatternSyntaxError) -> Parsed {
        var branches = [try concatenation()]
        while peek == "|" {
            index += 1
            branches.append(try concatenation())
        }
        if branches.count == 1 { return branches[0] }
        return Parsed(node: .alternation(branches.map(\.node)), size: branches.reduce(0) { $0 + $1.size } + 2 * (branches.count - 1))
    }

    private mutating func concatenation() throws(PatternSyntaxError) -> Parsed {
        var items: [PatternNode] = []
        var size = 0
        while let scalar = peek, scalar != "|", scalar != ")" {
            let item = try quantified()
            items.append(item.node)
            size += item.size
            try checkSize(size, at: index)
        }
        switch items.count {
        case 0: return Parsed(node: .empty, size: 0)
        case 1: return Parsed(node: items[0], size: size)
        default: return Parsed(node: .concatenation(items), size: size)
        }
    }

    /// An atom and the quantifier after it, if any.
    private mutating func quantified() throws(PatternSyntaxError) -> Parsed {
        let atomStart = index
        let atom = try self.atom()
        guard let scalar = peek, "*+?{".unicodeScalars.contains(scalar) else { return atom }
        let quantifierStart = index
        if case .assertion = atom.node, scalars[atomStart] != "(" {
            throw error("an anchor or boundary ('\(text(atomStart..<quantifierStart))') cannot be repeated", at: quantifierStart)
        }
        let (minimum, maximum) = try quantifierBounds()
        var isGreedy = true
        if peek == "?" {
            isGreedy = false
            index += 1
        } else if peek == "+" {
            throw error("possessive quantifiers ('\(text(quantifierStart..<index + 1))') are not supported", at: quantifierStart)
        }
        if let next = peek, "*+?{".unicodeScalars.contains(next) {
            throw error("a quantifier cannot follow another quantifier; group the first with (?:...)", at: index)
        }
        let size: Int
        switch maximum {
        case nil where minimum == 0: size = atom.size + 2
        case nil: size = minimum * atom.size + 1
        case let maximum?: size = minimum * atom.size + (maximum - minimum) * (atom.size + 1)
        }
        try checkSize(size, at: quantifierStart)
        return Parsed(node: .repetition(atom.node, minimum: minimum, maximum: maximum, isGreedy: isGreedy), size: size)
    }

    private mutating func quantifierBounds() throws(PatternSyntaxError) -> (Int, Int?) {
        let start = index
        let scalar = scalars[index]
        index += 1
        switch scalar {
        case "*": return (0, nil)
        case "+": return (1, nil)
        case "?": return (0, 1)
        default: break
        }
        let malformed = "'{' must start a repetition count {m}, {m,} or {m,n}; write \\{ for a literal brace"
        guard let minimum = number() else { throw error(malformed, at: start) }
        var maximum: Int? = minimum
        if peek == "," {
            index += 1
            maximum = number()
        }
        guard peek == "}" else { throw error(malformed, at: start) }
        index += 1
        let limit = PatternLimits.maximumRepetitionCount
        for bound in [minimum, maximum ?? 0] where bound > limit {
            throw error("repetition count \(bound) is above the limit of \(limit)", at: start)
        }
        if let maximum, maximum < minimum {
            throw error("repetition count {\(minimum),\(maximum)} has its bounds in the wrong order", at: start)
        }
        return (minimum, maximum)
    }

    /// Decimal digits, saturating far above any limit so that a long run of digits cannot overflow.
    private mutating func number() -> Int? {
        var value: Int?
        while let scalar = peek, let digit = scalar.properties.numericType == .decimal && scalar.isASCII ? Int(scalar.value - 0x30) : nil {
            value = min((value ?? 0) * 10 + digit, 1_000_000_000)
            index += 1
        }
        return value
    }

    private mutating func atom() throws(PatternSyntaxError) -> Parsed {
        let start = index
        let scalar = scalars[index]
        index += 1
        switch scalar {
        case "(": return try group(openedAt: start)
        case "[": return Parsed(node: .set(try bracketedSet(openedAt: start)), size: 1)
        case ".": return Parsed(node: .set(.anyButLineTerminator), size: 1)
        case "^": return Parsed(node: .assertion(.textStart), size: 1)
        case "$": return Parsed(node: .assertion(.textEndOrFinalLineTerminator), size: 1)
        case "\\": return try escape(at: start)
        case "*", "+", "?": throw error("'\(scalar)' has nothing to repeat; write \\\(scalar) for the character itself", at: start)
        case "{": throw error("'{' has nothing to repeat; write \\{ for a literal brace", at: start)
        default: return literal(scalar)
        }
    }

    private mutating func group(openedAt start: Int) throws(PatternSyntaxError) -> Parsed {
        depth += 1
        defer { depth -= 1 }
        if depth > PatternLimits.maximumGroupDepth {
            throw error("groups are nested more than \(PatternLimits.maximumGroupDepth) deep", at: start)
        }
        if peek == "?" {
            try groupOptions(openedAt: start)
        }
        let inner = try alternation()
        guard peek == ")" else { throw error("'(' is never closed", at: start) }
        index += 1
        return inner
    }

    /// Reads what follows `(?`: only non-capturing and named groups are groups here.
    private mutating func groupOptions(openedAt start: Int) throws(PatternSyntaxError) {
        if starts(with: "?:") {
            index += 2
        } else if starts(with: "?<=") {
            throw error("lookbehind ('(?<=') is not supported", at: start)
        } else if starts(with: "?<!") {
            throw error("negative lookbehind ('(?<!') is not supported", at: start)
        } else if starts(with: "?<") {
            index += 2
            let nameStart = index
            while let scalar = peek, scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal || scalar == "_" {
                index += 1
            }
            guard index > nameStart, peek == ">" else { throw error("a named group must be written (?<name>...)", at: start) }
            index += 1
        } else if starts(with: "?=") {
            throw error("lookahead ('(?=') is not supported", at: start)
        } else if starts(with: "?!") {
            throw error("negative lookahead ('(?!') is not supported", at: start)
        } else if starts(with: "?>") {
            throw error("atomic groups ('(?>') are not supported", at: start)
        } else if starts(with: "?#") {
            throw error("comments ('(?#') are not supported", at: start)
        } else {
            throw error("inline options are supported only as (?i) at the very start of the pattern", at: start)
        }
    }

    // MARK: - Characters

    private func literal(_ scalar: Unicode.Scalar) -> Parsed {
        Parsed(node: .scalar(ignoresCase ? ScalarCase.folded(scalar) : scalar), size: 1)
    }

    /// What a backslash outside brackets stands for.
    private mutating func escape(at start: Int) throws(PatternSyntaxError) -> Parsed {
        guard let scalar = peek else { throw error("the pattern ends with a lone backslash", at: start) }
        index += 1
        switch scalar {
        case "d", "D", "w", "W", "s", "S":
            var set = Self.classEscape(scalar)!
            set.finish(ignoringCase: false)
            return Parsed(node: .set(set), size: 1)
        case "b": return Parsed(node: .assertion(.wordBoundary), size: 1)
        case "B": return Parsed(node: .assertion(.notWordBoundary), size: 1)
        case "A": return Parsed(node: .assertion(.textStart), size: 1)
        case "z": return Parsed(node: .assertion(.textEnd), size: 1)
        case "Z": return Parsed(node: .assertion(.textEndOrFinalLineTerminator), size: 1)
        default: return literal(try escapedScalar(scalar, at: start, inBrackets: false))
        }
    }

    /// `\d`, `\D`, ... as a set, or `nil` for another letter.
    private static func classEscape(_ scalar: Unicode.Scalar) -> ScalarSet? {
        switch scalar {
        case "d": ScalarSet(.digit, isNegated: false)
        case "D": ScalarSet(.digit, isNegated: true)
        case "w": ScalarSet(.word, isNegated: false)
        case "W": ScalarSet(.word, isNegated: true)
        case "s": ScalarSet(.whitespace, isNegated: false)
        case "S": ScalarSet(.whitespace, isNegated: true)
        default: nil
        }
    }

    /// The one character an escape other than a class or an anchor stands for (`scalar` is the one after the
    /// backslash, already consumed).
    private mutating func escapedScalar(_ scalar: Unicode.Scalar, at start: Int, inBrackets: Bool) throws(PatternSyntaxError) -> Unicode.Scalar {
        switch scalar {
        case "t": return "\t"
        case "n": return "\n"
        case "r": return "\r"
        case "f": return "\u{0C}"
        case "a": return "\u{07}"
        case "e": return "\u{1B}"
        case "x":
            if peek == "{" {
                index += 1
                let value = try hexadecimal(maximumDigits: 6, exactly: false, escapeAt: start)
                guard peek == "}" else { throw error("'\\x{' must be closed by '}'", at: start) }
                index += 1
                return value
            }
            return try hexadecimal(maximumDigits: 2, exactly: true, escapeAt: start)
        case "u": return try hexadecimal(maximumDigits: 4, exactly: true, escapeAt: start)
        case "U": return try hexadecimal(maximumDigits: 8, exactly: true, escapeAt: start)
        case "1"..."9": throw error("backreferences ('\\\(scalar)') are not supported", at: start)
        case "k": throw error("named backreferences ('\\k') are not supported", at: start)
        case "p", "P": throw error("Unicode property classes ('\\\(scalar){...}') are not supported", at: start)
        case "Q": throw error("'\\Q...\\E' quoting is not supported; escape each special character with a backslash", at: start)
        case "b" where inBrackets: throw error("'\\b' inside brackets is not supported", at: start)
        default:
            let isAlphanumeric = scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
            guard !isAlphanumeric else { throw error("the escape '\\\(scalar)' is not supported", at: start) }
            // A backslash before any other character stands for that character, as in ICU and PCRE.
            return scalar
        }
    }

    private mutating func hexadecimal(maximumDigits: Int, exactly: Bool, escapeAt start: Int) throws(PatternSyntaxError) -> Unicode.Scalar {
        var value: UInt32 = 0
        var digits = 0
        while digits < maximumDigits, let scalar = peek, let digit = scalar.isASCII ? Int(String(scalar), radix: 16) : nil {
            value = value * 16 + UInt32(digit)
            digits += 1
            index += 1
        }
        guard digits > 0, !exactly || digits == maximumDigits else {
            throw error("the escape '\(text(start..<index))' needs \(exactly ? "exactly" : "1 to") \(maximumDigits) hexadecimal digits", at: start)
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error("the escape '\(text(start..<index))' is not a Unicode scalar value", at: start)
        }
        return scalar
    }

    /// One item between brackets.
    private enum BracketItem {
        case scalar(Unicode.Scalar)
        case property(ScalarSet.Property, isNegated: Bool)
    }

    /// `[...]` after its opening bracket.
    private mutating func bracketedSet(openedAt start: Int) throws(PatternSyntaxError) -> ScalarSet {
        var set = ScalarSet(isNegated: peek == "^")
        if set.isNegated { index += 1 }
        let contentStart = index
        if peek == "]" { throw error("'[]' is empty; write \\] for a literal bracket", at: index) }
        // The last single character read, which a following '-' makes the start of a range.
        var pending: (scalar: Unicode.Scalar, at: Int)?
        while true {
            guard let scalar = peek else { throw error("'[' is never closed", at: start) }
            let itemStart = index
            if scalar == "]" {
                index += 1
                if let pending { set.ranges.append(pending.scalar.value...pending.scalar.value) }
                set.finish(ignoringCase: ignoresCase)
                return set
            }
            if scalar == "[" {
                throw error("nested brackets and set operations ('[[:alpha:]]', '[a-z&&[^q]]') are not supported; write \\[ for a literal bracket", at: itemStart)
            }
            if starts(with: "&&") { throw error("set operations ('&&') are not supported", at: itemStart) }
            let isLiteralHyphen = itemStart == contentStart || itemStart + 1 == scalars.count || scalars[itemStart + 1] == "]"
            if scalar == "-" && !isLiteralHyphen {
                guard let first = pending else {
                    throw error("'-' after a range or class escape is ambiguous; write \\- for a literal hyphen", at: itemStart)
                }
                index += 1
                guard peek != nil, case .scalar(let last) = try bracketedItem(), last.value >= first.scalar.value else {
                    throw error("'-' must join two characters in order ('a-z'); write \\- for a literal hyphen", at: first.at)
                }
                set.ranges.append(first.scalar.value...last.value)
                pending = nil
                continue
            }
            let item = try bracketedItem()
            if let pending { set.ranges.append(pending.scalar.value...pending.scalar.value) }
            pending = nil
            switch item {
            case .scalar(let single): pending = (single, itemStart)
            case .property(let property, let isNegated): set.properties.append((property, isNegated))
            }
        }
    }

    private mutating func bracketedItem() throws(PatternSyntaxError) -> BracketItem {
        let start = index
        let scalar = scalars[index]
        index += 1
        guard scalar == "\\" else { return .scalar(scalar) }
        guard let escaped = peek else { throw error("the pattern ends with a lone backslash", at: start) }
        index += 1
        if let set = Self.classEscape(escaped), let item = set.properties.first {
            return .property(item.property, isNegated: item.isNegated)
        }
        return .scalar(try escapedScalar(escaped, at: start, inBrackets: true))
    }

    // MARK: - Reading

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func starts(with text: String) -> Bool {
        var position = index
        for scalar in text.unicodeScalars {
            guard position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    private func text(_ range: Range<Int>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
        return text
    }

    private func checkSize(_ size: Int, at position: Int) throws(PatternSyntaxError) {
        guard size > PatternLimits.maximumProgramSize else { return }
        throw error("the pattern is too large: it compiles to more than \(PatternLimits.maximumProgramSize) instructions (repetition counts multiply what they repeat)", at: position)
    }

    private func error(_ message: String, at position: Int) -> PatternSyntaxError {
        let position = min(position, scalars.count)
        return PatternSyntaxError(utf8Offset: offsets[position], column: position + 1, message: message)
    }
}
