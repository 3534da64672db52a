import NewsletterCore

/// Finds `[text](destination` written as a link that Markdown did not read as one, because the
/// destination holds a space or its parentheses never close: such a link reaches the reader as raw text.
enum UnparsedLinkScanner {
    /// One diagnostic per broken link, at the start of its destination.
    static func scan(_ context: CheckContext) -> [Diagnostic] {
        let linkRanges = context.issue.links.compactMap(\.range?.utf8Offsets).sorted { $0.lowerBound < $1.lowerBound }
        var diagnostics: [Diagnostic] = []
        for line in 1...context.source.lineCount where context.layout.isMarkdown(line: line) {
            let text = context.source.lineText(line)
            guard text.contains("](") else { continue }
            let lineStart = context.source.lineOffsets(line).lowerBound
            let bytes = Array(text.utf8)
            let codeSpans = MarkdownLayout.codeSpans(in: text)
            var index = 0
            while index + 1 < bytes.count {
                defer { index += 1 }
                guard bytes[index] == UInt8(ascii: "]"), bytes[index + 1] == UInt8(ascii: "("),
                      !codeSpans.contains(where: { $0.contains(index) }),
                      !isInside(lineStart + index, linkRanges)
                else { continue }
                let destination = index + 2
                guard let message = problem(bytes, from: destination) else { continue }
                diagnostics.append(context.diagnostic(message, at: context.range(lineStart + destination..<lineStart + destination)))
            }
        }
        return diagnostics
    }

    private static func problem(_ bytes: [UInt8], from start: Int) -> String? {
        guard start < bytes.count, bytes[start] != UInt8(ascii: "<") else { return nil }
        var depth = 0
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += 1
            case UInt8(ascii: "("):
                depth += 1
            case UInt8(ascii: ")"):
                if depth == 0 { return nil }
                depth -= 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                guard depth == 0 else { break }
                var next = index
                while next < bytes.count && (bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t")) { next += 1 }
                if next < bytes.count && [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "(")].contains(bytes[next]) { return nil }
                return "link destination contains a space, so the link is shown as plain text"
            default:
                break
            }
            index += 1
        }
        return depth > 0
            ? "unbalanced parentheses: the link is never closed and is shown as plain text"
            : "the link is never closed with ')' and is shown as plain text"
    }

    private static func isInside(_ offset: Int, _ ranges: [Range<Int>]) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].lowerBound <= offset { low = mid + 1 } else { high = mid }
        }
        // Links do not nest, except an image inside a link: look at the few ranges starting before the offset.
        var candidate = low - 1
        while candidate >= 0 && candidate >= low - 3 {
            if ranges[candidate].contains(offset) { return true }
            candidate -= 1
        }
        return false
    }
}
