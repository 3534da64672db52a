import Foundation
import NewsletterCore

/// Finds `[text](destination` written as a link that Markdown did not read as one, because the
/// destination holds a space or its parentheses never close: such a link reaches the reader as raw text.
///
/// Only prose is looked at (the text nodes of the syntax tree): the same bytes in code, HTML or a parsed link's
/// destination are not a broken link.
enum UnparsedLinkScanner {
    /// How far a destination is read looking for its end.
    private static let longestDestination = 4096

    /// One diagnostic per broken link, at the start of its destination.
    static func scan(_ context: CheckContext) -> [Diagnostic] {
        guard let tree = context.markdown else { return [] }
        return context.source.text.utf8.withContiguousStorageIfAvailable { bytes -> [Diagnostic] in
            var diagnostics: [Diagnostic] = []
            for prose in tree.proseRanges where prose.count >= 2 {
                guard let base = bytes.baseAddress else { break }
                var index = prose.lowerBound
                while index + 1 < prose.upperBound {
                    guard let found = memchr(base + index, Int32(UInt8(ascii: "]")), prose.upperBound - 1 - index) else { break }
                    let bracket = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    index = bracket + 1
                    guard bytes[bracket + 1] == UInt8(ascii: "("), bracket == prose.lowerBound || bytes[bracket - 1] != UInt8(ascii: "\\") else { continue }
                    // A destination longer than any real URL is not read further, so that a line of many `[a](` is linear.
                    let end = min(prose.upperBound, bracket + 2 + Self.longestDestination)
                    guard let message = problem(UnsafeBufferPointer(rebasing: bytes[(bracket + 2)..<end]), from: 0) else { continue }
                    diagnostics.append(context.diagnostic(message, at: context.range((bracket + 2)..<(bracket + 2))))
                }
            }
            return diagnostics
        } ?? []
    }

    private static func problem(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> String? {
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
}
