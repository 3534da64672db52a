import NewsletterCore

/// How much markup cmark-gfm is given to parse, counted before it parses.
///
/// cmark-gfm makes a node of a few hundred bytes for nearly every line break and inline marker (`*`, `_`, `[`, `]`,
/// `` ` ``, `<`, `&`, `!`, `\`, `~`): two megabytes of `a*` or of one-letter lines take it 400 MB, and at the input
/// limit of 64 MiB such text would take more memory than a machine has. Real drafts hold one such byte in ten to
/// thirty. The count stops a draft with more than ``MarkdownDocument/maximumMarkupMarkers`` of them in all, or
/// more than ``MarkdownDocument/maximumMarkupMarkersBetweenHeadings`` in a stretch that cmark-gfm parses at once
/// (see ``MarkdownChunks``: a stretch ends at a blank line before a block that starts unindented), with
/// ``NewsletterError/Kind/limitExceeded`` at the draft's start or at the start of the block where a stretch passes it.
enum MarkupLimits {
    /// The bytes counted: a line feed, or the start of an inline construct for cmark-gfm or its extensions.
    private static let counted: [Bool] = (0..<256).map { byte in
        "\n\\`&<![]*_~".utf8.contains(UInt8(byte))
    }

    /// Throws when `bytes[range]`, the whole body, holds more counted bytes than the draft may.
    static func checkDraft(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, source: SourceText) throws(NewsletterError) {
        try check(bytes, range, limit: MarkdownDocument.maximumMarkupMarkers, source: source, what: "the draft holds", atOnce: false)
    }

    /// Throws when `bytes[range]`, one stretch parsed at once, holds more counted bytes than a stretch may.
    static func checkPiece(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, source: SourceText) throws(NewsletterError) {
        try check(
            bytes, range, limit: MarkdownDocument.maximumMarkupMarkersBetweenHeadings, source: source,
            what: "the text parsed together with this block (from a blank line before an unindented block to the next) holds",
            atOnce: true
        )
    }

    static func check(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, limit: Int, source: SourceText, what: String, atOnce: Bool
    ) throws(NewsletterError) {
        // Fewer bytes than the limit cannot hold more counted ones: most drafts are not read here at all.
        guard range.count > limit else { return }
        var count = 0
        for index in range where counted[Int(bytes[index])] {
            count += 1
            guard count <= limit else {
                throw NewsletterError(
                    .limitExceeded,
                    "\(what) more than \(limit) line breaks and inline markers (* _ [ ] ` < & ! \\ ~), the most that is parsed\(atOnce ? " at once" : "")",
                    at: source.location(atUTF8Offset: atOnce ? blockStart(holding: index, in: bytes, range) : range.lowerBound),
                    in: source
                )
            }
        }
    }

    /// The start of the line after the last blank line before `index` in `range`, or the range's start: where the
    /// block in which the count passed the limit starts, rather than the start of a stretch that may begin many
    /// blocks above it (a stretch runs at least 16 KB, see ``MarkdownChunks``).
    private static func blockStart(holding index: Int, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        let lines = MarkdownLines(bytes: bytes, range: range)
        var lineStart = lines.lineStart(holding: index)
        while lineStart > range.lowerBound {
            if lines.blankLineStart(before: lineStart) != nil { return lineStart }
            lineStart = lines.lineStart(holding: lineStart - 1)
        }
        return range.lowerBound
    }
}
