import NewsletterCore

/// Diagnostics kept as bytes, in the engine's order, and read back one at a time.
///
/// A `Diagnostic` takes about 500 bytes of memory once its strings, fix and edits are counted; a draft with a
/// million problems would hold half a gigabyte of them before the first is printed. Kept here, each takes the bytes
/// of its text and a few of its numbers (about a fifth of that), and a reporter turns one back into a `Diagnostic`
/// only while it writes it.
package struct DiagnosticStore: RandomAccessCollection, Sendable {
    /// Where one diagnostic's bytes are, with its start, which it is sorted by first: 8 bytes, as a draft may have
    /// millions. Its rule and end, which break ties of start, are read from its bytes.
    private struct Entry: Sendable {
        /// The start's offset: 32 bits, as every ``SourceLocation``'s.
        private let storedStart: UInt32
        /// The piece in the high 12 bits, the offset in it in the low 20 (a diagnostic starts in a piece only while
        /// it holds less than ``chunkSize`` bytes): so that places compare in the order they were written.
        let place: UInt32

        init(start: Int, chunk: Int, byteOffset: Int) {
            precondition(chunk < DiagnosticStore.largestChunkCount, "a diagnostic store holds at most 4 GiB of diagnostics")
            storedStart = UInt32(start)
            place = UInt32(chunk) << DiagnosticStore.chunkShift | UInt32(byteOffset)
        }

        var start: Int { Int(storedStart) }
        var chunk: Int { Int(place >> DiagnosticStore.chunkShift) }
        var byteOffset: Int { Int(place & UInt32(DiagnosticStore.chunkSize - 1)) }
    }

    /// The entries, in pieces of a fixed count once past the first, so that growing never copies them nor holds up
    /// to twice their count's room (one array of six million entries had room for eight and a half).
    private struct Entries: Sendable {
        private static let pieceShift = 16
        private static let pieceMask = (1 << pieceShift) - 1
        private var pieces: [[Entry]] = []
        private(set) var count = 0

        subscript(index: Int) -> Entry {
            get { pieces[index >> Self.pieceShift][index & Self.pieceMask] }
            set { pieces[index >> Self.pieceShift][index & Self.pieceMask] = newValue }
        }

        mutating func append(_ entry: Entry) {
            if count == pieces.count << Self.pieceShift {
                var piece: [Entry] = []
                // The first grows as it fills: most drafts have a few problems, each checked in a store of its own.
                if !pieces.isEmpty { piece.reserveCapacity(Self.pieceMask + 1) }
                pieces.append(piece)
            }
            pieces[pieces.count - 1].append(entry)
            count += 1
        }
    }

    /// The bytes are kept in pieces of about this size, so that growing never copies what is held (a single array
    /// would, at its last doubling, need three times the bytes at once).
    private static let chunkShift = 20
    private static let chunkSize = 1 << chunkShift
    /// The pieces an entry can name: 4 GiB of diagnostics, a hundred million or more (a draft of 64 MiB, the tool's
    /// limit, makes at most about 150 MB of them).
    private static let largestChunkCount = 1 << (32 - chunkShift)
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
    private var entries = Entries()
    private var ruleIDs: [String] = []
    private var ruleIndices: [String: Int] = [:]
    private var lastRule: (id: String, index: Int)?
    /// Per rule, where some of its texts stand in the piece its latest diagnostic went into.
    private var recentTexts: [DiagnosticBytes.RecentTexts] = []
    /// Where full pieces go (see ``init(spillingPast:folder:)``); `nil` when they stay.
    private var spill: Spill?

    /// A piece written out: its index, and where its bytes stand in the file.
    private struct SpilledPiece: Sendable {
        let piece: Int
        let offset: Int
        let count: Int
    }

    /// The state of writing full pieces out.
    private struct Spill: Sendable {
        /// Bytes of full pieces held past which they are written out.
        let threshold: Int
        let folder: String
        /// Made when the first piece is written out.
        var file: DiagnosticSpillFile?
        /// The pieces written out and not read back yet.
        var pieces: [SpilledPiece] = []
        /// The first piece not written out nor read back: those before it are done with.
        var next = 0
        /// Set when the file could not be written: pieces are no longer written out (those written are still read back).
        var isStopped = false
    }

    /// An empty store.
    package init() {}

    /// A store holding `diagnostics` in their order.
    package init(_ diagnostics: some Sequence<Diagnostic>) {
        append(contentsOf: diagnostics)
    }

    /// An empty store that writes its full pieces to a temporary file in `folder` once they hold more than
    /// `threshold` bytes, and reads them back in ``restoreSpilledPieces()``, which must come before any is read.
    ///
    /// The engine's store while rules run: the draft's model is held then, and a draft with millions of problems
    /// held their bytes beside it (a fifth of the peak for a 50 MB draft where every rule fires). Where no file can be
    /// made or written, the pieces stay in memory.
    package init(spillingPast threshold: Int, folder: String = DiagnosticSpillFile.defaultFolder) {
        spill = Spill(threshold: threshold, folder: folder)
    }

    /// How many pieces are written out now (for tests).
    package var spilledPieceCount: Int { spill?.pieces.count ?? 0 }

    /// Reads back every piece written out, so that the store can be read; it keeps writing out full pieces as it
    /// grows again.
    package mutating func restoreSpilledPieces() {
        guard var current = spill, let file = current.file, !current.pieces.isEmpty else { return }
        for spilled in current.pieces { chunks[spilled.piece] = file.read(count: spilled.count, at: spilled.offset) }
        current.pieces = []
        current.next = chunks.count - 1
        spill = current
    }

    /// Writes out the full pieces held once they are more than the threshold; stops writing out for good when the
    /// file cannot be made or written.
    private mutating func spillFullPieces() {
        guard var current = spill, !current.isStopped else { return }
        let last = chunks.count - 1
        guard chunks[current.next..<last].reduce(0, { $0 + $1.count }) > current.threshold else { return }
        if current.file == nil { current.file = DiagnosticSpillFile(folder: current.folder) }
        if let file = current.file {
            while current.next < last {
                let piece = current.next
                guard let offset = chunks[piece].withUnsafeBufferPointer({ file.append($0) }) else {
                    current.isStopped = true
                    break
                }
                current.pieces.append(SpilledPiece(piece: piece, offset: offset, count: chunks[piece].count))
                chunks[piece] = []
                current.next += 1
            }
        } else {
            current.isStopped = true
        }
        spill = current
    }

    /// The bytes the diagnostics' texts and numbers take (not counting their places in the order).
    package var byteCount: Int { chunks.reduce(0) { $0 + $1.count } + (spill?.pieces.reduce(0) { $0 + $1.count } ?? 0) }

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

    /// Calls `body` with a reader at the start of the bytes of the diagnostic at `position`, and its rule.
    private func withReader<Result>(
        at position: Int, _ body: (inout DiagnosticBytes.Reader, String) throws -> Result
    ) rethrows -> Result {
        let entry = entries[position]
        // A piece an entry names holds at least that entry's bytes unless it was written out.
        precondition(!chunks[entry.chunk].isEmpty, "a diagnostic read while written out: restoreSpilledPieces() first")
        return try chunks[entry.chunk].withUnsafeBufferPointer { bytes in
            var reader = DiagnosticBytes.Reader(bytes: bytes, offset: entry.byteOffset, start: entry.start)
            let rule = reader.integer()
            return try body(&reader, ruleIDs[rule])
        }
    }

    /// Keeps `diagnostic` after those already held.
    package mutating func append(_ diagnostic: Diagnostic) {
        let rule: Int
        // A rule's diagnostics mostly come one after another: the last rule is checked before the dictionary.
        if let last = lastRule, last.id == diagnostic.ruleID {
            rule = last.index
        } else if let known = ruleIndices[diagnostic.ruleID] {
            rule = known
        } else {
            rule = ruleIDs.count
            ruleIDs.append(diagnostic.ruleID)
            ruleIndices[diagnostic.ruleID] = rule
            recentTexts.append(DiagnosticBytes.RecentTexts())
        }
        lastRule = (diagnostic.ruleID, rule)
        counts.add(diagnostic)
        if chunks.isEmpty { chunks.append(Self.chunk(capacity: Self.firstChunkSize)) }
        // The rule's table is taken out while it is written to, and put back after.
        var recent = DiagnosticBytes.RecentTexts()
        swap(&recent, &recentTexts[rule])
        defer { swap(&recent, &recentTexts[rule]) }
        // Written for the current piece, referring to the rule's texts there; written again, whole, if it must go
        // into a new piece.
        write(diagnostic, rule: rule, recent: &recent)
        // A piece is full past its room or at the piece size (its room may be larger), so that every diagnostic
        // starts at an offset an entry holds.
        let (held, room) = (chunks[chunks.count - 1].count, chunks[chunks.count - 1].capacity)
        if held + scratch.count > room || held >= Self.chunkSize {
            // Small at first (most drafts have a few problems, and each is checked in a store of its own), doubling
            // up to the piece size.
            chunks.append(Self.chunk(capacity: Swift.min(chunks[chunks.count - 1].capacity * 2, Self.chunkSize)))
            if spill != nil { spillFullPieces() }
            write(diagnostic, rule: rule, recent: &recent)
            if scratch.count > chunks[chunks.count - 1].capacity { chunks[chunks.count - 1].reserveCapacity(scratch.count) }
        }
        let chunk = chunks.count - 1
        entries.append(Entry(start: diagnostic.range.start.offset, chunk: chunk, byteOffset: chunks[chunk].count))
        chunks[chunk].append(contentsOf: scratch)
    }

    /// Writes `diagnostic` into `scratch` as it would stand at the end of the last piece, with `recent` the rule's
    /// table of texts there.
    private mutating func write(_ diagnostic: Diagnostic, rule: Int, recent: inout DiagnosticBytes.RecentTexts) {
        let chunk = chunks.count - 1
        if recent.piece != chunk { recent.start(piece: chunk) }
        scratch.removeAll(keepingCapacity: true)
        chunks[chunk].withUnsafeBufferPointer { piece in
            DiagnosticBytes.write(diagnostic, rule: rule, into: &scratch, at: piece.count, recent: &recent, in: piece)
        }
    }

    private static func chunk(capacity: Int) -> [UInt8] {
        var chunk: [UInt8] = []
        chunk.reserveCapacity(capacity)
        return chunk
    }

    /// Keeps `diagnostics` after those already held.
    package mutating func append(contentsOf diagnostics: some Sequence<Diagnostic>) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    /// Puts the diagnostics in the engine's order: by position, then rule identifier, then end; diagnostics alike in
    /// all three keep the order they were added in.
    ///
    /// The entries' indices (4 bytes each) are sorted, and the entries then moved into that order in place, cycle by
    /// cycle: sorting the entries themselves took their size twice over again in copies and merge space.
    package mutating func sortByPosition() {
        let ranks = ruleRanks()
        var order = [UInt32](0..<UInt32(entries.count))
        order.sort { lhsIndex, rhsIndex in
            let (lhs, rhs) = (entries[Int(lhsIndex)], entries[Int(rhsIndex)])
            if lhs.start != rhs.start { return lhs.start < rhs.start }
            let (lhsTie, rhsTie) = (ruleAndEnd(of: lhs), ruleAndEnd(of: rhs))
            if lhsTie.rule != rhsTie.rule { return ranks[lhsTie.rule] < ranks[rhsTie.rule] }
            if lhsTie.end != rhsTie.end { return lhsTie.end < rhsTie.end }
            return lhs.place < rhs.place
        }
        // `order[i]` is where the entry that belongs at `i` stands; a place is marked done once filled.
        let done = UInt32.max
        for first in order.indices where order[first] != done {
            let saved = entries[first]
            var current = first
            while true {
                let next = Int(order[current])
                order[current] = done
                if next == first {
                    entries[current] = saved
                    break
                }
                entries[current] = entries[next]
                current = next
            }
        }
    }

    private func ruleAndEnd(of entry: Entry) -> (rule: Int, end: Int) {
        precondition(!chunks[entry.chunk].isEmpty, "diagnostics sorted while written out: restoreSpilledPieces() first")
        return chunks[entry.chunk].withUnsafeBufferPointer { bytes in
            DiagnosticBytes.Reader.ruleAndEnd(in: bytes, at: entry.byteOffset, start: entry.start)
        }
    }

    /// Each rule index's place among the rule identifiers sorted as strings.
    private func ruleRanks() -> [Int] {
        var ranks = [Int](repeating: 0, count: ruleIDs.count)
        for (rank, index) in ruleIDs.indices.sorted(by: { ruleIDs[$0] < ruleIDs[$1] }).enumerated() { ranks[index] = rank }
        return ranks
    }
}
