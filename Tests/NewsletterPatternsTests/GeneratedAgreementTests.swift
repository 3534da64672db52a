import Foundation
@testable import NewsletterPatterns
import Testing

/// Generated patterns over a small alphabet, where backtracking and lock-step simulation part first if they part at
/// all: overlapping alternatives, nested, counted and lazy repetitions.
///
/// The patterns repeat only parts that cannot match the empty string: where one can (`(a*)*`, `(a|)+`), each
/// backtracking engine ends an iteration that matched nothing in its own way, and ICU even misses matches there (it
/// finds none of `(([ab]*a{0,2})+?)+[a-b]{2}` in `cbaba`), so there is no one answer to agree with.
@Suite struct GeneratedAgreementTests {
    /// A small linear congruential generator: the same patterns on every run and platform.
    struct Generator {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }

        /// A pattern, and whether it can match the empty string.
        mutating func sequence(depth: Int) -> (String, Bool) {
            var text = "", nullable = true
            for _ in 0...next(3) {
                let (item, itemNullable) = quantified(depth: depth)
                text += item
                nullable = nullable && itemNullable
            }
            return (text, nullable)
        }

        mutating func quantified(depth: Int) -> (String, Bool) {
            let (atom, nullable) = self.atom(depth: depth)
            let quantifiers = ["", "", "", "*", "+", "?", "{2}", "{1,2}", "{0,2}", "*?", "+?", "??", "{1,3}?"]
            let quantifier = quantifiers[next(quantifiers.count)]
            let isAnchor = ["^", "$", "\\b", "\\B"].contains(atom)
            guard !quantifier.isEmpty, !isAnchor, !nullable else { return (atom, nullable) }
            let optional = quantifier.hasPrefix("*") || quantifier.hasPrefix("?") || quantifier.hasPrefix("{0")
            return (atom + quantifier, nullable || optional)
        }

        mutating func atom(depth: Int) -> (String, Bool) {
            switch next(depth > 0 ? 9 : 6) {
            case 0, 1: return (["a", "b", "c"][next(3)], false)
            case 2: return (".", false)
            case 3: return (["[ab]", "[^a]", "[a-b]", "\\w", "\\s", " "][next(6)], false)
            case 4: return (["^", "$", "\\b", "\\B"][next(4)], true)
            case 5: return (["a", "b", "ab"][next(3)], false)
            case 6:
                let (inner, nullable) = sequence(depth: depth - 1)
                return ("(" + inner + ")", nullable)
            default:
                let (first, firstNullable) = sequence(depth: depth - 1)
                let (second, secondNullable) = sequence(depth: depth - 1)
                return ("(?:" + first + "|" + second + ")", firstNullable || secondNullable)
            }
        }

        mutating func text() -> String {
            String((0..<next(9)).map { _ in ["a", "b", "c", " ", "a"][next(5)] })
        }
    }

    static func utf16Range(_ range: Range<String.Index>?, in text: String) -> Range<Int>? {
        range.map { text.utf16.distance(from: text.startIndex, to: $0.lowerBound)..<text.utf16.distance(from: text.startIndex, to: $0.upperBound) }
    }

    @Test("the same match as NSRegularExpression on 1,600 generated patterns", arguments: 0..<4)
    func exactMatches(seed: Int) throws {
        var generator = Generator(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        var disagreements: [String] = []
        for _ in 0..<400 where disagreements.count < 5 {
            let pattern = generator.sequence(depth: 2).0
            let icu = try NSRegularExpression(pattern: pattern)
            let ours = try LinearPattern(pattern)
            for _ in 0..<6 {
                let input = generator.text()
                let expected = icu.firstMatch(in: input, range: NSRange(input.startIndex..., in: input)).map { $0.range.location..<NSMaxRange($0.range) }
                let actual = Self.utf16Range(ours.firstMatch(in: input), in: input)
                if actual != expected { disagreements.append("\(pattern) on \(input.debugDescription): \(String(describing: actual)), ICU \(String(describing: expected))") }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
    }
}
