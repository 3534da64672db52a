import NewsletterCore

/// Turns one cmark-gfm parse of a body into ``MarkdownHeading``s and ``NewsletterCore/Link``s with exact ranges:
/// cmark-gfm decides what is a link or a heading, the source bytes decide where each part is.
struct MarkdownReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let source: SourceText
    let body: Range<Int>
    /// How large a piece of the body cmark-gfm parses at once (see ``MarkdownChunks``).
    let pieceSize: Int

    func read() throws(NewsletterError) -> (headings: [MarkdownHeading], links: [Link]) {
        let bodyPositions = BodyPositions(source: source, bodyRange: body)
        let tree = try readTree(bodyPositions)
        let locations = LocationCache(bytes: bytes, source: source)
        let locator = InlineLocator(bytes: bytes, source: source, body: body)
        let codeSpans = tree.codeSpans.compactMap { locator.codeSpan(hint: $0.hintOffset, line: $0.hintLine, literal: tree.literals[$0.literal]) }
        let htmlSpans = tree.htmlSpans.compactMap { locator.html(hint: $0.hintOffset, line: $0.hintLine, literal: tree.literals[$0.literal]) }
        let syntax = LinkSyntax(bytes: bytes, codeSpanEnds: Dictionary(codeSpans.map { ($0.lowerBound, $0.upperBound) }) { first, _ in first })
        // Where each link of the tree stands is settled first, so that every Link is built once, in document order.
        var extents: [LinkSyntax.Extent?] = []
        extents.reserveCapacity(tree.links.count)
        var floor = body.lowerBound
        for node in tree.links {
            let limit = min(tree.textBlocks.enclosingEnd(of: node.hintOffset) ?? body.upperBound, body.upperBound)
            let preferred = node.contentHintOffset.map { $0 - (node.isImage ? 2 : 1) }
            var located: LinkSyntax.Extent?
            func locate(requireSameDestination: Bool) -> Int? {
                locator.nearest(hint: node.hintOffset, line: node.hintLine, preferred: preferred, notBefore: floor) { offset in
                    guard syntax.isOpener(offset, isImage: node.isImage, limit: limit),
                          let extent = syntax.extent(at: offset, isImage: node.isImage, limit: limit),
                          !requireSameDestination || syntax.destination(of: extent, resolvesTo: node.url)
                    else { return false }
                    located = extent
                    return true
                }
            }
            if let start = locate(requireSameDestination: true) ?? locate(requireSameDestination: false) { floor = start + 1 }
            extents.append(located)
        }
        var excluded: [Range<Int>] = []
        excluded.reserveCapacity(extents.count + codeSpans.count + htmlSpans.count)
        excluded.append(contentsOf: extents.lazy.compactMap { $0?.range })
        excluded.append(contentsOf: codeSpans)
        excluded.append(contentsOf: htmlSpans)
        excluded.sort { $0.lowerBound < $1.lowerBound }
        let bareURLs = BareURLFinder(bytes: bytes).urls(in: tree.textBlocks, excluding: excluded)

        var definitions: ReferenceDefinitions?
        func definition(label: String, url: String) -> ReferenceDefinitions.Definition? {
            if definitions == nil {
                definitions = ReferenceDefinitions(bytes: bytes, lineStarts: [body.lowerBound] + source.lineStarts.drop { $0 <= body.lowerBound }, body: body)
            }
            return definitions?.definition(label: label, resolvingTo: url, bytes: bytes)
        }
        var links: [Link] = []
        links.reserveCapacity(tree.links.count + bareURLs.count)
        var bareIndex = 0
        for (node, extent) in zip(tree.links, extents) {
            guard let extent else {
                // A link whose opener was not found keeps its place after the link before it.
                links.append(Link(text: node.text, destination: node.url, title: node.title, kind: node.isImage ? .image : .inline))
                continue
            }
            while bareIndex < bareURLs.count, bareURLs[bareIndex].lowerBound < extent.range.lowerBound {
                links.append(bareURLLink(bareURLs[bareIndex], locations))
                bareIndex += 1
            }
            links.append(link(node, extent, locations) { definition(label: $0, url: node.url) })
        }
        for range in bareURLs[bareIndex...] { links.append(bareURLLink(range, locations)) }
        return (tree.headings.map { heading($0, bodyPositions, locations) }, links)
    }

    /// Parses the body piece by piece (see ``MarkdownChunks``) and reads every piece's tree while it is still in cache.
    private func readTree(_ bodyPositions: BodyPositions) throws(NewsletterError) -> CmarkTreeReader {
        var tree = CmarkTreeReader()
        let chunks = MarkdownChunks(bytes: bytes, body: body, pieceSize: pieceSize)
        var isSplitting = chunks.isSplittable
        var start = body.lowerBound
        while start < body.upperBound {
            let end = isSplitting ? chunks.end(ofPieceStartingAt: start) : body.upperBound
            let positions = BodyPositions(source: source, bodyRange: start..<body.upperBound)
            let lineShift = positions.firstLineIndex - bodyPositions.firstLineIndex
            let isRead = try CmarkParser.withDocument(UnsafeBufferPointer(rebasing: bytes[start..<end])) { document in
                // A piece that leaves a code or HTML block open is read again with the rest of the body, in one piece.
                guard end == body.upperBound || MarkdownChunks.isSafeEnd(of: document) else { return Result<Bool, NewsletterError>.success(false) }
                return Result { () throws(NewsletterError) in
                    try tree.read(document: document, positions: positions, lineShift: lineShift, maximumDepth: MarkdownDocument.maximumNestingDepth)
                    return true
                }
            }.get()
            if isRead { start = end } else { isSplitting = false }
        }
        return tree
    }

    private func link(
        _ node: CmarkTreeReader.LinkNode,
        _ extent: LinkSyntax.Extent,
        _ locations: LocationCache,
        definition: (String) -> ReferenceDefinitions.Definition?) -> Link {
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
        // Most destinations are written as they resolve: share the string then.
        let raw = destinationRange.map { written in
            MarkdownEscapes.equal(node.url, bytes, written)
                ? node.url
                : String(decoding: UnsafeBufferPointer(rebasing: bytes[written]), as: UTF8.self)
        }
        // Locations are taken in document order, which the location cache makes cheap.
        let start = locations.location(range.lowerBound)
        let destination = destinationRange.map { (start: locations.location($0.lowerBound), end: locations.location($0.upperBound)) }
        let end = locations.location(range.upperBound)
        return Link(
            text: node.text,
            destination: node.url,
            rawDestination: raw ?? node.url,
            title: node.title,
            kind: kind,
            range: SourceRange(start: start, end: end),
            destinationRange: destination.map { SourceRange(start: $0.start, end: $0.end) }
        )
    }

    private func bareURLLink(_ range: Range<Int>, _ locations: LocationCache) -> Link {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        let resolved = MarkdownEscapes.needsResolving(bytes, range) ? MarkdownEscapes.resolve(bytes, range) : raw
        // As GitHub does, a `www.` URL gets the scheme a browser would use.
        let destination = bytes[range.lowerBound] | 0x20 == UInt8(ascii: "w") ? "http://" + resolved : resolved
        let sourceRange = locations.range(range)
        return Link(text: raw, destination: destination, rawDestination: raw, kind: .bareURL, range: sourceRange, destinationRange: sourceRange)
    }

    private func heading(_ node: CmarkTreeReader.HeadingNode, _ positions: BodyPositions, _ locations: LocationCache) -> MarkdownHeading {
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
            range: locations.range(start..<end),
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
