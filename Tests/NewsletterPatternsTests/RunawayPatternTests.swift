@testable import NewsletterPatterns
import Testing

/// Patterns that make a backtracking engine run for ever return here, with the right answer: each scalar of the text
/// is read once (no timing is asserted; the PatternMatching benchmark measures the time).
@Suite struct RunawayPatternTests {
    /// A URL of 10,000 characters: a long run of `a` that the patterns below almost match, then a character that
    /// makes every attempt fail at the end.
    static let longURL = "https://example.test/" + String(repeating: "a", count: 9_978) + "!"

    @Test("(a+)+$ against a 10,000-character URL returns, with no match")
    func nestedPlusOnLongURL() throws {
        #expect(Self.longURL.count == 10_000)
        let pattern = try LinearPattern("(a+)+$")
        #expect(pattern.firstMatch(in: Self.longURL) == nil)
        #expect(!pattern.matches(Self.longURL))
    }

    @Test("(a+)+$ finds the run of a at the end when there is one")
    func nestedPlusMatchesAtTheEnd() throws {
        let url = "https://example.test/" + String(repeating: "a", count: 9_979)
        let match = try #require(try LinearPattern("(a+)+$").firstMatch(in: url))
        #expect(url.utf8.distance(from: url.startIndex, to: match.lowerBound) == 21)
        #expect(url[match] == String(repeating: "a", count: 9_979))
    }

    @Test("nested quantifier bombs on a near miss return, with no match", arguments: [
        "(a*)*b", "(a|aa)+$", "(a|a)*b", "(.*a){20}$", "^(a+)+b", "(?:a?){30}a{30}b", "(\\w+\\s?)*b$", "((a+)*)+!x",
        "(?i)(A|a)+$", "(a{1,10}){1,10}$",
    ])
    func bombs(pattern: String) throws {
        let compiled = try LinearPattern(pattern)
        let text = String(repeating: "a", count: 5_000) + "!"
        #expect(compiled.firstMatch(in: text) == nil)
    }

    @Test("the classic (a?){n}a{n} is matched, not backtracked")
    func optionalThenRequired() throws {
        let text = String(repeating: "a", count: 30)
        let match = try #require(try LinearPattern("(?:a?){30}a{30}").firstMatch(in: text))
        #expect(match == text.startIndex..<text.endIndex)
    }

    @Test("matching works on scalars: '.' takes one whole scalar, and ranges fall on scalar boundaries")
    func scalars() throws {
        let text = "x\u{1F600}y é"
        let match = try #require(try LinearPattern("x.y").firstMatch(in: text))
        #expect(text[match] == "x\u{1F600}y")
        let accent = try #require(try LinearPattern("\\s.").firstMatch(in: text))
        #expect(text[accent] == " é")
    }

    @Test("\\b holds at the end of the text, and the first alternative that matches there is taken")
    func boundaryAtTheEnd() throws {
        let text = String(repeating: "ab", count: 10) + "TODO"
        let match = try #require(try LinearPattern("\\bTODO\\b|TODO$").firstMatch(in: text))
        #expect(text[match] == "TODO")
    }
}
