import Foundation

extension Mojibake {
    /// At most this many passes. In newsletters a second pass rarely finds anything and a third never has; a
    /// pass peels one layer, and looks only at the lines the one before changed, so deep layers cost little.
    /// Chains, which a pass would peel a link at a time, are taken whole after each pass.
    static let maximumPasses = 32

    /// Repairs the lines of `once`, the first pass over `original`, that the pass found may change again
    /// (`linesToScanAgain`, where they start in `original`), again and again until a pass changes nothing, and
    /// composes the edits of every pass into edits of `original`. After each pass, the chains next to what it
    /// wrote are taken whole (``MojibakeScanner/chains(in:after:)``), so that no shape needs more passes than a
    /// few layers do.
    ///
    /// Lines are judged on their own, so only a line a pass changed can hold something new for the next; of
    /// those, the pass itself tells which may (``MojibakeLine/resolve(_:includingGuesses:emit:)``), and a line the
    /// chains changed is always looked at. Most repaired lines hold nothing of the kind, which keeps a second
    /// look at nearly every repaired text to a fraction of the first.
    static func repairToFixedPoint(
        from original: String, once: RepairedText, linesToScanAgain: [Int], includeGuesses: Bool, codePages: [CodePage],
        parallelism: Parallelism
    ) -> RepairedText {
        let scanner = scanner(for: codePages)
        var result = once
        // Where the lines to scan again start in `result.text`.
        var pending = shifted(linesToScanAgain, through: once.edits)
        takeChains(after: once.edits, in: &result, pending: &pending, original: original, scanner: scanner)
        for _ in 1..<maximumPasses {
            guard !pending.isEmpty else { break }
            let again = scanAgain(lines: pending, of: result.text, includeGuesses: includeGuesses, codePages: codePages, parallelism: parallelism)
            guard !again.spans.isEmpty else { break }
            let previous = result.text
            result = RepairedText(
                text: applying(again.spans, to: previous),
                edits: composing(result.edits, then: again.spans, original: original, intermediate: previous)
            )
            pending = shifted(again.linesToScanAgain, through: again.spans)
            takeChains(after: again.spans, in: &result, pending: &pending, original: original, scanner: scanner)
        }
        return result
    }

    /// Takes from `repaired` (edits of `original`, made last by `pass`, edits of the text before it) the chains
    /// next to what `pass` wrote, each leaving the character that gives it back; the lines they change join
    /// `pending` (line starts in `repaired.text`, kept in order and moved with the text).
    private static func takeChains(
        after pass: [MojibakeSpan], in repaired: inout RepairedText, pending: inout [Int], original: String, scanner: MojibakeScanner
    ) {
        var text = repaired.text
        var changedLines: [Int] = []
        let links = text.withUTF8 { bytes in
            scanner.chains(in: bytes, after: pass).map { chain in
                var lineStart = chain.range.lowerBound
                while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
                if changedLines.last != lineStart { changedLines.append(lineStart) }
                return MojibakeSpan(
                    utf8Range: chain.range,
                    original: String(decoding: UnsafeBufferPointer(rebasing: bytes[chain.range]), as: UTF8.self),
                    replacement: String(decoding: UnsafeBufferPointer(rebasing: bytes[chain.kept]), as: UTF8.self),
                    misreadings: [scanner.pages[chain.pageIndex]],
                    confidence: .likely
                )
            }
        }
        guard !links.isEmpty else { return }
        repaired = RepairedText(
            text: applying(links, to: text),
            edits: composing(repaired.edits, then: links, original: original, intermediate: text)
        )
        pending = shifted(Array(Set(pending + changedLines)).sorted(), through: links)
    }

    /// `lineStarts` (in order, in a text) moved to where those lines start once `edits` (in order, each inside
    /// one line) are applied to the text.
    private static func shifted(_ lineStarts: [Int], through edits: [MojibakeSpan]) -> [Int] {
        var shift = 0
        var edit = 0
        return lineStarts.map { start in
            while edit < edits.count && edits[edit].utf8Range.upperBound <= start {
                shift += edits[edit].replacement.utf8.count - edits[edit].utf8Range.count
                edit += 1
            }
            return start + shift
        }
    }

