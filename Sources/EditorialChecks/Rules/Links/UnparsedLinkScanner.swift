import Foundation
import NewsletterCore

/// Finds `[text](destination` written as a link that Markdown did not read as one, because the
/// destination holds a space or its parentheses never close: such a link reaches the reader as raw text.
///
/// Only prose is looked at (the text nodes of the syntax tree): the same bytes in code, HTML or a parsed link's
/// destination are not a broken link.
enum UnparsedLinkScanner {
    /// How far a destination is read looking for its end.
    static let longestDestination = 4096

    /// Why a destination does not make a link.
    enum Problem: Equatable {
        case space
        case unbalancedParentheses
        case unclosed

        var message: String {
            switch self {
            case .space: "link destination contains a space, so the link is shown as plain text"
            case .unbalancedParentheses: "unbalanced parentheses: the link is never closed and is shown as plain text"
            case .unclosed: "the link is never closed with ')' and is shown as plain text"
            }
        }
    }

    /// Reports one diagnostic per broken link, at the start of its destination, as each is found, and returns those
    /// starts in order (prose ranges come in document order): a line of `[a](` repeated has one every four bytes,
    /// which as offsets take 8 bytes each rather than a diagnostic's 160 until the rule is done.
    static func scan(_ context: CheckContext, reporting report: (Diagnostic) -> Void) -> [Int] {
        guard let tree = context.markdown else { return [] }
        return context.source.text.utf8.withContiguousStorageIfAvailable { bytes -> [Int] in
            var starts: [Int] = []
            tree.forEachProseRange { prose in
                for found in problems(in: bytes, prose) {
                    starts.append(found.start)
                    report(context.diagnostic(found.problem.message, at: context.range(found.start..<found.start)))
                }
            }
            return starts
        } ?? []
    }

    /// A destination read so far: where it starts, where its reading stops, and how many `(` were open before it.
    private struct OpenDestination {
        let start: Int
        let end: Int
        let base: Int
    }

    /// The broken links of the prose `range` of `bytes`, by the start of their destination, in order.
    ///
    /// Every `](` that no backslash escapes starts a destination, read until a `)` closes it (the link is fine), a space
    /// or tab outside parentheses that no title follows (a problem), or ``longestDestination`` bytes or the end of the
    /// prose (a problem). A line of many `[a](` has as many destinations, each reaching past the next ones: reading
    /// each on its own would read the line thousands of times. So the bytes are read once for all the destinations
    /// open at the time, as they all read a byte alike: a destination starts after `(`, which no backslash escapes,
    /// and counts parentheses from one depth, so it sees a depth of the count of `(` less `)` since the prose began,
    /// less that count where it started. A `)` or a space concerns only those at depth 0, which, as a destination open
    /// keeps the count from going below where it started, are the latest ones.
    static func problems(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [(start: Int, problem: Problem)] {
        var found: [(start: Int, problem: Problem)] = []
        // Oldest first; the bases never decrease, since a destination closes before the count goes below its base.
        var open: [OpenDestination] = []
        var oldest = 0
        var depth = 0
        var escaped = false
        // Where the run of spaces and tabs the reading is in ends, so that a long run is measured once.
        var spacesEnd = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            // With no destination open, nothing before the next `](` matters: a later destination measures depth from
            // where it starts, and the byte after `(` is never escaped. Prose rarely holds one, so most is passed over.
            if oldest == open.count {
                guard let next = nextDestinationStart(in: bytes, from: index, range) else { break }
                index = next
                escaped = false
            }
            if index >= range.lowerBound + 2 && bytes[index - 2] == UInt8(ascii: "]") && bytes[index - 1] == UInt8(ascii: "(")
                && (index - 2 == range.lowerBound || bytes[index - 3] != UInt8(ascii: "\\")) && bytes[index] != UInt8(ascii: "<") {
                // The destinations that have ended are dropped from the front now and then, at a cost their number repays.
                if oldest == open.count || oldest >= 1024 && oldest * 2 >= open.count {
                    open.removeFirst(oldest)
                    oldest = 0
                }
                open.append(OpenDestination(start: index, end: min(range.upperBound, index + longestDestination), base: depth))
            }
            if escaped {
                escaped = false
            } else {
                switch bytes[index] {
                case UInt8(ascii: "\\"):
                    escaped = true
                case UInt8(ascii: "("):
                    depth += 1
                case UInt8(ascii: ")"):
                    while open.count > oldest && open[open.count - 1].base == depth { open.removeLast() }
                    depth -= 1
                case UInt8(ascii: " "), UInt8(ascii: "\t"):
                    if spacesEnd <= index {
                        spacesEnd = index
                        while spacesEnd < range.upperBound && (bytes[spacesEnd] == UInt8(ascii: " ") || bytes[spacesEnd] == UInt8(ascii: "\t")) {
                            spacesEnd += 1
                        }
                    }
                    while open.count > oldest && open[open.count - 1].base == depth {
                        let destination = open.removeLast()
                        // A title after the destination (`"`, `'` or `(`) makes it a link Markdown reads.
                        let titled = spacesEnd < destination.end
                            && [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "(")].contains(bytes[spacesEnd])
                        if !titled { found.append((destination.start, .space)) }
                    }
                default:
                    break
                }
            }
            index += 1
            // Destinations read as far as they may go end here, oldest first (their ends are in the order of their starts).
            while oldest < open.count && open[oldest].end <= index {
                found.append((open[oldest].start, depth > open[oldest].base ? .unbalancedParentheses : .unclosed))
                oldest += 1
            }
        }
        found.sort { $0.start < $1.start }
        return found
    }

    /// The first offset at or after `index` (and two or more into `range`) that follows `](`, found with `memchr`.
    private static func nextDestinationStart(in bytes: UnsafeBufferPointer<UInt8>, from index: Int, _ range: Range<Int>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var bracket = max(index - 2, range.lowerBound)
        while bracket + 1 < range.upperBound {
            guard let found = memchr(base + bracket, Int32(UInt8(ascii: "]")), range.upperBound - 1 - bracket) else { return nil }
            bracket = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if bytes[bracket + 1] == UInt8(ascii: "(") && bracket + 2 < range.upperBound { return bracket + 2 }
            bracket += 1
        }
        return nil
    }
}
