/// Reads the extent of links in the source bytes: where a link cmark-gfm found starts exactly, where it ends,
/// how it is written (inline, reference, autolink) and where its destination is.
///
/// cmark-gfm says that a link exists and what it resolves to; this type says where its parts are, by reading
/// the same syntax forward from the opening bracket.
struct LinkSyntax {
    /// How a link is written, with the parts needed to build a ``NewsletterCore/Link``.
    enum Shape: Equatable {
        /// `[text](destination "title")`.
        case inline(destination: Range<Int>)
        /// `[text][label]`, `[text][]` or `[text]`, with the label as written.
        case reference(label: Range<Int>)
        /// `<destination>`.
        case autolink(destination: Range<Int>)
    }

    /// A located link.
    struct Extent: Equatable {
        var range: Range<Int>
        var shape: Shape
        /// For a bracketed link, the alternative reading as a shortcut reference `[text]` (when `[text][label]` does not resolve).
        var shortcut: Range<Int>?
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// Code spans by start offset, to their end: brackets inside code spans do not count.
    let codeSpanEnds: [Int: Int]

    /// Whether a link, image or autolink can start at `offset`.
    func isOpener(_ offset: Int, isImage: Bool, limit: Int) -> Bool {
        if isImage { return bytes[offset] == UInt8(ascii: "!") && offset + 1 < limit && bytes[offset + 1] == UInt8(ascii: "[") }
        return bytes[offset] == UInt8(ascii: "[") || bytes[offset] == UInt8(ascii: "<")
    }

    /// Whether the destination written in `extent` resolves to `url`, cmark-gfm's reading of the link.
    /// A reference link's destination is written elsewhere, so any reference shape matches.
    func destination(of extent: Extent, resolvesTo url: String) -> Bool {
        switch extent.shape {
        case .inline(let destination):
            return MarkdownEscapes.resolves(bytes, destination, to: url)
        case .autolink(let destination):
            let written = MarkdownEscapes.resolve(bytes, destination)
            return written == url || "mailto:" + written == url
        case .reference:
            return true
        }
    }

    /// The extent of the link starting at `start`, read no further than `limit`.
    func extent(at start: Int, isImage: Bool, limit: Int) -> Extent? {
        if !isImage, bytes[start] == UInt8(ascii: "<") {
            var end = start + 1
            while end < limit, bytes[end] != UInt8(ascii: ">"), bytes[end] > 0x20 { end += 1 }
            guard end < limit, bytes[end] == UInt8(ascii: ">") else { return nil }
            return Extent(range: start..<(end + 1), shape: .autolink(destination: (start + 1)..<end))
        }
        let open = isImage ? start + 1 : start
        guard let close = closingBracket(from: open, limit: limit) else { return nil }
        let text = (open + 1)..<close
        let shortcut = start..<(close + 1)
        if close + 1 < limit, bytes[close + 1] == UInt8(ascii: "("), let inline = inlineTail(from: close + 2, limit: limit) {
            return Extent(range: start..<inline.end, shape: .inline(destination: inline.destination))
        }
        if close + 1 < limit, bytes[close + 1] == UInt8(ascii: "["),
           let labelClose = (close + 2..<limit).first(where: { bytes[$0] == UInt8(ascii: "]") && bytes[$0 - 1] != UInt8(ascii: "\\") }) {
            let label = labelClose == close + 2 ? text : (close + 2)..<labelClose
            return Extent(range: start..<(labelClose + 1), shape: .reference(label: label), shortcut: shortcut)
        }
        return Extent(range: shortcut, shape: .reference(label: text))
    }

    /// The `]` that closes the `[` at `open`, skipping escapes, code spans and nested bracket pairs.
    private func closingBracket(from open: Int, limit: Int) -> Int? {
        var depth = 0
        var index = open
        while index < limit {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "`"), let end = codeSpanEnds[index] {
                index = end
                continue
            }
            if byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }

    /// Reads `destination "title")` after `](`, returning the destination and the offset past `)`.
    private func inlineTail(from start: Int, limit: Int) -> (destination: Range<Int>, end: Int)? {
        var index = skipWhitespace(from: start, limit: limit)
        guard index < limit else { return nil }
        let destination: Range<Int>
        if bytes[index] == UInt8(ascii: "<") {
            var end = index + 1
            while end < limit, bytes[end] != UInt8(ascii: ">"), bytes[end] != 0x0A, bytes[end] != 0x0D {
                end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard end < limit, bytes[end] == UInt8(ascii: ">") else { return nil }
            destination = (index + 1)..<end
            index = end + 1
        } else {
            var end = index
            var parentheses = 0
            while end < limit {
                let byte = bytes[end]
                if byte == UInt8(ascii: "\\"), end + 1 < limit, MarkdownEscapes.isEscapable(bytes[end + 1]) {
                    end += 2
                    continue
                }
                if byte <= 0x20 { break }
                if byte == UInt8(ascii: "(") { parentheses += 1 }
                if byte == UInt8(ascii: ")") {
                    if parentheses == 0 { break }
                    parentheses -= 1
                }
                end += 1
            }
            destination = index..<end
            index = end
        }
        index = skipWhitespace(from: index, limit: limit)
        guard index < limit else { return nil }
        if let closer = titleCloser(bytes[index]), index > destination.upperBound {
            var end = index + 1
            while end < limit, bytes[end] != closer { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
            guard end < limit else { return nil }
            index = skipWhitespace(from: end + 1, limit: limit)
        }
        guard index < limit, bytes[index] == UInt8(ascii: ")") else { return nil }
        return (destination, index + 1)
    }

    private func titleCloser(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "'"): UInt8(ascii: "'")
        case UInt8(ascii: "("): UInt8(ascii: ")")
        default: nil
        }
    }

    /// Skips spaces, tabs and line endings.
    private func skipWhitespace(from start: Int, limit: Int) -> Int {
        var index = start
        while index < limit, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 }
        return index
    }
}
