import NewsletterCore

/// The byte form of a diagnostic in a ``DiagnosticStore`` (its start offset is kept beside it): numbers as
/// variable-length integers, text as its length and UTF-8 bytes, absent values as a zero byte.
///
/// The store's index of the diagnostic's rule comes first, then its range, as its start's line and column and its
/// end relative to its start, then a byte of flags (severity, whether it has a fix and whether that is safe, whether
/// the fix's first edit has the diagnostic's own range and so is not written again, and up to six notes' count); the
/// ranges of its notes and edits are written relative to that start too. Most are a few bytes from it, so that a
/// range takes a byte or two per number rather than four (a draft of 64 MiB has offsets of 26 bits).
///
/// A message or fix summary equal to one of the last few distinct ones of the same rule in the same piece of the
/// store is written as a negative number instead: how far back that text's length stands. A rule often says the
/// same few things many times over (every mangled `ü§å` of a draft, every link without a space before it), and a
/// draft with millions of problems held each message again.
enum DiagnosticBytes {
    /// Where some of a rule's earlier messages and fix summaries stand in one piece of the store, for an equal
    /// text to refer to: a table of places by the text's hash, two to a hash (the newer first), a third text of the
    /// same hash taking the older one's place. A table rather than the last few texts, as a rule often says a dozen
    /// things in turn (each of a paragraph's mangled words), which a short list of recent texts would always miss.
    struct RecentTexts {
        private static let setBits = 6
        static let ways = 2
        private static let slotsPerKind = (1 << setBits) * ways

        /// The piece the places are in; -1 before the first.
        private(set) var piece = -1
        /// Places in the piece, -1 where none is held: the messages' slots, then the summaries'.
        private var places: [Int] = []

        /// Forgets every place, for texts written in `piece` from now on.
        mutating func start(piece: Int) {
            self.piece = piece
            places = Array(repeating: -1, count: 2 * Self.slotsPerKind)
        }

        /// The first of the ``ways`` slots for the `text` of a message or a summary.
        static func firstSlot(of text: UnsafeBufferPointer<UInt8>, isSummary: Bool) -> Int {
            // A multiplicative hash of the text eight bytes at a time, its top bits the set.
            let factor: UInt64 = 0x9E37_79B9_7F4A_7C15
            var hash = UInt64(text.count) &* factor
            let raw = UnsafeRawBufferPointer(text)
            var index = 0
            while index + 8 <= raw.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* factor
                index += 8
            }
            while index < raw.count {
                hash = (hash ^ UInt64(raw[index])) &* factor
                index += 1
            }
            let set = Int(truncatingIfNeeded: hash >> UInt64(64 - setBits))
            return set * ways + (isSummary ? slotsPerKind : 0)
        }

        subscript(slot: Int) -> Int { places[slot] }

