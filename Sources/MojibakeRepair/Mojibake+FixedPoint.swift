import Foundation

extension Mojibake {
    /// At most this many passes. In newsletters a second pass rarely finds anything and a third never has; a
    /// pass peels one layer, and looks only at the lines the one before changed, so deep layers cost little.
    /// Chains, which a pass would peel a link at a time, are taken whole after each pass.
    static let maximumPasses = 32

    /// Repairs the lines that `once`, the first pass over `original`, changed, again and again until a pass
    /// changes nothing, and composes the edits of every pass into edits of `original`. After each pass, the
    /// chains next to what it wrote are taken whole (``MojibakeScanner/chains(in:after:)``), so that no shape
    /// needs more passes than a few layers do.
    static func repairToFixedPoint(
        from original: String, once: RepairedText, includeGuesses: Bool, codePages: [CodePage], parallelism: Parallelism
    ) -> RepairedText {
        let scanner = scanner(for: codePages)
        var result = takingChains(after: once.edits, in: once, original: original, scanner: scanner)
        for _ in 1..<maximumPasses {
            let again = repairChangedLines(of: result, includeGuesses: includeGuesses, codePages: codePages, parallelism: parallelism)
            guard !again.isEmpty else { break }
            let text = applying(again, to: result.text)
            let previous = result.text
            result = RepairedText(text: text, edits: composing(result.edits, then: again, original: original, intermediate: previous))
            result = takingChains(after: again, in: result, original: original, scanner: scanner)
        }
        return result
    }

    /// `repaired` (edits of `original`, made last by `pass`, edits of the text before it) with the chains next
    /// to what `pass` wrote taken away, each leaving the character that gives it back.
    private static func takingChains(
        after pass: [MojibakeSpan], in repaired: RepairedText, original: String, scanner: MojibakeScanner
    ) -> RepairedText {
        var text = repaired.text
        let links = text.withUTF8 { bytes in
            scanner.chains(in: bytes, after: pass).map { chain in
                MojibakeSpan(
                    utf8Range: chain.range,
                    original: String(decoding: UnsafeBufferPointer(rebasing: bytes[chain.range]), as: UTF8.self),
                    replacement: String(decoding: UnsafeBufferPointer(rebasing: bytes[chain.kept]), as: UTF8.self),
                    misreadings: [scanner.pages[chain.pageIndex]],
                    confidence: .likely
                )
            }
        }
        guard !links.isEmpty else { return repaired }
        return RepairedText(
            text: applying(links, to: text),
            edits: composing(repaired.edits, then: links, original: original, intermediate: text)
        )
    }

    /// The spans, in `repaired.text`, of the lines that may hold mojibake the pass that made `repaired` did
    /// not see. Lines are judged on their own, so only a line holding an edit can; and only if it still holds
    /// what makes the scan look at a line closely (``MojibakeScanner/needsCloseLook(_:line:)``), since a line
    /// without it is left alone by any pass. Most repaired lines hold nothing of the kind, which keeps a second
    /// look at nearly every repaired text to a fraction of the first; the lines found are scanned in one text,
    /// joined.
    private static func repairChangedLines(
        of repaired: RepairedText, includeGuesses: Bool, codePages: [CodePage], parallelism: Parallelism
    ) -> [MojibakeSpan] {
        let scanner = scanner(for: codePages)
        var text = repaired.text
        // Each line to scan again (with its line feed) in `text`, and where it starts in the joined text.
        var lines: [(range: Range<Int>, joinedStart: Int)] = []
        var joined: [UInt8] = []
        text.withUTF8 { bytes in
            var shift = 0
            // Everything before `checked` was looked at.
            var checked = 0
            // By index: a span copied out of the array costs the reference counts of its texts.
            for index in repaired.edits.indices {
                let range = repaired.edits[index].utf8Range
                let start = range.lowerBound + shift
                shift += repaired.edits[index].replacement.utf8.count - range.count
                let end = range.upperBound + shift
                guard start >= checked else { continue }
                // Line feeds are found with memchr, from what was looked at on: linear on one long line, and fast
                // over the many lines between edits.
                let base = UnsafeRawPointer(bytes.baseAddress!)
                var lineStart = checked
                while let lineFeed = memchr(base + lineStart, 0x0A, start - lineStart) { lineStart = UnsafeRawPointer(lineFeed) - base + 1 }
                let lineEnd = memchr(base + end, 0x0A, bytes.count - end).map { UnsafeRawPointer($0) - base + 1 } ?? bytes.count
                checked = lineEnd
                guard scanner.needsCloseLook(bytes, line: lineStart..<lineEnd) else { continue }
                lines.append((lineStart..<lineEnd, joined.count))
                joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
                if bytes[lineEnd - 1] != 0x0A { joined.append(0x0A) }
            }
        }
        guard !lines.isEmpty else { return [] }
        // Scanned as the first pass was, so that a guess collapsing into U+FFFD without guesses does here too.
        var spans: [MojibakeSpan] = []
        scan(String(decoding: joined, as: UTF8.self), codePages: codePages, includingGuesses: includeGuesses, parallelism: parallelism) {
            _, _, spans in spans
        } consuming: { piece in
            spans += piece
        }
        var shifted: [MojibakeSpan] = []
        var line = 0
        for var span in spans {
            while line + 1 < lines.count && lines[line + 1].joinedStart <= span.utf8Range.lowerBound { line += 1 }
            let offset = lines[line].range.lowerBound - lines[line].joinedStart
            span.utf8Range = span.utf8Range.lowerBound + offset..<span.utf8Range.upperBound + offset
            shifted.append(span)
        }
        return shifted
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
