@testable import EditorialChecks
import Foundation
import NewsletterCore
import NewsletterKit
import TestSupport
import Testing

/// A store that writes its full pieces to a temporary file while rules run gives back, once they are read back,
/// exactly what a store that kept them gives.
@Suite struct DiagnosticSpillTests {
    /// Enough diagnostics for a few megabytes of pieces: messages of up to 200 bytes, fixes on a third.
    static func diagnostics(_ count: Int, from first: Int = 0) -> [Diagnostic] {
        (first..<first + count).map { index in
            let place = DiagnosticStoreTests.place(index, index + 1 + index % 5)
            return Diagnostic(
                ruleID: "rule-\(index % 7)", severity: index % 2 == 0 ? .warning : .info,
                message: "problem \(index) " + String(repeating: "é", count: index % 100), range: place,
                fix: index % 3 == 0 ? Fix(summary: "edit \(index)", edits: [TextEdit(range: place, replacement: "\(index)")], safety: .safe) : nil
            )
        }
    }

    private static func store(_ diagnostics: [Diagnostic], spillingPast threshold: Int, folder: String = DiagnosticSpillFile.defaultFolder) -> DiagnosticStore {
        var store = DiagnosticStore(spillingPast: threshold, folder: folder)
        store.append(contentsOf: diagnostics)
        return store
    }

    @Test(arguments: [0, 1 << 20, 4 << 20])
    func givesBackWhatAStoreThatKeptThemGives(threshold: Int) {
        let diagnostics = Self.diagnostics(60_000)
        var spilling = Self.store(diagnostics, spillingPast: threshold)
        let kept = DiagnosticStore(diagnostics)
        // About 8 MB in pieces of up to 1 MiB: all but the last written out past 0 bytes, fewer past more.
        #expect(kept.byteCount > 7_000_000)
        #expect(spilling.spilledPieceCount > (threshold == 0 ? 7 : 2))
        #expect(spilling.byteCount == kept.byteCount)
        #expect(spilling.counts == kept.counts)
        spilling.restoreSpilledPieces()
        #expect(spilling.spilledPieceCount == 0)
        #expect(Array(spilling) == diagnostics)
        #expect(spilling.indices.map { DiagnosticStoreTests.fix(in: spilling, at: $0) } == diagnostics.map(\.fix))
    }

    @Test func sortsAfterReadingBackAsAStoreThatKeptThem() {
        var generator = SeededGenerator(seed: 15)
        let diagnostics = Self.diagnostics(60_000).shuffled(using: &generator)
        var spilling = Self.store(diagnostics, spillingPast: 0)
        var kept = DiagnosticStore(diagnostics)
        spilling.restoreSpilledPieces()
        spilling.sortByPosition()
        kept.sortByPosition()
        #expect(Array(spilling) == Array(kept))
    }

    /// After reading back, a store grows and writes out again; both rounds come back.
    @Test func writesOutAgainAfterReadingBack() {
        let first = Self.diagnostics(30_000)
        let second = Self.diagnostics(30_000, from: 30_000)
        var store = Self.store(first, spillingPast: 0)
        store.restoreSpilledPieces()
        store.append(contentsOf: second)
        #expect(store.spilledPieceCount > 0)
        store.restoreSpilledPieces()
        #expect(Array(store) == first + second)
    }

    /// Copies share the file but not their pieces.
    @Test func copiesKeepTheirOwnDiagnostics() {
        let shared = Self.diagnostics(30_000)
        var original = Self.store(shared, spillingPast: 0)
        var copy = original
        original.append(contentsOf: Self.diagnostics(20_000, from: 100_000))
        copy.append(contentsOf: Self.diagnostics(20_000, from: 200_000))
        original.restoreSpilledPieces()
        copy.restoreSpilledPieces()
        #expect(Array(original) == shared + Self.diagnostics(20_000, from: 100_000))
        #expect(Array(copy) == shared + Self.diagnostics(20_000, from: 200_000))
    }

    /// Where no temporary file can be made, the pieces stay in memory.
    @Test func keepsThePiecesWhereNoFileCanBeMade() {
        let diagnostics = Self.diagnostics(30_000)
        var store = Self.store(diagnostics, spillingPast: 0, folder: "/nonexistent-newsletterkit-folder")
        #expect(store.spilledPieceCount == 0)
        store.restoreSpilledPieces()
        #expect(Array(store) == diagnostics)
    }

    /// The file is gone from its folder as soon as it is made: nothing is left behind, however the process ends.
    @Test func leavesNoFileInTheFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = Self.store(Self.diagnostics(30_000), spillingPast: 0, folder: folder.path)
        #expect(store.spilledPieceCount > 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    /// The engine writes out while rules run and reads back before sorting (sorting a store whose pieces are out
    /// stops the process): a draft with more problems than it holds beside the model reports each block's problems,
    /// in order.
    @Test func theEngineReadsBackBeforeSorting() throws {
        func draft(blocks: Int) throws -> (SourceText, DecodedDraft) {
            let text = (0..<blocks).map { index in
                "Read ü§å the notes with[a link](http://acme.dev/\(index))today and ![](https://cdn.acme.dev/\(index).png).\n\n"
            }.joined()
            let source = SourceText("# Notes\n\n" + text)
            return (source, try BeehiivAdapter().decodeDraft(source))
        }
        let checker = EditorialChecker()
        func countsByRule(_ diagnostics: some Sequence<Diagnostic>) -> [String: Int] {
            diagnostics.reduce(into: [:]) { $0[$1.ruleID, default: 0] += 1 }
        }
        let (oneSource, oneDraft) = try draft(blocks: 1)
        let once = countsByRule(checker.checkStored(oneSource, draft: oneDraft, format: "beehiiv"))
        let blocks = 40_000
        let (source, decoded) = try draft(blocks: blocks)
        let stored = checker.checkStored(source, draft: decoded, format: "beehiiv")
        #expect(stored.byteCount > EditorialChecker.heldDiagnosticBytes)
        #expect(stored.spilledPieceCount == 0)
        let perDraft: Set = ["missing-author", "missing-date", "missing-subtitle"]
        #expect(once["mojibake"] == 1)
        #expect(countsByRule(stored) == once.mapValues { $0 }.reduce(into: [:]) { expected, entry in
            expected[entry.key] = perDraft.contains(entry.key) ? entry.value : entry.value * blocks
        })
        let starts = stored.indices.map { position in stored.withStored(at: position) { $0.range.start.offset } }
        #expect(starts == starts.sorted())
    }
}
