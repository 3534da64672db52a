/// A regular expression matched in time linear in the text (see ``PatternMatcher``): what user patterns in
/// configurations compile to, so that no pattern can make a check run away.
///
/// The language is the subset of ICU's and PCRE's that configurations use (documented in EditorialChecks'
/// `PatternLanguage` article); anything else is a ``PatternSyntaxError`` naming what is not supported and where.
/// Matching works on Unicode scalars: `.` and each class match one scalar.
package struct LinearPattern: Sendable {
    /// The pattern as written.
    package let pattern: String
    private let program: PatternProgram

    /// Compiles `pattern`.
    package init(_ pattern: String) throws(PatternSyntaxError) {
        var parser = PatternParser(pattern)
        let parsed = try parser.parse()
        self.pattern = pattern
        program = PatternProgram(parsed.node, ignoresCase: parser.ignoresCase)
    }

    /// The leftmost match in `text`, the one a backtracking engine reports (leftmost-first).
    package func firstMatch(in text: String) -> Range<String.Index>? {
        guard let offsets = withBytes(of: text, { program, bytes in
            PatternMatcher(program: program, bytes: bytes).firstMatch()
        }) else { return nil }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: offsets.lowerBound)
        return lower..<utf8.index(lower, offsetBy: offsets.count)
    }

    /// Whether `text` holds a match; stops at the first thread that matches.
    package func matches(_ text: String) -> Bool {
        withBytes(of: text) { program, bytes in
            PatternMatcher(program: program, bytes: bytes).firstMatch(anyMatch: true)
        } != nil
    }

    /// The UTF-8 offsets of every match in `text`, left to right without overlap, as a backtracking engine's
    /// repeated search finds them (after an empty match the search goes on one scalar further). Each search stops
    /// once its match can grow no longer, so the usual cost is one pass over the text.
    package func matchOffsets(in text: String) -> [Range<Int>] {
        var matches: [Range<Int>] = []
        _ = withBytes(of: text) { program, bytes in
            var start = 0
            while start <= bytes.count, let match = PatternMatcher(program: program, bytes: bytes).firstMatch(from: start) {
                matches.append(match)
                if match.upperBound > match.lowerBound {
                    start = match.upperBound
                } else {
                    guard match.upperBound < bytes.count else { break }
                    start = match.upperBound + 1
                    while start < bytes.count && bytes[start] & 0xC0 == 0x80 { start += 1 }
                }
            }
            return nil
        }
        return matches
    }

    private func withBytes(of text: String, _ body: (PatternProgram, UnsafeBufferPointer<UInt8>) -> Range<Int>?) -> Range<Int>? {
        if let result = text.utf8.withContiguousStorageIfAvailable({ body(program, $0) }) { return result }
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { body(program, $0) } ?? nil
    }
}
