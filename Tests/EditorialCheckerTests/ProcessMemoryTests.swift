@testable import EditorialCheckerCLI
#if os(Linux)
import CGlibcMalloc
import Glibc
#endif
import Testing

/// The allocator setting `EditorialCheckTool.run()` makes for its process. A block's usable size tells where glibc
/// served it from: a block with pages of its own spans whole pages with its 16-byte header, one from a heap does not.
///
/// That a block past the threshold gets pages of its own is measured on the tool (peak memory of `fix`, in
/// `Benchmarks/Scripts/scaling-shapes.sh`), not here: in a test process that has run other tests, the allocator may
/// serve it from memory its heaps already hold, as it rightly does before it asks for pages.
@Suite("process memory")
struct ProcessMemoryTests {
    #if os(Linux)
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    private static func hasPagesOfItsOwn(_ block: UnsafeMutableRawPointer) -> Bool {
        (malloc_usable_size(block) + 16) % pageSize == 0
    }

    @Test("glibc takes the threshold")
    func theCLibraryTakesTheThreshold() {
        #expect(ProcessMemory.returnLargeBlocksWhenFreed())
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
