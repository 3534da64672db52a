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
        var headings: HeadingTable
        var links: [Link]
        var inexactBlocks: [InexactBlock]
    }

    func read() throws(NewsletterError) -> Result {
        try TableLimits.check(bytes: bytes, body: body, source: source)
        try MarkupLimits.checkDraft(bytes, body, source: source)
        var made = Made(locations: LocationCache(bytes: bytes, source: source))
        let reader = try readTree(making: &made)
        var tree = reader.tree
        tree.shareLinks(made.links)
        return Result(tree: tree, headings: HeadingTable(source: source, made.headings), links: made.links, inexactBlocks: reader.inexactBlocks)
    }

    /// What became of a piece parsed: read, or left for a longer one because it ends inside a code or HTML block, which
    /// ends where `blockEnd` says (see ``MarkdownChunks/endOfBlockLeftOpen(by:pieceStart:)``).
    private enum PieceOutcome {
        case read
        case leftOpen(blockEnd: Int?)
    }

    /// The headings and links made of the nodes read so far.
    private struct Made {
        let locations: LocationCache
        var headings = HeadingTable.Builder()
        var links: [Link] = []
        /// The first node not looked at yet.
        var nextNode = 0
    }

    /// Parses the body piece by piece (see ``MarkdownChunks``) and reads every piece's tree while it is still in cache;
    /// the headings and links of each piece are made as soon as it is read.
    private func readTree(making made: inout Made) throws(NewsletterError) -> SyntaxTreeReader {
        var reader = SyntaxTreeReader(bytes: bytes, source: source, body: body)
        let chunks = MarkdownChunks(bytes: bytes, body: body, pieceSize: pieceSize)
        let isSplitting = chunks.isSplittable
        var start = body.lowerBound
        // How long the next piece is at least. A piece that leaves a fenced code or HTML block open (a code sample with
        // blank lines across its end) is parsed again from the same start past the line that closes the block, or,
        // where no line marks its end, at twice its length; after four tries at one start it doubles in any case, so
        // that the tries add up to a few times the piece's final length, and the body after it is still cut in pieces.
        var length = pieceSize
        var tries = 0
        // Set when the rest of the body is one code or HTML block that no line closes: it holds no inline markup, and
        // the text before it was counted in the previous try.
        var restIsOneBlock = false
        while start < body.upperBound {
            let end = isSplitting ? chunks.end(ofPieceStartingAt: start, length: length) : body.upperBound
            if !restIsOneBlock { try MarkupLimits.checkPiece(bytes, start..<end, source: source) }
            let positions = BodyPositions(source: source, bodyRange: start..<body.upperBound)
            let outcome = try CmarkParser.withDocument(UnsafeBufferPointer(rebasing: bytes[start..<end])) { document in
                guard end == body.upperBound || MarkdownChunks.isSafeEnd(of: document) else {
                    return Swift.Result<PieceOutcome, NewsletterError>.success(
                        .leftOpen(blockEnd: chunks.endOfBlockLeftOpen(by: document, pieceStart: start))
                    )
                }
                return Swift.Result { () throws(NewsletterError) in
                    try reader.read(document: document, positions: positions, maximumDepth: MarkdownDocument.maximumNestingDepth)
                    return .read
                }
            }.get()
            switch outcome {
            case .read:
                start = end
                length = pieceSize
                tries = 0
                make(from: &reader, into: &made, read: end - body.lowerBound)
            case .leftOpen(let blockEnd):
                tries += 1
                restIsOneBlock = blockEnd == body.upperBound
                let doubled = 2 * (end - start)
                length = max(blockEnd.map { $0 - start } ?? doubled, tries > 4 ? doubled : end - start + 1)
            }
        }
        reader.finish()
        return reader
    }

    /// Makes the headings and links of the nodes read since the last call, in document order (which the location cache
    /// makes cheap), and has the reader let go of what it recorded for them: a dense draft's link details are nearly as
    /// large as its links, and so only a piece's are held at once, not the whole body's.
    ///
    /// The tree, the links and the headings are given room for the whole body as soon as the part read so far
    /// suggests it: grown by doubling, each copied itself late, when large, and held its old and new buffers at once.
    private func make(from reader: inout SyntaxTreeReader, into made: inout Made, read: Int) {
        // The tree is complete after the last piece: room made then would only be a copy.
        let expectedNodes = Self.expected(reader.tree.count, read: read, of: body.count)
        if read < body.count, expectedNodes > reader.tree.nodeCapacity { reader.reserveNodes(expectedNodes) }
        make(from: reader.tree, headingTexts: reader.headingTexts, into: &made, read: read)
        reader.releaseRecords()
    }

    /// The nodes of `tree` from `made.nextNode` on made headings and links; the tree borrowed, not copied per node.
    private func make(from tree: MarkdownTree, headingTexts: [String], into made: inout Made, read: Int) {
        let pieceNodes = made.nextNode..<tree.count
        let pieceLinks = pieceNodes.count { tree.kind(at: $0).isLinkLike }
        if let room = room(for: pieceLinks, count: made.links.count, capacity: made.links.capacity, read: read) {
            made.links.reserveCapacity(room)
        }
        if let room = room(for: headingTexts.count, count: made.headings.count, capacity: made.headings.capacity, read: read) {
            made.headings.reserveCapacity(room)
        }
        var headingTexts = headingTexts.makeIterator()
        for index in pieceNodes {
            let kind = tree.kind(at: index)
            if kind == .heading {
                let node = tree[index]
                guard node.parentIndex == 0 else { continue }
                appendHeading(node, plainText: headingTexts.next() ?? "", to: &made)
            } else if kind.isLinkLike {
                made.links.append(link(tree[index], made.locations))
            }
        }
        made.nextNode = tree.count
    }

    /// How many a whole body of `total` bytes holds, judged from the `count` its first `read` bytes hold, and a
    /// sixteenth more; at most eight times `count`, so that a dense start (a header of links, or a hostile first
    /// piece) does not reserve far more than the rest needs: a body grows in a few steps, each early and small.
    private static func expected(_ count: Int, read: Int, of total: Int) -> Int {
        let expected = min(count * total / max(read, 1), count * 8)
        return expected + expected / 16
    }

    /// The room to give a list of `count` elements (`capacity` now) for the body's elements as judged so far, once the
    /// `more` to be appended do not fit: at least half again its room, so that a body denser at its end still grows in
    /// few steps; `nil` while they fit.
    private func room(for more: Int, count: Int, capacity: Int, read: Int) -> Int? {
        let needed = count + more
        guard needed > capacity else { return nil }
        return max(Self.expected(needed, read: read, of: body.count), capacity + capacity / 2, needed)
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

    private func appendHeading(_ node: MarkdownNode, plainText: String, to made: inout Made) {
        let range = node.range
        let lineIndex = source.lineIndex(containing: max(range.upperBound - 1, range.lowerBound))
        let contentStart = lineIndex + 1 < source.lineStarts.count ? source.lineStarts[lineIndex + 1] : source.utf8Count
        made.headings.append(
            range: made.locations.range(range),
            contentStart: min(max(range.upperBound, contentStart), body.upperBound),
            level: node.headingLevel ?? 1,
            isSetext: bytes[range.lowerBound..<range.upperBound].first { $0 != UInt8(ascii: " ") } != UInt8(ascii: "#"),
            plainText: plainText
        )
    }
}
