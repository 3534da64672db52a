@testable import EditorialChecks
import TestSupport
import Testing

/// The scanner reads a prose range once for all the destinations open in it; it must find what reading each
/// destination on its own finds (`reference`, the plain reading kept here to compare with).
@Suite struct UnparsedLinkScannerTests {
    /// Each `](` that no backslash escapes, its destination read on its own up to the longest a destination may be.
    static func reference(_ bytes: [UInt8], _ range: Range<Int>) -> [(start: Int, problem: UnparsedLinkScanner.Problem)] {
        var found: [(start: Int, problem: UnparsedLinkScanner.Problem)] = []
        guard range.count >= 2 else { return found }
        for bracket in range.lowerBound..<(range.upperBound - 1)
        where bytes[bracket] == UInt8(ascii: "]") && bytes[bracket + 1] == UInt8(ascii: "(")
            && (bracket == range.lowerBound || bytes[bracket - 1] != UInt8(ascii: "\\")) {
            let start = bracket + 2
            let end = min(range.upperBound, start + UnparsedLinkScanner.longestDestination)
            if let problem = problem(Array(bytes[start..<end])) { found.append((start, problem)) }
        }
        return found
    }

    private static func problem(_ bytes: [UInt8]) -> UnparsedLinkScanner.Problem? {
        guard let first = bytes.first, first != UInt8(ascii: "<") else { return nil }
        var depth = 0
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += 1
            case UInt8(ascii: "("):
                depth += 1
            case UInt8(ascii: ")"):
                if depth == 0 { return nil }
                depth -= 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                guard depth == 0 else { break }
                let next = bytes[index...].firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
                if let next, "\"'(".utf8.contains(bytes[next]) { return nil }
                return .space
            default:
                break
            }
            index += 1
        }
        return depth > 0 ? .unbalancedParentheses : .unclosed
    }

    static func scanned(_ bytes: [UInt8], _ range: Range<Int>) -> [(start: Int, problem: UnparsedLinkScanner.Problem)] {
        bytes.withUnsafeBufferPointer { UnparsedLinkScanner.problems(in: $0, range) }
    }

    /// Short texts of link syntax, escapes, spaces and titles, in random ranges.
    @Test(arguments: 0..<8)
    func findsWhatReadingEachDestinationFinds(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let pieces = ["[", "]", "(", ")", "](", "\\", " ", "\t", "\"", "'", "<", "a", "b"]
        for _ in 0..<400 {
            let text = (0..<Int.random(in: 0...60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            let lower = Int.random(in: 0...bytes.count, using: &generator)
            let range = lower..<Int.random(in: lower...bytes.count, using: &generator)
            let expected = Self.reference(bytes, range), found = Self.scanned(bytes, range)
            #expect(found.map(\.start) == expected.map(\.start), "\(text.debugDescription) in \(range)")
            #expect(found.map(\.problem) == expected.map(\.problem), "\(text.debugDescription) in \(range)")
        }
    }

    /// Texts longer than a destination may be, so that destinations stop at the limit while others go on.
    @Test(arguments: 0..<4)
    func destinationsStopAtTheLongestAlike(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let pieces = ["](", "](", "(", ")", " ", "a", "aaaaaaaaaaaaaaaa", "\\"]
        for _ in 0..<6 {
            let text = (0..<Int.random(in: 500...3000, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            let expected = Self.reference(bytes, 0..<bytes.count), found = Self.scanned(bytes, 0..<bytes.count)
            #expect(found.map(\.start) == expected.map(\.start))
            #expect(found.map(\.problem) == expected.map(\.problem))
        }
    }

    /// A space is seen when it is within the longest a destination may be, and not one byte further; so is a `)`.
    @Test(arguments: [4094, 4095, 4096, 4097])
    func aDestinationIsReadUpToTheLongest(length: Int) {
        let spaced = Array(("[a](" + String(repeating: "x", count: length) + " y").utf8)
        #expect(Self.scanned(spaced, 0..<spaced.count).map(\.problem) == [length < 4096 ? .space : .unclosed])
        let closed = Array(("[a](" + String(repeating: "x", count: length) + ")").utf8)
        #expect(Self.scanned(closed, 0..<closed.count).map(\.problem) == (length < 4096 ? [] : [.unclosed]))
        #expect(Self.reference(spaced, 0..<spaced.count).map(\.problem) == Self.scanned(spaced, 0..<spaced.count).map(\.problem))
    }

    /// A line of 3,000 `[a](`: every destination but the last is unbalanced (the last is empty, so no link at all).
    @Test func aLineOfLinkOpeners() {
        let bytes = Array(String(repeating: "[a](", count: 3000).utf8)
        let found = Self.scanned(bytes, 0..<bytes.count)
        #expect(found.count == 2999)
        #expect(found.first?.start == 4)
        #expect(found.last?.start == 11996)
        #expect(found.allSatisfy { $0.problem == .unbalancedParentheses })
    }
}
