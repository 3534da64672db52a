extension MojibakeLine {
    /// Whether the characters `emitted` (the line's spans, in order) write make, with each other or with their
    /// neighbours, what makes a scan look at a line closely (``MojibakeScanner/needsCloseLook(_:line:)``), so
    /// that another pass may find more there.
    ///
    /// What makes a line worth a look is local (a character with the next one, a C1 control, `Ã` before a space):
    /// outside the spans it lies in a run with a candidate that keeps characters no span replaces, which
    /// ``findGarbledRuns(_:chosenInOrder:includingGuesses:)`` finds as it walks the gaps between them; here the
    /// written characters are checked with their neighbours, which are the next span's characters where spans
    /// touch. Together, answered from what the close look already knows, without building the repaired line:
    /// false means the repaired line holds none of it; true may be wrong, and costs the fixed point a look.
    mutating func mayNeedAnotherLook(emitted spans: UnsafeBufferPointer<EmittedSpan>) -> Bool {
        for position in spans.indices {
            let range = spans[position].utf8Range
            let written = spans[position].written
            var previous: UInt32 = 0
            if position > spans.startIndex && spans[position - 1].utf8Range.upperBound == range.lowerBound {
                previous = spans[position - 1].written.isEmpty ? 0 : replacements[spans[position - 1].written.upperBound - 1]
            } else if range.lowerBound > 0 {
                var start = range.lowerBound - 1
                while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
                previous = MojibakeScanner.decodeScalar(bytes, at: start).value
            }
            for value in replacements[written] {
                if ScalarTraits.isC1Control(value) && scanner.role(of: value) & MojibakeScanner.windows1252Control != 0
                    || opensCloseLook(previous, value) {
                    return true
                }
                previous = value
            }
            var following: UInt32 = 0
            if position + 1 < spans.endIndex && spans[position + 1].utf8Range.lowerBound == range.upperBound {
                following = spans[position + 1].written.isEmpty ? 0 : replacements[spans[position + 1].written.lowerBound]
            } else if range.upperBound < bytes.count {
                following = MojibakeScanner.decodeScalar(bytes, at: range.upperBound).value
            }
            if opensCloseLook(previous, following) { return true }
        }
        return false
    }

    /// Whether `first` followed by `second` makes a line worth a close look: a character that starts a sequence
    /// in some page followed by one that continues it there, or `Ã` (`Г` through Windows-1251) before a space.
    private mutating func opensCloseLook(_ first: UInt32, _ second: UInt32) -> Bool {
        first >= 0x80 && second >= 0x80 && scanner.role(of: first) & MojibakeScanner.allStarts & scanner.role(of: second) >> 8 != 0
            || (first == 0xC3 || first == 0x413) && second == 0x20
    }
}
