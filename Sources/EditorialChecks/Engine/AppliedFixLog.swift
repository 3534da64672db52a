import NewsletterCore

/// The diagnostics whose fixes `fix` applied, in the order applied: kept whole, or only as a report of each fix (rule,
/// severity, range, the fix's summary and safety), which is what the command-line tool prints.
///
/// A report takes about nine bytes: its range relative to the previous report's, its rule and flags in a byte, and its
/// summary as an index into a table of the summaries seen (a draft's fixes repeat a few summaries). Megabytes of
/// mojibake make millions of fixes, and their reports are held until the fixed file is written.
package struct AppliedFixLog: Sequence, Sendable {
    /// Summaries past this many are written out in each report rather than kept in the table: unique ones would
    /// otherwise be held twice.
    private static let largestSummaryTable = 4096
    /// Rule indices below this fit in the report's first byte beside the flags.
    private static let rulesInFlagByte = 15
    /// Reports are kept in pieces of this many bytes, none split: one array grown by doubling would, while it grows,
    /// hold up to three times the reports.
    private static let pieceSize = 1 << 16

    private let keepsInFull: Bool
    private var whole = DiagnosticStore()
    private var pieces: [[UInt8]] = []
    private var scratch: [UInt8] = []
    private var ruleIDs: [String] = []
    private var ruleIndices: [String: Int] = [:]
    private var summaries: [String] = []
    private var summaryIndices: [String: Int] = [:]
    private var lastSummary: Int?
    private var lastStart = SourceLocation(offset: 0, line: 1, column: 1)
    /// How many diagnostics the log holds.
    package private(set) var count = 0

    /// An empty log that keeps each diagnostic whole, or (with `keepingInFull` false) a report of its fix.
    package init(keepingInFull: Bool) {
        keepsInFull = keepingInFull
    }

    package var isEmpty: Bool { count == 0 }

    /// The bytes the reports take.
    package var reportByteCount: Int { pieces.reduce(0) { $0 + $1.count } }

    /// Adds the diagnostic stored at `position` in `store`.
    package mutating func append(_ position: Int, of store: DiagnosticStore) {
        count += 1
        guard !keepsInFull else { return whole.append(store[position]) }
        store.withStored(at: position) { appendReport($0) }
    }

    private mutating func appendReport(_ diagnostic: StoredDiagnostic) {
        let rule = ruleIndex(of: diagnostic.ruleID)
        let flags = DiagnosticBytes.Flags(
            severity: diagnostic.severity, hasFix: diagnostic.fix != nil, isSafe: diagnostic.fix?.isSafe ?? false,
            firstEditHasOwnRange: false, noteCount: 0
        )
        scratch.removeAll(keepingCapacity: true)
        scratch.append(flags.byte | UInt8(Swift.min(rule, Self.rulesInFlagByte)) << 4)
        // The scratch bytes are lent to the writer and taken back, so that their room is kept between reports.
        var writer = DiagnosticBytes.Writer(bytes: [])
        swap(&writer.bytes, &scratch)
        if rule >= Self.rulesInFlagByte { writer.integer(rule - Self.rulesInFlagByte) }
        writer.range(diagnostic.range, from: lastStart)
        lastStart = diagnostic.range.start
        if let summary = diagnostic.fix?.summary {
            if let index = summaryIndex(of: summary) {
                writer.integer(index)
            } else {
                writer.integer(-1)
                writer.integer(summary.count)
                writer.bytes.append(contentsOf: summary)
            }
        }
        swap(&writer.bytes, &scratch)
        if pieces.isEmpty || pieces[pieces.count - 1].count + scratch.count > Self.pieceSize {
            var piece: [UInt8] = []
            // The first grows as it fills: most drafts have a few fixes.
            if !pieces.isEmpty { piece.reserveCapacity(Swift.max(Self.pieceSize, scratch.count)) }
            pieces.append(piece)
        }
        pieces[pieces.count - 1].append(contentsOf: scratch)
    }

    private mutating func ruleIndex(of ruleID: String) -> Int {
        if let known = ruleIndices[ruleID] { return known }
        ruleIDs.append(ruleID)
        ruleIndices[ruleID] = ruleIDs.count - 1
        return ruleIDs.count - 1
    }

    /// The summary's place in the table, added if there is room; the last one is compared first, without a `String`.
    private mutating func summaryIndex(of summary: UnsafeBufferPointer<UInt8>) -> Int? {
        if let last = lastSummary, summaries[last].utf8.elementsEqual(summary) { return last }
        let text = String(decoding: summary, as: UTF8.self)
        if let known = summaryIndices[text] {
            lastSummary = known
            return known
        }
        guard summaries.count < Self.largestSummaryTable else { return nil }
        summaries.append(text)
        summaryIndices[text] = summaries.count - 1
        lastSummary = summaries.count - 1
        return lastSummary
    }

    package func makeIterator() -> Iterator { Iterator(log: self) }

    /// The log's diagnostics in order; a report's diagnostic has an empty message and a fix without edits.
    package struct Iterator: IteratorProtocol {
        private let log: AppliedFixLog
        private var position = 0
        private var piece = 0
        private var offset = 0
        private var lastStart = SourceLocation(offset: 0, line: 1, column: 1)

        fileprivate init(log: AppliedFixLog) {
            self.log = log
        }

        package mutating func next() -> Diagnostic? {
            guard position < log.count else { return nil }
            defer { position += 1 }
            if log.keepsInFull { return log.whole[position] }
            if offset == log.pieces[piece].count { (piece, offset) = (piece + 1, 0) }
            return log.pieces[piece].withUnsafeBufferPointer { bytes in
                let first = bytes[offset]
                let flags = DiagnosticBytes.Flags(byte: first & 0x0F)
                var reader = DiagnosticBytes.Reader(bytes: bytes, offset: offset + 1)
                var rule = Int(first >> 4)
                if rule == AppliedFixLog.rulesInFlagByte { rule += reader.integer() }
                let start = reader.location(from: lastStart)
                let range = SourceRange(start: start, end: reader.location(from: start))
                lastStart = start
                var fix: Fix?
                if flags.hasFix {
                    let index = reader.integer()
                    let summary = index >= 0 ? log.summaries[index] : String(decoding: reader.textBytes(), as: UTF8.self)
                    fix = Fix(summary: summary, edits: [], safety: flags.isSafe ? .safe : .suggestion)
                }
                offset = reader.offset
                return Diagnostic(ruleID: log.ruleIDs[rule], severity: flags.severity, message: "", range: range, fix: fix)
            }
        }
    }
}
