import Foundation
import NewsletterCore

/// The byte form of a diagnostic in a ``DiagnosticStore`` (its rule identifier is kept beside it): numbers as
/// variable-length integers (most positions take one to four bytes), text as its length and UTF-8 bytes, absent
/// values as a zero byte.
///
/// A message or fix summary equal to the one of the rule's previous diagnostic in the same piece of the store is
/// written as a negative number instead: how far back that text's length stands. A rule often says the same thing
/// many times (every mangled `ü§å` of a draft, every link without a space before it), and a draft with millions of
/// problems held each message again.
enum DiagnosticBytes {
    /// Where the message and fix summary of a rule's latest diagnostic stand in a piece, for the next to refer to.
    struct RepeatedTexts {
        var message: Int?
        var summary: Int?
    }

    /// Writes `diagnostic` into `bytes`, which will stand at `base` in `piece`; a text equal to one of `earlier` (in
    /// `piece`) refers to it. Returns where this diagnostic's message and summary stand in `piece`.
    static func write(
        _ diagnostic: Diagnostic, into bytes: inout [UInt8], at base: Int, repeating earlier: RepeatedTexts,
        in piece: UnsafeBufferPointer<UInt8>
    ) -> RepeatedTexts {
        var writer = Writer(bytes: consume bytes)
        // A diagnostic without a fix leaves the rule's latest summary to the next one that has one.
        var written = RepeatedTexts(summary: earlier.summary)
        writer.severity(diagnostic.severity)
        written.message = writer.text(diagnostic.message, at: base, repeating: earlier.message, in: piece)
        writer.range(diagnostic.range)
        writer.integer(diagnostic.notes.count)
        for note in diagnostic.notes {
            writer.text(note.message)
            writer.optionalRange(note.range)
        }
        if let fix = diagnostic.fix {
            writer.integer(1)
            written.summary = writer.text(fix.summary, at: base, repeating: earlier.summary, in: piece)
            writer.integer(fix.safety == .safe ? 1 : 0)
            writer.integer(fix.edits.count)
            for edit in fix.edits {
                writer.range(edit.range)
                writer.text(edit.replacement)
            }
        } else {
            writer.integer(0)
        }
        bytes = writer.bytes
        return written
    }

    struct Writer {
        var bytes: [UInt8]

        /// Writes `value` as a reference to the text at `earlier` in `piece` when they are equal, else whole; the
        /// bytes written will stand at `base` in the piece. Returns where the text's length stands in the piece.
        mutating func text(_ value: String, at base: Int, repeating earlier: Int?, in piece: UnsafeBufferPointer<UInt8>) -> Int {
            let here = base + bytes.count
            if let earlier, value.utf8.count > 1 {
                var reader = Reader(bytes: piece, offset: earlier)
                let earlierBytes = reader.textBytes()
                // Compared with `memcmp`: a generic comparison of the two byte sequences took a fifth of a fix.
                let isEqual = earlierBytes.count == value.utf8.count && value.utf8.withContiguousStorageIfAvailable { bytes in
                    memcmp(bytes.baseAddress!, earlierBytes.baseAddress!, bytes.count) == 0
                } ?? earlierBytes.elementsEqual(value.utf8)
                if isEqual {
                    integer(earlier - here)
                    return earlier
                }
            }
            text(value)
            return here
        }

        /// LEB128 of the zigzag form, so that a negative number (which no position has) still comes back whole.
        mutating func integer(_ value: Int) {
            var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
            while rest >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }

        mutating func text(_ value: String) {
            integer(value.utf8.count)
            bytes.append(contentsOf: value.utf8)
        }

        mutating func severity(_ value: Severity) {
            switch value {
            case .info: integer(0)
            case .warning: integer(1)
            case .error: integer(2)
            }
        }

        mutating func location(_ value: SourceLocation) {
            integer(value.offset)
            integer(value.line)
            integer(value.column)
        }

        mutating func range(_ value: SourceRange) {
            location(value.start)
            location(value.end)
        }

        mutating func optionalRange(_ value: SourceRange?) {
            guard let value else { return integer(0) }
            integer(1)
            range(value)
        }
    }

    /// Reads the bytes of a store's piece in place; valid while the piece's buffer is.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset: Int

        mutating func diagnostic(ruleID: String) -> Diagnostic {
            let severity = severity()
            let message = text()
            let place = range()
            let notes = (0..<integer()).map { _ in DiagnosticNote(text(), range: optionalRange()) }
            return Diagnostic(ruleID: ruleID, severity: severity, message: message, range: place, notes: notes, fix: fix())
        }

        /// The diagnostic whose bytes start here, its texts read in place and its notes skipped.
        mutating func stored(ruleID: String) -> StoredDiagnostic {
            let severity = severity()
            let message = textBytes()
            let place = range()
            skipNotes()
            guard let header = fixHeader() else {
                return StoredDiagnostic(ruleID: ruleID, severity: severity, message: message, range: place, fix: nil)
            }
            let edits = StoredDiagnostic.Edits(reader: self, count: header.editCount)
            return StoredDiagnostic(
                ruleID: ruleID, severity: severity, message: message, range: place,
                fix: StoredDiagnostic.StoredFix(summary: header.summary, isSafe: header.isSafe, edits: edits)
            )
        }

        /// The start of a fix: its summary, safety and number of edits, or `nil` for a diagnostic without one.
        mutating func fixHeader() -> (summary: UnsafeBufferPointer<UInt8>, isSafe: Bool, editCount: Int)? {
            guard integer() == 1 else { return nil }
            let summary = textBytes()
            let isSafe = integer() == 1
            return (summary, isSafe, integer())
        }

        mutating func skipNotes() {
            for _ in 0..<integer() {
                skipText()
                if integer() == 1 { skipRange() }
            }
        }

        mutating func skipRange() {
            for _ in 0..<6 { _ = integer() }
        }

        mutating func fix() -> Fix? {
            guard let header = fixHeader() else { return nil }
            let edits = (0..<header.editCount).map { _ in TextEdit(range: range(), replacement: text()) }
            return Fix(
                summary: String(decoding: header.summary, as: UTF8.self), edits: edits,
                safety: header.isSafe ? .safe : .suggestion
            )
        }

        mutating func textBytes() -> UnsafeBufferPointer<UInt8> {
            let here = offset
            let count = integer()
            guard count >= 0 else {
                // A reference to an equal text earlier in the piece.
                var earlier = Reader(bytes: bytes, offset: here + count)
                return earlier.textBytes()
            }
            defer { offset += count }
            return UnsafeBufferPointer(rebasing: bytes[offset..<offset + count])
        }

        mutating func skipText() {
            offset += max(integer(), 0)
        }

        mutating func integer() -> Int {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let byte = bytes[offset]
                offset += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            return Int(truncatingIfNeeded: Int64(bitPattern: value >> 1) ^ -Int64(value & 1))
        }

        mutating func text() -> String {
            String(decoding: textBytes(), as: UTF8.self)
        }

        mutating func severity() -> Severity {
            switch integer() {
            case 0: .info
            case 1: .warning
            default: .error
            }
        }

        mutating func location() -> SourceLocation {
            let offset = integer()
            let line = integer()
            return SourceLocation(offset: offset, line: line, column: integer())
        }

        mutating func range() -> SourceRange {
            let start = location()
            return SourceRange(start: start, end: location())
        }

        mutating func optionalRange() -> SourceRange? {
            integer() == 1 ? range() : nil
        }
    }
}
