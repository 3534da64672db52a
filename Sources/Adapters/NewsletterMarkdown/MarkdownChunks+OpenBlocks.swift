internal import CCmarkGFM
import Foundation

extension MarkdownChunks {
    /// Where the fenced code block or HTML block that a piece parsed from `start` leaves open ends: just past the
    /// line that closes it, or the body's end when no line does (the rest of the body is then that block); `nil` for
    /// a block whose end no line marks by itself (indented code, HTML that ends at a blank line).
    ///
    /// Found in the text rather than by parsing longer and longer pieces: in a draft with a code sample in every
    /// section, blank lines in each, most lines where a piece could end are inside one, at any length.
    func endOfBlockLeftOpen(by document: OpaquePointer, pieceStart start: Int) -> Int? {
        guard let block = cmark_node_last_child(document) else { return nil }
        var firstLine = start
        for _ in 1..<max(Int(cmark_node_get_start_line(block)), 1) where firstLine < body.upperBound {
            firstLine = lines.lineEnd(from: firstLine)
        }
        guard firstLine < body.upperBound else { return nil }
        let closes: (Range<Int>) -> Bool
        switch cmark_node_get_type(block) {
        case CMARK_NODE_CODE_BLOCK:
            var length: Int32 = 0
            var offset: Int32 = 0
            var character: CChar = 0
            guard cmark_node_get_fenced(block, &length, &offset, &character) != 0 else { return nil }
            closes = { isClosingFence($0, fence: UInt8(bitPattern: character), length: Int(length)) }
        case CMARK_NODE_HTML_BLOCK:
            guard let closers = htmlClosers(openedAt: firstLine) else { return nil }
            closes = { line in closers.contains { contains(line, $0) } }
        default:
            return nil
        }
        var line = lines.lineEnd(from: firstLine)
        while line < body.upperBound {
            let next = lines.lineEnd(from: line)
            if closes(line..<next) { return next }
            line = next
        }
        return body.upperBound
    }

    /// Up to three spaces, at least `length` of the `fence` character, then only spaces and tabs.
    private func isClosingFence(_ line: Range<Int>, fence: UInt8, length: Int) -> Bool {
        var index = line.lowerBound
        while index < line.upperBound, index - line.lowerBound < 3, bytes[index] == UInt8(ascii: " ") { index += 1 }
        let run = index
        while index < line.upperBound, bytes[index] == fence { index += 1 }
        return index - run >= length && lines.isBlank(index..<line.upperBound)
    }

    /// The texts one of which on a line ends the HTML block whose first line starts at `lineStart` (CommonMark's
    /// HTML blocks of kinds 1 to 5), written in lower case; `nil` for the kinds that end at a blank line.
    private func htmlClosers(openedAt lineStart: Int) -> [[UInt8]]? {
        var index = lineStart
        while index < body.upperBound, index - lineStart < 3, bytes[index] == UInt8(ascii: " ") { index += 1 }
        let line = index..<lines.lineEnd(from: index)
        if starts(line, with: "<!--") { return [Array("-->".utf8)] }
        if starts(line, with: "<?") { return [Array("?>".utf8)] }
        if starts(line, with: "<![CDATA[") { return [Array("]]>".utf8)] }
        if starts(line, with: "<!"), line.count > 2, (bytes[line.lowerBound + 2] | 0x20) >= UInt8(ascii: "a"),
           (bytes[line.lowerBound + 2] | 0x20) <= UInt8(ascii: "z") {
            return [Array(">".utf8)]
        }
        for name in ["script", "pre", "style", "textarea"] where starts(line, with: "<" + name) {
            let after = line.lowerBound + 1 + name.utf8.count
            guard after == line.upperBound || [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">"), 0x0A, 0x0D].contains(bytes[after])
            else { continue }
            return ["script", "pre", "style", "textarea"].map { Array("</\($0)>".utf8) }
        }
        return nil
    }

    /// Whether the bytes of `line` start with `prefix`, ASCII letters of either in either case.
    private func starts(_ line: Range<Int>, with prefix: String) -> Bool {
        let prefix = Array(prefix.utf8)
        guard line.count >= prefix.count else { return false }
        return prefix.indices.allSatisfy { Self.lowercased(bytes[line.lowerBound + $0]) == Self.lowercased(prefix[$0]) }
    }

    /// Whether `needle` (lower case) occurs in the bytes of `line`, ASCII letters in either case.
    private func contains(_ line: Range<Int>, _ needle: [UInt8]) -> Bool {
        guard line.count >= needle.count else { return false }
        return (line.lowerBound...(line.upperBound - needle.count)).contains { start in
            needle.indices.allSatisfy { Self.lowercased(bytes[start + $0]) == needle[$0] }
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
