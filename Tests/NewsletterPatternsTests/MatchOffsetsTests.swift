import Foundation
@testable import NewsletterPatterns
import Testing

/// Every match of a pattern, as a backtracking engine's repeated search finds them.
@Suite struct MatchOffsetsTests {
    @Test("matches left to right without overlap; empty matches step one scalar; assertions see the text before", arguments: [
        ("TODO", "a TODO, TODOs", [2..<6, 8..<12]),
        ("\\bTODO\\b", "a TODO, TODOs", [2..<6]),
        ("^a", "aaa", [0..<1]),
        ("a*", "baaé", [0..<0, 1..<3, 3..<3, 5..<5]),
        ("é|b", "ébé", [0..<2, 2..<3, 3..<5]),
        ("(?i)x+", "XxyX", [0..<2, 3..<4]),
        ("z", "", []),
        ("$", "ab", [2..<2]),
    ])
    func offsets(pattern: String, text: String, expected: [Range<Int>]) throws {
        #expect(try LinearPattern(pattern).matchOffsets(in: text) == expected)
    }

    /// The same matches `NSRegularExpression` reports, on text where both engines agree on empty matches.
    @Test(arguments: ["\\d+", "[a-z]+@[a-z]+", "(ab|a)(c|bcd)"])
    func agreesWithFoundation(pattern: String) throws {
        let text = "12 ab@cd 345 abcd ac x@y 6"
        let expression = try NSRegularExpression(pattern: pattern)
        let foundation = expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match -> Range<Int> in
            let range = Range(match.range, in: text)!
            return text.utf8.distance(from: text.startIndex, to: range.lowerBound)..<text.utf8.distance(from: text.startIndex, to: range.upperBound)
        }
        #expect(try LinearPattern(pattern).matchOffsets(in: text) == foundation)
    }
}