    /// Scans again the lines of `text` that start at `lines` and still hold what makes the scan look at a line
    /// closely (``MojibakeScanner/needsCloseLook(_:line:)``), joined into one text: their spans, and the lines that
    /// may change once more, in `text`.
    private static func scanAgain(
        lines lineStarts: [Int], of text: String, includeGuesses: Bool, codePages: [CodePage], parallelism: Parallelism
    ) -> MojibakeScanner.ScannedLines {
        let scanner = scanner(for: codePages)
        var text = text
        // Each line to scan again (with its line feed) in `text`, and where it starts in the joined text.
        var lines: [(range: Range<Int>, joinedStart: Int)] = []
        var joined: [UInt8] = []
        text.withUTF8 { bytes in
            let base = UnsafeRawPointer(bytes.baseAddress!)
            for lineStart in lineStarts {
                let lineEnd = memchr(base + lineStart, 0x0A, bytes.count - lineStart).map { UnsafeRawPointer($0) - base + 1 } ?? bytes.count
                guard scanner.needsCloseLook(bytes, line: lineStart..<lineEnd) else { continue }
                lines.append((lineStart..<lineEnd, joined.count))
                joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
                if bytes[lineEnd - 1] != 0x0A { joined.append(0x0A) }
            }
        }
        guard !lines.isEmpty else { return MojibakeScanner.ScannedLines(spans: [], linesToScanAgain: []) }
        // Scanned as the first pass was, so that a guess collapsing into U+FFFD without guesses does here too.
        var found = MojibakeScanner.ScannedLines(spans: [], linesToScanAgain: [])
        scan(String(decoding: joined, as: UTF8.self), codePages: codePages, includingGuesses: includeGuesses, parallelism: parallelism) {
            _, _, scanned in scanned
        } consuming: { piece in
            found.spans += piece.spans
            found.linesToScanAgain += piece.linesToScanAgain
        }
        var line = 0
        func moveToLine(holding joinedOffset: Int) -> Int {
            while line + 1 < lines.count && lines[line + 1].joinedStart <= joinedOffset { line += 1 }
            return lines[line].range.lowerBound - lines[line].joinedStart
        }
        for index in found.spans.indices {
            let offset = moveToLine(holding: found.spans[index].utf8Range.lowerBound)
            let range = found.spans[index].utf8Range
            found.spans[index].utf8Range = range.lowerBound + offset..<range.upperBound + offset
        }
        line = 0
        for index in found.linesToScanAgain.indices {
            found.linesToScanAgain[index] += moveToLine(holding: found.linesToScanAgain[index])
        }
        return found
    }

    /// `text` with `spans`, in order and not overlapping, applied.
    private static func applying(_ spans: [MojibakeSpan], to text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var copied = 0
            for span in spans {
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<span.utf8Range.lowerBound]))
                result.append(contentsOf: span.replacement.utf8)
                copied = span.utf8Range.upperBound
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The edits of `original` that make what applying `first` (edits of `original`) and then `second`
    /// (edits of `intermediate`, the text `first` made) makes. An edit of `second` that touches text an edit
    /// of `first` wrote merges with it into one edit of the original text it all came from; the misreadings
    /// are listed in the order they happened (the later pass found the inner layers).
    static func composing(_ first: [MojibakeSpan], then second: [MojibakeSpan], original: String, intermediate: String) -> [MojibakeSpan] {
        var original = original
        var intermediate = intermediate
        return original.withUTF8 { originalBytes in
            intermediate.withUTF8 { intermediateBytes in
                func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                }
                var composed: [MojibakeSpan] = []
                composed.reserveCapacity(first.count)
                // `shift` is the length the edits of `first` before `next` added: where they end, intermediate
                // offsets are original offsets plus `shift`.
                var next = 0
                var shift = 0
                func written(_ edit: MojibakeSpan) -> Range<Int> {
                    edit.utf8Range.lowerBound + shift..<edit.utf8Range.lowerBound + shift + edit.replacement.utf8.count
                }
                func pass(_ edit: MojibakeSpan) {
                    shift += edit.replacement.utf8.count - edit.utf8Range.count
                    next += 1
                }
                var index = 0
                while index < second.count {
                    while next < first.count && written(first[next]).upperBound <= second[index].utf8Range.lowerBound {
                        composed.append(first[next])
                        pass(first[next])
                    }
                    // A group: this edit of `second`, and every edit of either pass it overlaps, transitively.
                    var low = second[index].utf8Range.lowerBound
                    var high = second[index].utf8Range.upperBound
                    var originalLow = low - shift
                    var merged: [MojibakeSpan] = []
                    var seconds = [second[index]]
                    index += 1
                    var grew = true
                    while grew {
                        grew = false
                        while next < first.count && written(first[next]).lowerBound < high {
                            let range = written(first[next])
                            if range.lowerBound < low {
                                low = range.lowerBound
                                originalLow = first[next].utf8Range.lowerBound
                            }
                            high = max(high, range.upperBound)
                            merged.append(first[next])
                            pass(first[next])
                            grew = true
                        }
                        while index < second.count && second[index].utf8Range.lowerBound < high {
                            high = max(high, second[index].utf8Range.upperBound)
                            seconds.append(second[index])
                            index += 1
                            grew = true
                        }
                    }
                    var replacement = ""
                    var copied = low
                    for edit in seconds {
                        replacement += string(intermediateBytes, copied..<edit.utf8Range.lowerBound) + edit.replacement
                        copied = edit.utf8Range.upperBound
                    }
                    replacement += string(intermediateBytes, copied..<high)
                    let originalRange = originalLow..<high - shift
                    let all = seconds + merged
                    composed.append(MojibakeSpan(
                        utf8Range: originalRange,
                        original: string(originalBytes, originalRange),
                        replacement: replacement,
                        misreadings: seconds[0].misreadings + (merged.first?.misreadings ?? []),
                        damage: all.first { $0.damage != .none }?.damage ?? .none,
                        confidence: all.map(\.confidence).min() ?? .likely,
                        candidates: all.count == 1 ? seconds[0].candidates : []
                    ))
                }
                composed += first[next...]
                return composed
            }
        }
    }
}
