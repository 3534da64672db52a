#if os(Linux)
internal import CGlibcMalloc
#endif

/// How a checker's process has the C allocator give back large blocks.
///
/// glibc serves a block of 128 KiB or more from pages of its own, returned when it is freed, but raises that threshold
/// to the size of every such block freed (up to 32 MiB): after the first draft, the large arrays of the next (its text,
/// its tree and links, the new text of a `fix` pass) come from the allocator's heaps, and what is freed there stays
/// resident, on whichever thread's heap it was made. `fix` then holds its first pass's draft while it reads the
/// second. A fixed threshold keeps blocks of ``largeBlockThreshold`` or more in pages of their own.
package enum ProcessMemory {
    /// The size from which a block gets pages of its own: a large draft's arrays are above it, its many small values
    /// (which pages of their own would waste) below.
    package static let largeBlockThreshold = 1 << 20

    /// Fixes the threshold for the whole process; `false` where the C library does not take it (or has no such
    /// setting). Called by ``EditorialCheckTool/run()``, which owns its process, never by the library.
    @discardableResult
    package static func returnLargeBlocksWhenFreed() -> Bool {
        #if os(Linux)
        return mallopt(M_MMAP_THRESHOLD, Int32(largeBlockThreshold)) == 1
        #else
        return false
        #endif
    }
}
