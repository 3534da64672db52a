import Foundation
import NewsletterCore

/// The limit put in front of cmark-gfm's table extension, whose work grows with the square of a table's columns:
/// a delimiter row of 10,000 cells takes it tens of seconds. Real tables (polls, schedules) have a handful.
enum TableLimits {
    /// The most columns a table may have; a delimiter row (`|---|:--:|`) with more cells is an error.
    static var maximumColumns: Int { MarkdownDocument.maximumTableColumns }

    /// Throws ``NewsletterError/Kind/limitExceeded`` at the first delimiter row of the body with more than
    /// ``maximumColumns`` cells.
    static func check(bytes: UnsafeBufferPointer<UInt8>, body: Range<Int>, source: SourceText) throws(NewsletterError) {
        var lineStart = body.lowerBound
        while lineStart < body.upperBound {
            var index = lineStart
            var pipes = 0
            var first: UInt8?
            var last: UInt8?
            var isDelimiterRow = true
            var hasDash = false
            while index < body.upperBound, bytes[index] != 0x0A {
                let byte = bytes[index]
                if byte == UInt8(ascii: "|") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") {
                    if first == nil { first = byte }
                    last = byte
                }
                switch byte {
                case UInt8(ascii: "|"): pipes += 1
                case UInt8(ascii: "-"): hasDash = true
                case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">"), 0x0D: break
                default: isDelimiterRow = false
                }
                if !isDelimiterRow {
                    let rest = body.upperBound - index
                    index = memchr(bytes.baseAddress! + index, 0x0A, rest).map { bytes.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? body.upperBound
                    break
                }
                index += 1
            }
            // `|---|---|` and `---|---` both have two cells: outer pipes open and close the row, they add none.
            // (With a dash on the row, a leading and a trailing pipe are two different pipes.)
            let pipe = UInt8(ascii: "|")
            let cells = pipes + 1 - (first == pipe ? 1 : 0) - (last == pipe ? 1 : 0)
            if isDelimiterRow, hasDash, cells > maximumColumns {
                throw NewsletterError(
                    .limitExceeded,
                    "a table has more than \(maximumColumns) columns",
                    at: source.location(atUTF8Offset: lineStart),
                    in: source
                )
            }
            lineStart = index + 1
        }
    }
}
