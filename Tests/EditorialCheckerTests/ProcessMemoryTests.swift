@testable import EditorialCheckerCLI
#if os(Linux)
import CGlibcMalloc
import Glibc
#endif
import Testing

/// The allocator setting `EditorialCheckTool.run()` makes for its process. A block's usable size tells where glibc
/// served it from: a block with pages of its own spans whole pages with its 16-byte header, one from a heap does not.
@Suite("process memory")
struct ProcessMemoryTests {
    #if os(Linux)
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    private static func hasPagesOfItsOwn(_ block: UnsafeMutableRawPointer) -> Bool {
        (malloc_usable_size(block) + 16) % pageSize == 0
    }

    @Test("after a larger block is freed, a block just past the threshold still gets pages of its own")
    func largeBlocksKeepPagesOfTheirOwn() throws {
        #expect(ProcessMemory.returnLargeBlocksWhenFreed())
        // glibc's own rule would now serve blocks of up to 8 MiB from a heap.
        free(malloc(8 << 20))
        let large = try #require(malloc(ProcessMemory.largeBlockThreshold + 1))
        defer { free(large) }
        #expect(Self.hasPagesOfItsOwn(large))
    }

    @Test("a block below the threshold comes from a heap")
    func smallBlocksShareHeaps() throws {
        #expect(ProcessMemory.returnLargeBlocksWhenFreed())
        let small = try #require(malloc(ProcessMemory.largeBlockThreshold / 2 + 1))
        defer { free(small) }
        #expect(!Self.hasPagesOfItsOwn(small))
    }
    #endif
}
