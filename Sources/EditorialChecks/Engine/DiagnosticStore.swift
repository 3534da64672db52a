import NewsletterCore

/// Diagnostics kept as bytes, in the engine's order, and read back one at a time.
///
/// A `Diagnostic` takes about 500 bytes of memory once its strings, fix and edits are counted; a draft with a
/// million problems would hold half a gigabyte of them before the first is printed. Kept here, each takes the bytes
/// of its text and a few of its numbers (about a fifth of that), and a reporter turns one back into a `Diagnostic`
/// only while it writes it.
package struct DiagnosticStore: RandomAccessCollection, Sendable {
    /// Where one diagnostic's bytes are, with what it is sorted by.
    private struct Entry: Sendable {
        var start: Int
        var end: Int
        var chunk: Int32
        var rule: Int32
        var byteOffset: Int
    }

    /// The bytes are kept in pieces of about this size, so that growing never copies what is held (a single array
    /// would, at its last doubling, need three times the bytes at once).
    private static let chunkSize = 1 << 20
    private static let firstChunkSize = 4 << 10

    /// How many diagnostics have each severity, and how many carry a safe fix: what a report's summary needs,
    /// without reading every diagnostic back.
    package struct Counts: Sendable, Equatable {
        package var errors = 0
        package var warnings = 0
        package var infos = 0
        package var safeFixes = 0

        package init() {}

        package init(_ diagnostics: some Sequence<Diagnostic>) {
            for diagnostic in diagnostics { add(diagnostic) }
        }

        mutating func add(_ diagnostic: Diagnostic) {
            switch diagnostic.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
            if diagnostic.fix?.safety == .safe { safeFixes += 1 }
        }
    }

    /// The counts of the diagnostics held.
    package private(set) var counts = Counts()
    private var chunks: [[UInt8]] = []
    private var scratch: [UInt8] = []
    private var entries: [Entry] = []
    private var ruleIDs: [String] = []
    private var ruleIndices: [String: Int32] = [:]
    private var lastRule: (id: String, index: Int32)?

    /// An empty store.
    package init() {}

    /// A store holding `diagnostics` in their order.
    package init(_ diagnostics: some Sequence<Diagnostic>) {
        append(contentsOf: diagnostics)
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { entries.count }

    package subscript(position: Int) -> Diagnostic {
        withReader(at: position) { reader, ruleID in reader.diagnostic(ruleID: ruleID) }
    }

    /// Calls `body` with the diagnostic at `position` read in place: its texts are this store's bytes, valid only
    /// during the call.
    package func withStored<Result>(at position: Int, _ body: (StoredDiagnostic) throws -> Result) rethrows -> Result {
        try withReader(at: position) { reader, ruleID in try body(reader.stored(ruleID: ruleID)) }
    }

    /// The fix of the diagnostic at `position`, read without making the rest of it.
    package func fix(at position: Int) -> Fix? {
        withReader(at: position) { reader, _ in reader.fixSkippingTheRest() }
    }

    /// Calls `body` with a reader at the start of the bytes of the diagnostic at `position`, and its rule.
    private func withReader<Result>(
        at position: Int, _ body: (inout DiagnosticBytes.Reader, String) throws -> Result
    ) rethrows -> Result {
        let entry = entries[position]
        return try chunks[Int(entry.chunk)].withUnsafeBufferPointer { bytes in
            var reader = DiagnosticBytes.Reader(bytes: bytes, offset: entry.byteOffset)
            return try body(&reader, ruleIDs[Int(entry.rule)])
        }
    }

    /// Keeps `diagnostic` after those already held.
    package mutating func append(_ diagnostic: Diagnostic) {
        let rule: Int32
        // A rule's diagnostics mostly come one after another: the last rule is checked before the dictionary.
        if let last = lastRule, last.id == diagnostic.ruleID {
            rule = last.index
        } else if let known = ruleIndices[diagnostic.ruleID] {
            rule = known
        } else {
            rule = Int32(ruleIDs.count)
            ruleIDs.append(diagnostic.ruleID)
            ruleIndices[diagnostic.ruleID] = rule
        }
        lastRule = (diagnostic.ruleID, rule)
        counts.add(diagnostic)
        scratch.removeAll(keepingCapacity: true)
        DiagnosticBytes.write(diagnostic, into: &scratch)
        if chunks.isEmpty || chunks[chunks.count - 1].count + scratch.count > chunks[chunks.count - 1].capacity {
            // Small at first (most drafts have a few problems, and each is checked in a store of its own), doubling
            // up to the piece size.
            let size = chunks.last.map { Swift.min($0.capacity * 2, Self.chunkSize) } ?? Self.firstChunkSize
            var chunk: [UInt8] = []
            chunk.reserveCapacity(Swift.max(size, scratch.count))
            chunks.append(chunk)
        }
        let chunk = chunks.count - 1
        entries.append(Entry(
            start: diagnostic.range.start.offset, end: diagnostic.range.end.offset,
            chunk: Int32(chunk), rule: rule, byteOffset: chunks[chunk].count
        ))
        chunks[chunk].append(contentsOf: scratch)
    }

    /// Keeps `diagnostics` after those already held.
    package mutating func append(contentsOf diagnostics: some Sequence<Diagnostic>) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    /// Puts the diagnostics in the engine's order: by position, then rule identifier, then end; diagnostics alike in
    /// all three keep the order they were added in.
    package mutating func sortByPosition() {
        let ranks = ruleRanks()
        entries.sort { lhs, rhs in
            if lhs.start != rhs.start { return lhs.start < rhs.start }
            if lhs.rule != rhs.rule { return ranks[Int(lhs.rule)] < ranks[Int(rhs.rule)] }
            if lhs.end != rhs.end { return lhs.end < rhs.end }
            return (lhs.chunk, lhs.byteOffset) < (rhs.chunk, rhs.byteOffset)
        }
    }

    /// Each rule index's place among the rule identifiers sorted as strings.
    private func ruleRanks() -> [Int] {
        var ranks = [Int](repeating: 0, count: ruleIDs.count)
        for (rank, index) in ruleIDs.indices.sorted(by: { ruleIDs[$0] < ruleIDs[$1] }).enumerated() { ranks[index] = rank }
        return ranks
    }
}
