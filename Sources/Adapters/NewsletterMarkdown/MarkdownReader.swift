import NewsletterCore

/// Turns one cmark-gfm parse of a body into a ``NewsletterCore/MarkdownTree`` with exact ranges, and derives the
/// top-level ``MarkdownHeading``s and the ``NewsletterCore/Link``s from that tree.
struct MarkdownReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let source: SourceText
    let body: Range<Int>
    /// How large a piece of the body cmark-gfm parses at once (see ``MarkdownChunks``).
    let pieceSize: Int

    struct Result {
        var tree: MarkdownTree
        var headings: [MarkdownHeading]
        var links: [Link]
        var inexactBlocks: [InexactBlock]
    }

    func read() throws(NewsletterError) -> Result {
        try TableLimits.check(bytes: bytes, body: body, source: source)
        try MarkupLimits.checkDraft(bytes, body, source: source)
        let reader = try readTree()
        var tree = reader.tree
        let locations = LocationCache(bytes: bytes, source: source)
        var headings: [MarkdownHeading] = []
        var links: [Link] = []
        // Counted first: a link is large, and growing the array by doubling held up to three times the links at once.
        links.reserveCapacity((0..<tree.count).count { tree.kind(at: $0).isLinkLike })
        // Headings and links come out in document order, which the location cache makes cheap.
        var headingTexts = reader.headingTexts.makeIterator()
        for index in 0..<tree.count {
            let kind = tree.kind(at: index)
            if kind == .heading {
                let node = tree[index]
                guard node.parentIndex == 0 else { continue }
                headings.append(heading(node, plainText: headingTexts.next() ?? "", locations))
            } else if kind.isLinkLike {
                links.append(link(tree[index], locations))
            }
        }
        tree.shareLinks(links)
        return Result(tree: tree, headings: headings, links: links, inexactBlocks: reader.inexactBlocks)
    }

    /// Parses the body piece by piece (see ``MarkdownChunks``) and reads every piece's tree while it is still in cache.
    private func readTree() throws(NewsletterError) -> SyntaxTreeReader {
        var reader = SyntaxTreeReader(bytes: bytes, source: source, body: body)
        let chunks = MarkdownChunks(bytes: bytes, body: body, pieceSize: pieceSize)
        var isSplitting = chunks.isSplittable
        var start = body.lowerBound
        while start < body.upperBound {
            let end = isSplitting ? chunks.end(ofPieceStartingAt: start) : body.upperBound
            try MarkupLimits.checkPiece(bytes, start..<end, source: source)
            let positions = BodyPositions(source: source, bodyRange: start..<body.upperBound)
            let isRead = try CmarkParser.withDocument(UnsafeBufferPointer(rebasing: bytes[start..<end])) { document in
                // A piece that leaves a code or HTML block open is read again with the rest of the body, in one piece.
                guard end == body.upperBound || MarkdownChunks.isSafeEnd(of: document) else { return Swift.Result<Bool, NewsletterError>.success(false) }
                return Swift.Result { () throws(NewsletterError) in
                    try reader.read(document: document, positions: positions, maximumDepth: MarkdownDocument.maximumNestingDepth)
                    return true
                }
            }.get()
            if isRead { start = end } else { isSplitting = false }
        }
        reader.finish()
        return reader
    }

    private func link(_ node: MarkdownNode, _ locations: LocationCache) -> Link {
        let details = node.link ?? MarkdownLinkDetails(form: .inline, destination: "", title: nil, destinationRange: nil, text: "")
        let kind: Link.Kind = switch node.kind {
        case .image: .image
        case .autolink: .autolink
        case .bareURL: .bareURL
        default: details.form == .reference ? .reference : .inline
        }
        let destinationRange = details.destinationRange
        // Asked for in document order, which the location cache makes cheap.
        let start = locations.location(node.range.lowerBound)
        let destination = destinationRange.map { SourceRange(start: locations.location($0.lowerBound), end: locations.location($0.upperBound)) }
        let end = locations.location(node.range.upperBound)
        // Most destinations are written as they resolve: the link then keeps the source's slice, not a copy.
        if let written = destinationRange, MarkdownEscapes.equal(details.destinationText, bytes, written) {
            return Link(
                text: details.text, sourceDestination: source.slice(written), title: details.title, kind: kind,
                range: SourceRange(start: start, end: end), destinationRange: destination
            )
        }
        return Link(
            text: details.text,
            destination: details.destination,
            rawDestination: destinationRange.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) },
            title: details.title,
            kind: kind,
            range: SourceRange(start: start, end: end),
            destinationRange: destination
        )
    }

    private func heading(_ node: MarkdownNode, plainText: String, _ locations: LocationCache) -> MarkdownHeading {
        let range = node.range
        let lineIndex = source.lineIndex(containing: max(range.upperBound - 1, range.lowerBound))
        let contentStart = lineIndex + 1 < source.lineStarts.count ? source.lineStarts[lineIndex + 1] : source.utf8Count
        return MarkdownHeading(
            level: node.headingLevel ?? 1,
            sourceText: source.slice(range),
            plainText: plainText,
            range: locations.range(range),
            isSetext: bytes[range.lowerBound..<range.upperBound].first { $0 != UInt8(ascii: " ") } != UInt8(ascii: "#"),
            contentStartOffset: min(max(range.upperBound, contentStart), body.upperBound)
        )
    }
}
