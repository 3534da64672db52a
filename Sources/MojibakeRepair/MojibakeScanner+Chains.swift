extension MojibakeScanner {
    /// A run of characters that read again in one page would only give back one of them: the part of a
    /// chain that a repair pass would peel one link at a time.
    struct ChainLinks {
        /// The characters of the chain, the kept one included.
        var range: Range<Int>
        /// The character (or what a pass wrote) that stays.
        var kept: Range<Int>
        /// The page that reads each link away.
        var pageIndex: Int
    }

    /// The chains next to the text a pass wrote in `bytes`: each of `pass` (edits of the text before, in order)
    /// wrote its replacement where it starts, shifted by what the edits before it added.
    ///
    /// A few characters read as UTF-8 through some page give back the character they started with: `Ãƒ` is
    /// C3 83, which is `Ã` again, `Â£` is `£`, and Mac OS Roman's `‚Äö` is `‚`. When a repair writes such a
    /// character next to more of those links (`Ã` before `ƒƒƒ¥`, `£` after `ÂÂÂ`), each pass reads one link
    /// away and makes the same shape again, so a text with more links than passes would stop short of a fixed
    /// point, and a pass per link is quadratic on a long line. So a pass takes the whole chain at once: the
    /// links before a written character that gives back its last one (`ÂÂÂ£`), and those after one that
    /// gives back its first (`Ãƒƒƒ`). Each link is checked in one page; chains cross no line feed, since
    /// links are never ASCII.
    func chains(in bytes: UnsafeBufferPointer<UInt8>, after pass: [MojibakeSpan]) -> [ChainLinks] {
        var chains: [ChainLinks] = []
        // Nothing before `floor` may join a chain: it belongs to the one found last.
        var floor = 0
        var shift = 0
        // By index: a span copied out of the array costs the reference counts of its texts.
        for index in pass.indices {
            let start = pass[index].utf8Range.lowerBound + shift
            let length = pass[index].replacement.utf8.count
            shift += length - pass[index].utf8Range.count
            let range = start..<start + length
            guard range.lowerBound >= floor && !range.isEmpty else { continue }
            var low = range.lowerBound
            var high = range.upperBound
            var pageIndex = -1
            let first = Self.decodeScalar(bytes, at: low).value
            if role(of: first) & Self.allContinuations != 0 {
                while let link = linkBefore(low, reading: first, in: bytes, floor: floor) {
                    low = link.start
                    pageIndex = link.pageIndex
                }
            }
            let last = Self.decodeScalar(bytes, at: Self.scalarStart(before: high, in: bytes)).value
            if role(of: last) & Self.allStarts != 0 {
                while let link = linkAfter(high, reading: last, in: bytes) {
                    high = link.end
                    pageIndex = link.pageIndex
                }
            }
            guard pageIndex >= 0 else { continue }
            chains.append(ChainLinks(range: low..<high, kept: range, pageIndex: pageIndex))
            floor = high
        }
        return chains
    }

    private static let allContinuations: UInt32 = 0xFF00

    /// Where the link ending at `end` starts, when it and `value` right after it read as UTF-8 through some
    /// page give `value` back (`Â` before `£`; Mac OS Roman's `‚Ä` before `†`).
    private func linkBefore(
        _ end: Int, reading value: UInt32, in bytes: UnsafeBufferPointer<UInt8>, floor: Int
    ) -> (start: Int, pageIndex: Int)? {
        // ASCII is neither lead nor continuation in any page: most repairs stand between ASCII characters.
        guard end > floor, bytes[end - 1] >= 0x80 else { return nil }
        let middle = character(endingAt: end, in: bytes)
        guard middle.start >= floor else { return nil }
        let valueCodes = codes(of: value)
        var lead: (start: Int, value: UInt32, codes: UInt64)?
        for pageIndex in pages.indices {
            let last = Self.code(in: valueCodes, page: pageIndex, value: value)
            let before = Self.code(in: middle.codes, page: pageIndex, value: middle.value)
            guard MisreadSequence.isContinuation(last) else { continue }
            if MisreadSequence.decode(lead: before, continuation: CollectionOfOne(last)) == value {
                return (middle.start, pageIndex)
            }
            guard MisreadSequence.isContinuation(before), middle.start > floor else { continue }
            if lead == nil { lead = character(endingAt: middle.start, in: bytes) }
            // Without the character before, this page has no three-byte link; another may still have a two-byte one.
            guard let lead, lead.start >= floor else { continue }
            let first = Self.code(in: lead.codes, page: pageIndex, value: lead.value)
            if MisreadSequence.decode(lead: first, continuation: [before, last]) == value {
                return (lead.start, pageIndex)
            }
        }
        return nil
    }

    /// Where the link starting at `start` ends, when `value` right before it and it read as UTF-8 through
    /// some page give `value` back (`ƒ` after `Ã`; Mac OS Roman's `Äö` after `‚`).
    private func linkAfter(_ start: Int, reading value: UInt32, in bytes: UnsafeBufferPointer<UInt8>) -> (end: Int, pageIndex: Int)? {
        guard start < bytes.count, bytes[start] >= 0x80 else { return nil }
        let next = character(startingAt: start, in: bytes)
        let valueCodes = codes(of: value)
        var following: (end: Int, value: UInt32, codes: UInt64)?
        for pageIndex in pages.indices {
            let lead = Self.code(in: valueCodes, page: pageIndex, value: value)
            let second = Self.code(in: next.codes, page: pageIndex, value: next.value)
            guard MisreadSequence.isContinuation(second) else { continue }
            switch MisreadSequence.length(ofSequenceStartingWith: lead) {
            case 2:
                if MisreadSequence.decode(lead: lead, continuation: CollectionOfOne(second)) == value {
                    return (next.end, pageIndex)
                }
            case 3:
                // At the end of the text this page has no three-byte link; another may still have a two-byte one.
                guard next.end < bytes.count else { continue }
                if following == nil { following = character(startingAt: next.end, in: bytes) }
                guard let following else { return nil }
                let third = Self.code(in: following.codes, page: pageIndex, value: following.value)
                if MisreadSequence.decode(lead: lead, continuation: [second, third]) == value {
                    return (following.end, pageIndex)
                }
            default:
                continue
            }
        }
        return nil
    }

    /// The character starting at `start`, where it ends and its bytes in every page.
    private func character(startingAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (end: Int, value: UInt32, codes: UInt64) {
        let scalar = Self.decodeScalar(bytes, at: start)
        return (start + scalar.length, scalar.value, codes(of: scalar.value))
    }

    /// The character ending at `end`, where it starts and its bytes in every page.
    private func character(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (start: Int, value: UInt32, codes: UInt64) {
        let start = Self.scalarStart(before: end, in: bytes)
        let value = Self.decodeScalar(bytes, at: start).value
        return (start, value, codes(of: value))
    }

    /// The start of the scalar that ends at `end` in valid UTF-8.
    @inline(__always)
    static func scalarStart(before end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var start = end - 1
        while bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }
}
