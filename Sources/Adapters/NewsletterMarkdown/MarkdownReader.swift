import NewsletterCore

/// Turns one cmark-gfm parse of a body into ``MarkdownHeading``s and ``NewsletterCore/Link``s with exact ranges:
/// cmark-gfm decides what is a link or a heading, the source bytes decide where each part is.
struct MarkdownReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let source: SourceText
    let body: Range<Int>

    func read() throws(NewsletterError) -> (headings: [MarkdownHeading], links: [Link]) {
        let positions = BodyPositions(source: source, bodyRange: body)
        let treeResult = CmarkParser.withDocument(UnsafeBufferPointer(rebasing: bytes[body])) { document in
            Result { () throws(NewsletterError) in
                try CmarkTreeReader(document: document, positions: positions, maximumDepth: MarkdownDocument.maximumNestingDepth)
            }
        }
        let tree = try treeResult.get()
        let codeSpans = tree.codeSpans.compactMap(codeSpanRange(_:))
        let htmlSpans = tree.htmlSpans.compactMap { span -> Range<Int>? in
            guard let start = locate(hint: span.hintOffset, where: { bytes[$0] == UInt8(ascii: "<") }) else { return nil }
            return start..<min(start + span.literalLength, body.upperBound)
        }
        let syntax = LinkSyntax(bytes: bytes, codeSpanEnds: Dictionary(codeSpans.map { ($0.lowerBound, $0.upperBound) }) { first, _ in first })
        var definitions: ReferenceDefinitions?
        var links: [Link] = []
        links.reserveCapacity(tree.links.count)
        var floor = body.lowerBound
        for node in tree.links {
            let line = source.lineOffsets(source.location(atUTF8Offset: node.hintOffset).line)
            let limit = tree.textBlocks.enclosingEnd(of: node.hintOffset) ?? body.upperBound
            guard let start = syntax.opener(hint: node.hintOffset, contentHint: node.contentHintOffset, isImage: node.isImage, line: line, notBefore: floor),
                  let extent = syntax.extent(at: start, isImage: node.isImage, limit: min(limit, body.upperBound))
            else {
                links.append(Link(text: node.text, destination: node.url, title: node.title, kind: node.isImage ? .image : .inline))
                continue
            }
            floor = start + 1
            links.append(link(node, extent) { label in
                if definitions == nil {
                    definitions = ReferenceDefinitions(bytes: bytes, lineStarts: [body.lowerBound] + source.lineStarts.drop { $0 <= body.lowerBound }, body: body)
                }
                return definitions?.definition(label: label, resolvingTo: node.url, bytes: bytes)
            })
        }
        let excluded = (links.compactMap { $0.range?.utf8Offsets } + codeSpans + htmlSpans).sorted { $0.lowerBound < $1.lowerBound }
        let bareURLs = BareURLFinder(bytes: bytes).urls(in: tree.textBlocks, excluding: excluded).map(bareURLLink(_:))
        return (tree.headings.map(heading(_:)), Self.merged(links, bareURLs))
    }

    private func link(_ node: CmarkTreeReader.LinkNode, _ extent: LinkSyntax.Extent, definition: (String) -> ReferenceDefinitions.Definition?) -> Link {
        let kind: Link.Kind
        var range = extent.range
        var destinationRange: Range<Int>?
        switch extent.shape {
        case .inline(let destination):
            kind = node.isImage ? .image : .inline
            destinationRange = destination
        case .autolink(let destination):
            kind = .autolink
            destinationRange = destination
        case .reference(let label):
            kind = node.isImage ? .image : .reference
            var found = definition(ReferenceDefinitions.normalizedLabel(bytes, label))
            if found == nil, let shortcut = extent.shortcut {
                // `[text][unknown]` reads as the shortcut `[text]` followed by plain text.
                let textStart = node.isImage ? shortcut.lowerBound + 2 : shortcut.lowerBound + 1
                found = definition(ReferenceDefinitions.normalizedLabel(bytes, textStart..<(shortcut.upperBound - 1)))
                range = shortcut
            }
            destinationRange = found?.destinationRange
        }
        let raw = destinationRange.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        return Link(
            text: node.text,
            destination: node.url,
            rawDestination: raw ?? node.url,
            title: node.title,
            kind: kind,
            range: source.range(utf8Offsets: range),
            destinationRange: destinationRange.map(source.range(utf8Offsets:))
        )
    }

    private func bareURLLink(_ range: Range<Int>) -> Link {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        let resolved = MarkdownEscapes.resolve(bytes, range)
        // As GitHub does, a `www.` URL gets the scheme a browser would use.
        let destination = bytes[range.lowerBound] | 0x20 == UInt8(ascii: "w") ? "http://" + resolved : resolved
        let sourceRange = source.range(utf8Offsets: range)
        return Link(text: raw, destination: destination, rawDestination: raw, kind: .bareURL, range: sourceRange, destinationRange: sourceRange)
    }

    private func heading(_ node: CmarkTreeReader.HeadingNode) -> MarkdownHeading {
        let positions = BodyPositions(source: source, bodyRange: body)
        let start = positions.lineStart(node.startLine)
        var firstMark = start
        while firstMark < body.upperBound, bytes[firstMark] == UInt8(ascii: " ") { firstMark += 1 }
        let isSetext = firstMark >= body.upperBound || bytes[firstMark] != UInt8(ascii: "#")
        // cmark ends a setext heading where the next block starts; the heading ends at its underline.
        let lastLine = isSetext
            ? (node.startLine + 1...max(node.startLine + 1, node.endLine)).first { isSetextUnderline(positions, $0) } ?? node.endLine
            : node.startLine
        let end = max(start, positions.lineEnd(lastLine, includingTerminator: false))
        return MarkdownHeading(
            level: node.level,
            source: String(source.slice(start..<end)),
            plainText: node.plainText,
            range: source.range(utf8Offsets: start..<end),
            isSetext: isSetext,
            contentStartOffset: max(end, positions.lineEnd(lastLine, includingTerminator: true))
        )
    }

    /// Whether a body line is `===` or `---` (up to three spaces before, white space after).
    private func isSetextUnderline(_ positions: BodyPositions, _ line: Int) -> Bool {
        let start = positions.lineStart(line)
        let end = positions.lineEnd(line, includingTerminator: false)
        var index = start
        while index < end, index - start < 3, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < end, bytes[index] == UInt8(ascii: "=") || bytes[index] == UInt8(ascii: "-") else { return false }
        let marker = bytes[index]
        while index < end, bytes[index] == marker { index += 1 }
        while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        return index == end
    }

    /// The exact extent of a code span from cmark's hint: the opening backtick run, up to the next run of the same length.
    private func codeSpanRange(_ span: CmarkTreeReader.InlineSpan) -> Range<Int>? {
        guard let start = codeSpanOpener(hint: span.hintOffset) else { return nil }
        var runEnd = start
        while runEnd < body.upperBound, bytes[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
        let length = runEnd - start
        var index = runEnd
        while index < body.upperBound {
            guard bytes[index] == UInt8(ascii: "`") else {
                index += 1
                continue
            }
            var closeEnd = index
            while closeEnd < body.upperBound, bytes[closeEnd] == UInt8(ascii: "`") { closeEnd += 1 }
            if closeEnd - index == length { return start..<closeEnd }
            index = closeEnd
        }
        return nil
    }

    /// The first backtick of the run that opens the code span whose content cmark places at `hint`
    /// (one space after the run may have been stripped from the content).
    private func codeSpanOpener(hint: Int) -> Int? {
        let lineStart = max(source.lineOffsets(source.location(atUTF8Offset: hint).line).lowerBound, body.lowerBound)
        var index = hint - 1
        if index >= lineStart, bytes[index] == UInt8(ascii: " ") { index -= 1 }
        guard index >= lineStart, bytes[index] == UInt8(ascii: "`") else {
            return locate(hint: hint) { bytes[$0] == UInt8(ascii: "`") && ($0 == lineStart || bytes[$0 - 1] != UInt8(ascii: "`")) }
        }
        while index > lineStart, bytes[index - 1] == UInt8(ascii: "`") { index -= 1 }
        return index
    }

    /// The offset matching `isStart` at cmark's hint, or the nearest one on the hint's line, forward first.
    private func locate(hint: Int, where isStart: (Int) -> Bool) -> Int? {
        let line = source.lineOffsets(source.location(atUTF8Offset: hint).line)
        let lower = max(line.lowerBound, body.lowerBound)
        let upper = min(line.upperBound, body.upperBound)
        if hint >= lower, hint < upper, isStart(hint) { return hint }
        if hint < upper, let forward = (max(hint, lower)..<upper).first(where: isStart) { return forward }
        return lower < min(hint, upper) ? (lower..<min(hint, upper)).first(where: isStart) : nil
    }

    /// Links from the tree and bare URLs, each already in order, merged by start offset.
    private static func merged(_ first: [Link], _ second: [Link]) -> [Link] {
        guard !second.isEmpty else { return first }
        var result: [Link] = []
        result.reserveCapacity(first.count + second.count)
        var index = 0
        var start = 0
        for link in first {
            // A link whose opener was not found keeps its place after the link before it.
            start = link.range?.start.offset ?? start
            while index < second.count, second[index].range!.start.offset < start {
                result.append(second[index])
                index += 1
            }
            result.append(link)
        }
        result.append(contentsOf: second[index...])
        return result
    }
}

extension [Range<Int>] {
    /// The end of the range holding `offset`, for ranges sorted by start that do not overlap.
    fileprivate func enclosingEnd(of offset: Int) -> Int? {
        var low = 0
        var high = count - 1
        while low <= high {
            let mid = (low + high) / 2
            if self[mid].lowerBound > offset {
                high = mid - 1
            } else if self[mid].upperBound < offset {
                low = mid + 1
            } else {
                return self[mid].upperBound
            }
        }
        return nil
    }
}
