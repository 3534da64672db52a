import Foundation
import NewsletterCore
@testable import NewsletterMarkdown
import TestSupport
import Testing

/// cmark-gfm's memory comes from an arena per thread: zeroed as `calloc` promises, aligned for its structures, grown in place when it can be,
/// reused when small and freed, and given back a document at a time, the inner of two nested documents first.
@Suite struct CmarkArenaTests {
    @Test func allocationsAreZeroedAlignedAndGivenBackZeroed() {
        let arena = CmarkArena()
        let start = arena.mark()
        let first = arena.allocate(40)
        #expect(Int(bitPattern: first) % 8 == 0)
        #expect(UnsafeRawBufferPointer(start: first, count: 40).allSatisfy { $0 == 0 })
        first.initializeMemory(as: UInt8.self, repeating: 0xAB, count: 40)
        arena.rewind(to: start)
        // The same memory is handed out again, zeroed.
        let again = arena.allocate(40)
        #expect(again == first)
        #expect(UnsafeRawBufferPointer(start: again, count: 40).allSatisfy { $0 == 0 })
        arena.rewind(to: start)
    }

    @Test func theLatestAllocationGrowsInPlaceAndAnOtherMovesWithItsBytes() {
        let arena = CmarkArena()
        let start = arena.mark()
        let older = arena.allocate(8)
        older.storeBytes(of: 0x0102_0304_0506_0708, as: UInt64.self)
        let latest = arena.allocate(8)
        latest.storeBytes(of: 42, as: UInt64.self)
        let grown = arena.reallocate(latest, to: 4096)
        #expect(grown == latest)
        #expect(grown.load(as: UInt64.self) == 42)
        let moved = arena.reallocate(older, to: 64)
        #expect(moved != older)
        #expect(moved.load(as: UInt64.self) == 0x0102_0304_0506_0708)
        #expect(UnsafeRawBufferPointer(start: moved + 8, count: 56).allSatisfy { $0 == 0 })
        arena.rewind(to: start)
    }

    @Test func freedMemoryIsReusedZeroed() {
        let arena = CmarkArena()
        let start = arena.mark()
        let small = arena.allocate(48)
        small.initializeMemory(as: UInt8.self, repeating: 0xCD, count: 48)
        _ = arena.allocate(16)
        arena.release(small)
        // A small allocation freed out of order is the next one of its size (in 8-byte steps); the latest is taken back.
        let reused = arena.allocate(44)
        #expect(reused == small)
        #expect(UnsafeRawBufferPointer(start: reused, count: 48).allSatisfy { $0 == 0 })
        let latest = arena.allocate(100)
        arena.release(latest)
        #expect(arena.allocate(100) == latest)
        arena.rewind(to: start)
    }

    @Test func anInnerDocumentIsGivenBackWithoutTouchingTheOuter() {
        let arena = CmarkArena()
        let start = arena.mark()
        let outer = arena.allocate(32)
        outer.initializeMemory(as: UInt8.self, repeating: 7, count: 32)
        let inner = arena.mark()
        // More than a chunk, so that the inner document spans chunks.
        for _ in 0..<100 { arena.allocate(8 * 1024).initializeMemory(as: UInt8.self, repeating: 9, count: 8 * 1024) }
        arena.rewind(to: inner)
        #expect(UnsafeRawBufferPointer(start: outer, count: 32).allSatisfy { $0 == 7 })
        let next = arena.allocate(8 * 1024)
        #expect(UnsafeRawBufferPointer(start: next, count: 8 * 1024).allSatisfy { $0 == 0 })
        arena.rewind(to: start)
    }

    /// A large allocation (a long paragraph's text) is the system's: zeroed, grown keeping its bytes, and freed when
    /// released or when its document is given back, the outer document's kept.
    @Test func largeAllocationsAreResizedAndFreedOneByOne() {
        let arena = CmarkArena()
        let start = arena.mark()
        let small = arena.allocate(64)
        small.initializeMemory(as: UInt8.self, repeating: 3, count: 64)
        let outer = arena.reallocate(small, to: CmarkArena.largeSize)
        #expect(arena.largeAllocationCount == 1)
        #expect(UnsafeRawBufferPointer(start: outer, count: 64).allSatisfy { $0 == 3 })
        #expect(UnsafeRawBufferPointer(start: outer + 64, count: CmarkArena.largeSize - 64).allSatisfy { $0 == 0 })
        let inner = arena.mark()
        var grown = arena.allocate(CmarkArena.largeSize + 1)
        grown.initializeMemory(as: UInt8.self, repeating: 5, count: CmarkArena.largeSize + 1)
        grown = arena.reallocate(grown, to: 6 * CmarkArena.largeSize)
        #expect(UnsafeRawBufferPointer(start: grown, count: CmarkArena.largeSize + 1).allSatisfy { $0 == 5 })
        let released = arena.allocate(2 * CmarkArena.largeSize)
        #expect(arena.largeAllocationCount == 3)
        arena.release(released)
        #expect(arena.largeAllocationCount == 2)
        arena.rewind(to: inner)
        #expect(arena.largeAllocationCount == 1)
        #expect(UnsafeRawBufferPointer(start: outer, count: 64).allSatisfy { $0 == 3 })
        arena.rewind(to: start)
        #expect(arena.largeAllocationCount == 0)
    }

    /// Drafts parsed on four threads at once read exactly as parsed one after another.
    @Test func draftsParsedAtOnceOnSeveralThreadsReadAsParsedAlone() throws {
        var generator = AdversarialMarkdown(seed: 7)
        let drafts = (0..<64).map { _ in SourceText(generator.next()) }
        let alone = try drafts.map { try MarkdownDocument(parsing: $0) }
        let results = ParsedDrafts(count: drafts.count)
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for round in 0..<4 {
                for index in stride(from: (thread + round) % 4, to: drafts.count, by: 4) {
                    results.record(index, try? MarkdownDocument(parsing: drafts[index]))
                }
            }
        }
        for (index, document) in alone.enumerated() {
            let parsed = results.documents(index)
            #expect(parsed.count == 4)
            #expect(parsed.allSatisfy { $0.links == document.links && Array($0.tree.nodes) == Array(document.tree.nodes) })
        }
    }
}

/// What the threads of the concurrent test parsed, kept under a lock.
private final class ParsedDrafts: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [[MarkdownDocument]]

    init(count: Int) { parsed = Array(repeating: [], count: count) }

    func record(_ index: Int, _ document: MarkdownDocument?) {
        guard let document else { return }
        lock.withLock { parsed[index].append(document) }
    }

    func documents(_ index: Int) -> [MarkdownDocument] { lock.withLock { parsed[index] } }
}