        /// Keeps `place` first among the slots from `first`, moving the others one along and dropping the last.
        mutating func insert(_ place: Int, at first: Int) {
            for slot in stride(from: first + Self.ways - 1, to: first, by: -1) { places[slot] = places[slot - 1] }
            places[first] = place
        }
    }

    /// Writes `diagnostic` into `bytes`, which will stand at `base` in `piece`; a text equal to the one `recent` holds
    /// for its slot (in `piece`) refers to it, and a text written whole takes its slot.
    static func write(
        _ diagnostic: Diagnostic, rule: Int, into bytes: inout [UInt8], at base: Int, recent: inout RecentTexts,
        in piece: UnsafeBufferPointer<UInt8>
    ) {
        var writer = Writer(bytes: consume bytes)
        writer.integer(rule)
        let origin = diagnostic.range.start
        writer.integer(origin.line)
        writer.integer(origin.column)
        writer.location(diagnostic.range.end, from: origin)
        let fix = diagnostic.fix
        let editsOwnRange = fix?.edits.first?.range == diagnostic.range
        writer.bytes.append(Flags(
            severity: diagnostic.severity, hasFix: fix != nil, isSafe: fix?.safety == .safe,
            firstEditHasOwnRange: editsOwnRange, noteCount: diagnostic.notes.count
        ).byte)
        if diagnostic.notes.count >= Flags.manyNotes { writer.integer(diagnostic.notes.count - Flags.manyNotes) }
        writer.text(diagnostic.message, at: base, recent: &recent, isSummary: false, in: piece)
        for note in diagnostic.notes {
            writer.text(note.message)
            writer.optionalRange(note.range, from: origin)
        }
        if let fix {
            writer.text(fix.summary, at: base, recent: &recent, isSummary: true, in: piece)
            writer.integer(fix.edits.count)
            for (index, edit) in fix.edits.enumerated() {
                if index > 0 || !editsOwnRange { writer.range(edit.range, from: origin) }
                writer.text(edit.replacement)
            }
        }
        bytes = writer.bytes
    }

    /// The byte after a diagnostic's range: its severity (bits 0-1), whether it has a fix (bit 2) and whether the fix
    /// is safe (bit 3), whether the fix's first edit has the diagnostic's range (bit 4), and how many notes it has
    /// (bits 5-7), up to ``manyNotes``, which means that the count less that follows as a number.
    struct Flags {
        static let manyNotes = 7

        var severity: Severity
        var hasFix: Bool
        var isSafe: Bool
        var firstEditHasOwnRange: Bool
        var noteCount: Int

        init(severity: Severity, hasFix: Bool, isSafe: Bool, firstEditHasOwnRange: Bool, noteCount: Int) {
            self.severity = severity
            self.hasFix = hasFix
            self.isSafe = isSafe
            self.firstEditHasOwnRange = firstEditHasOwnRange
            self.noteCount = noteCount
        }

        init(byte: UInt8) {
            severity = switch byte & 3 {
            case 0: .info
            case 1: .warning
            default: .error
            }
            hasFix = byte & 4 != 0
            isSafe = byte & 8 != 0
            firstEditHasOwnRange = byte & 16 != 0
            noteCount = Int(byte >> 5)
        }

        var byte: UInt8 {
            let severityBits: UInt8 = switch severity {
            case .info: 0
            case .warning: 1
            case .error: 2
            }
            return severityBits | (hasFix ? 4 : 0) | (isSafe ? 8 : 0) | (firstEditHasOwnRange ? 16 : 0)
                | UInt8(min(noteCount, Self.manyNotes)) << 5
        }
    }

    struct Writer {
        var bytes: [UInt8]

        /// Writes `value` as a reference to an equal text `recent` holds for its hash in `piece`, else whole, keeping
        /// its place there; the bytes written will stand at `base` in the piece.
        mutating func text(
            _ value: String, at base: Int, recent: inout RecentTexts, isSummary: Bool, in piece: UnsafeBufferPointer<UInt8>
        ) {
            let here = base + bytes.count
            let earlier: Int? = value.utf8.withContiguousStorageIfAvailable { new in
                guard new.count > 1 else { return nil }
                let first = RecentTexts.firstSlot(of: new, isSummary: isSummary)
                for slot in first..<first + RecentTexts.ways where recent[slot] >= 0 {
                    var reader = Reader(bytes: piece, offset: recent[slot])
                    let old = reader.textBytes()
                    // Compared as memory: a generic comparison of the two byte sequences took a fifth of a fix.
                    if new.hasSameBytes(as: old) { return recent[slot] }
                }
                recent.insert(here, at: first)
                return nil
            } ?? nil
            if let earlier {
                integer(earlier - here)
            } else {
                text(value)
            }
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

        /// `value` as the distance from `origin`: its offset's, its line's, and its column's on the same line or its
        /// column on another. Wrapping, so that any numbers a caller made come back whole.
        mutating func location(_ value: SourceLocation, from origin: SourceLocation) {
            integer(value.offset &- origin.offset)
            let lines = value.line &- origin.line
            integer(lines)
            integer(lines == 0 ? value.column &- origin.column : value.column)
        }

        mutating func range(_ value: SourceRange, from origin: SourceLocation) {
            location(value.start, from: origin)
            location(value.end, from: value.start)
        }

        mutating func optionalRange(_ value: SourceRange?, from origin: SourceLocation) {
            guard let value else { return integer(0) }
            integer(1)
            range(value, from: origin)
        }
    }

    /// Reads the bytes of a store's piece in place; valid while the piece's buffer is.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset: Int
        /// The start of the diagnostic being read, which its end and the ranges of its notes and edits are written
        /// from; its line and column are known once its range is read.
        private var origin: SourceLocation
        /// The range of the next edit read when the fix's first edit has the diagnostic's own range (not written again).
        private var pendingOwnRange: SourceRange?

        /// A reader at `offset` in `bytes`: where the bytes of a diagnostic starting at the UTF-8 offset `start`
        /// begin, its rule's index first (or a text, when `start` does not matter).
        init(bytes: UnsafeBufferPointer<UInt8>, offset: Int, start: Int = 0) {
            self.bytes = bytes
            self.offset = offset
            origin = SourceLocation(offset: start, line: 1, column: 1)
        }

        /// The rule index and end offset of the diagnostic starting at `start` whose bytes stand at `offset`, without
        /// reading the rest.
        static func ruleAndEnd(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int, start: Int) -> (rule: Int, end: Int) {
            var reader = Reader(bytes: bytes, offset: offset, start: start)
            let rule = reader.integer()
            return (rule, reader.diagnosticRange().end.offset)
        }

        mutating func diagnostic(ruleID: String) -> Diagnostic {
            let place = diagnosticRange()
            let flags = flags()
            let message = text()
            let notes = (0..<flags.noteCount).map { _ in DiagnosticNote(text(), range: optionalRange()) }
            return Diagnostic(
                ruleID: ruleID, severity: flags.severity, message: message, range: place, notes: notes, fix: fix(flags, range: place)
            )
        }

        /// The diagnostic whose bytes start here, its texts read in place and its notes skipped.
        mutating func stored(ruleID: String) -> StoredDiagnostic {
            let place = diagnosticRange()
            let flags = flags()
            let message = textBytes()
            skipNotes(flags.noteCount)
            guard let header = fixHeader(flags, range: place) else {
                return StoredDiagnostic(ruleID: ruleID, severity: flags.severity, message: message, range: place, fix: nil)
            }
            let edits = StoredDiagnostic.Edits(reader: self, count: header.editCount)
            return StoredDiagnostic(
                ruleID: ruleID, severity: flags.severity, message: message, range: place,
                fix: StoredDiagnostic.StoredFix(summary: header.summary, isSafe: flags.isSafe, edits: edits)
            )
        }

        /// The flags after the diagnostic's range, with the count of notes past ``Flags/manyNotes`` read.
        private mutating func flags() -> Flags {
            var flags = Flags(byte: bytes[offset])
            offset += 1
            if flags.noteCount == Flags.manyNotes { flags.noteCount += integer() }
            return flags
        }

        /// The diagnostic's own range, which its other ranges are read from.
        private mutating func diagnosticRange() -> SourceRange {
            let line = integer()
            origin = SourceLocation(offset: origin.offset, line: line, column: integer())
            return SourceRange(start: origin, end: location(from: origin))
        }

        /// The start of a fix: its summary and number of edits, or `nil` for a diagnostic without one. The first
        /// edit read next has the diagnostic's `range` when the flags say so.
        private mutating func fixHeader(_ flags: Flags, range: SourceRange) -> (summary: UnsafeBufferPointer<UInt8>, editCount: Int)? {
            guard flags.hasFix else { return nil }
            let summary = textBytes()
            if flags.firstEditHasOwnRange { pendingOwnRange = range }
            return (summary, integer())
        }

        /// The next edit of a fix: its range and its replacement's bytes.
        mutating func edit() -> (range: SourceRange, replacement: UnsafeBufferPointer<UInt8>) {
            let range = pendingOwnRange ?? range()
            pendingOwnRange = nil
            return (range, textBytes())
        }

        private mutating func skipNotes(_ count: Int) {
            for _ in 0..<count {
                skipText()
                if integer() == 1 { skipRange() }
            }
        }

        mutating func skipRange() {
            for _ in 0..<6 { _ = integer() }
        }

        private mutating func fix(_ flags: Flags, range: SourceRange) -> Fix? {
            guard let header = fixHeader(flags, range: range) else { return nil }
            let edits = (0..<header.editCount).map { _ in
                let edit = edit()
                return TextEdit(range: edit.range, replacement: String(decoding: edit.replacement, as: UTF8.self))
            }
            return Fix(summary: String(decoding: header.summary, as: UTF8.self), edits: edits, safety: flags.isSafe ? .safe : .suggestion)
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

        mutating func location(from origin: SourceLocation) -> SourceLocation {
            let offset = origin.offset &+ integer()
            let lines = integer()
            let column = integer()
            return SourceLocation(offset: offset, line: origin.line &+ lines, column: lines == 0 ? origin.column &+ column : column)
        }

        /// A range of a note or edit.
        mutating func range() -> SourceRange {
            let start = location(from: origin)
            return SourceRange(start: start, end: location(from: start))
        }

        mutating func optionalRange() -> SourceRange? {
            integer() == 1 ? range() : nil
        }
    }
}
