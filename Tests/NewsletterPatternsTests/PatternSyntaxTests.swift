@testable import NewsletterPatterns
import Testing

/// What the language does not support is an error naming it and its position, never a different reading.
@Suite struct PatternSyntaxTests {
    @Test("unsupported or malformed syntax: message and character", arguments: [
        ("(a)\\1", 4, "backreferences ('\\1') are not supported"),
        ("(?<n>a)\\k<n>", 8, "named backreferences ('\\k') are not supported"),
        ("a(?=b)", 2, "lookahead ('(?=') is not supported"),
        ("a(?!b)", 2, "negative lookahead ('(?!') is not supported"),
        ("(?<=a)b", 1, "lookbehind ('(?<=') is not supported"),
        ("(?<!a)b", 1, "negative lookbehind ('(?<!') is not supported"),
        ("(?>a+)b", 1, "atomic groups ('(?>') are not supported"),
        ("a*+", 2, "possessive quantifiers ('*+') are not supported"),
        ("a{2,3}+", 2, "possessive quantifiers ('{2,3}+') are not supported"),
        ("a{1001}", 2, "repetition count 1001 is above the limit of 1000"),
        ("a{2,99999999999999999999}", 2, "repetition count 1000000000 is above the limit of 1000"),
        ("a{3,2}", 2, "repetition count {3,2} has its bounds in the wrong order"),
        ("(?:a{1000}){11}", 12, "the pattern is too large: it compiles to more than 10000 instructions (repetition counts multiply what they repeat)"),
        ("a(?i)b", 2, "inline options are supported only as (?i) at the very start of the pattern"),
        ("(?x)a", 1, "inline options are supported only as (?i) at the very start of the pattern"),
        ("\\p{L}", 1, "Unicode property classes ('\\p{...}') are not supported"),
        ("\\Qa.b\\E", 1, "'\\Q...\\E' quoting is not supported; escape each special character with a backslash"),
        ("\\G", 1, "the escape '\\G' is not supported"),
        ("é(b", 2, "'(' is never closed"),
        ("ab)", 3, "unmatched ')'"),
        ("[a-", 1, "'[' is never closed"),
        ("[z-a]", 2, "'-' must join two characters in order ('a-z'); write \\- for a literal hyphen"),
        ("[\\d-z]", 4, "'-' after a range or class escape is ambiguous; write \\- for a literal hyphen"),
        ("[[:alpha:]]", 2, "nested brackets and set operations ('[[:alpha:]]', '[a-z&&[^q]]') are not supported; write \\[ for a literal bracket"),
        ("[a&&b]", 3, "set operations ('&&') are not supported"),
        ("[]", 2, "'[]' is empty; write \\] for a literal bracket"),
        ("*a", 1, "'*' has nothing to repeat; write \\* for the character itself"),
        ("a{", 2, "'{' must start a repetition count {m}, {m,} or {m,n}; write \\{ for a literal brace"),
        ("^*", 2, "an anchor or boundary ('^') cannot be repeated"),
        ("a**", 3, "a quantifier cannot follow another quantifier; group the first with (?:...)"),
        ("\\x4", 1, "the escape '\\x4' needs exactly 2 hexadecimal digits"),
        ("\\x{110000}", 1, "the escape '\\x{110000' is not a Unicode scalar value"),
        ("ab\\", 3, "the pattern ends with a lone backslash"),
    ])
    func errors(pattern: String, column: Int, message: String) {
        #expect {
            _ = try LinearPattern(pattern)
        } throws: { error in
            guard let error = error as? PatternSyntaxError else { return false }
            return error.column == column && error.message == message
                && error.utf8Offset == pattern.unicodeScalars.prefix(column - 1).reduce(0) { $0 + UTF8.width($1) }
        }
    }

    @Test("groups nested beyond the limit are an error, not a deep recursion")
    func deepNesting() {
        let pattern = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        #expect(throws: PatternSyntaxError(utf8Offset: 100, column: 101, message: "groups are nested more than 100 deep")) {
            _ = try LinearPattern(pattern)
        }
    }

    @Test("the limits themselves are accepted")
    func atTheLimits() throws {
        let pattern = try LinearPattern("a{1000}")
        #expect(pattern.matches(String(repeating: "a", count: 1_000)))
        #expect(!pattern.matches(String(repeating: "a", count: 999)))
        let nested = String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100)
        #expect(try LinearPattern(nested).matches("a"))
    }
}
