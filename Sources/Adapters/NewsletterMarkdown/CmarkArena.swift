internal import CCmarkGFM
import Foundation

/// The memory cmark-gfm parses into: each thread's documents are laid out one after another in large zeroed chunks,
/// and a document's memory is given back at once when it has been read, not node by node.
///
/// cmark-gfm allocates every node, string and delimiter on its own (`calloc`) and frees them one by one; on a folder
/// of drafts that was a tenth of the check's CPU. Here an allocation moves a pointer, freeing does nothing (unless it
/// is the latest allocation, which is taken back), and ``rewind(to:)`` zeroes what was used so that the next document
/// gets zeroed memory without a call to the system. What cmark-gfm frees while parsing (delimiters, a string that
/// grew) stays until the document is done: at most a few times the document's own tree, which is bounded by the markup
/// limits of ``MarkdownDocument``. Allocations of ``largeSize`` and more (a long paragraph's text) are the system's,
/// resized and freed there.
///
/// cmark-gfm's allocator (`cmark_mem`) carries no context, so its functions find the arena of the calling thread.
/// Documents on one thread nest (a document read may parse a small one, see `CharacterReferences`): each is given
/// back to the mark taken before it, last first.
final class CmarkArena {
    /// A point in the arena to go back to: the chunk in use and how much of it was used.
    struct Mark {
        fileprivate let chunk: Int
        fileprivate let used: Int
        fileprivate let largeMade: Int
    }

    private struct Chunk {
        let base: UnsafeMutableRawPointer
        let capacity: Int
        var used = 0
    }

    // The arena is used by one thread alone (its own, see ``forThisThread``), so the run-time check that no two
    // accesses to a property overlap is left out: it was a call per access, several per node.
    @exclusivity(unchecked) private var chunks: [Chunk] = []
    /// The chunk allocations come from; those after it are zeroed and waiting.
    @exclusivity(unchecked) private var currentChunk = 0
    /// The latest allocation, which can grow in place or be taken back.
    @exclusivity(unchecked) private var latest: UnsafeMutableRawPointer?
    /// Freed small allocations by size in 8-byte steps, each holding the next in its first bytes: the delimiters and
    /// brackets cmark-gfm makes and frees for every `*`, `_` and `[` are used again rather than left behind.
    @exclusivity(unchecked) private var freed = [UnsafeMutableRawPointer?](repeating: nil, count: smallSizes + 1)
    private static let smallSizes = 32

    /// Every allocation is preceded by its size and aligned to 8 bytes, as cmark-gfm's structures (pointers and
    /// integers) need: a 16-byte header and alignment, as `malloc` keeps, made the densest drafts a tenth larger.
    private static let headerSize = 8
    private static let firstChunkSize = 256 * 1024
    private static let largestChunkSize = 8 * 1024 * 1024
    /// What an arena keeps once no document is left in it; more is returned to the system.
    private static let retainedSize = 4 * 1024 * 1024
    /// Allocations of at least this many bytes come from the system one by one, and are resized and freed there:
    /// cmark-gfm grows a paragraph's text by reallocation, and in the arena each growth left the copy before it
    /// behind (a paragraph of 64 MiB held about four times its size).
    static let largeSize = 1 << 20
    /// The large allocations held, by their header's address, with the order they were made in (see ``rewind(to:)``).
    @exclusivity(unchecked) private var large: [UnsafeMutableRawPointer: Int] = [:]
    /// How many large allocations were ever made: the order of the next.
    @exclusivity(unchecked) private var largeMade = 0

    /// The allocator to hand `cmark_parser_new_with_mem`; its functions use the calling thread's arena.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let allocator = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        allocator.initialize(to: cmark_mem(
            calloc: { count, size in withThreadArena { $0.allocate(count * size) } },
            realloc: { pointer, size in withThreadArena { $0.reallocate(pointer, to: size) } },
            free: { pointer in withThreadArena { $0.release(pointer) } }
        ))
        return allocator
    }()

    /// The arena of the calling thread, made the first time the thread asks.
    static var forThisThread: CmarkArena {
        if let stored = pthread_getspecific(threadKey) { return Unmanaged<CmarkArena>.fromOpaque(stored).takeUnretainedValue() }
        let arena = CmarkArena()
        pthread_setspecific(threadKey, Unmanaged.passRetained(arena).toOpaque())
        return arena
    }

    /// Runs `body` with the calling thread's arena, which ``forThisThread`` has made (the parse asks for it first),
    /// without retaining it: the thread holds it, and a retain and release per node was a tenth of the parse.
    private static func withThreadArena<Result>(_ body: (CmarkArena) -> Result) -> Result {
        guard let stored = pthread_getspecific(threadKey) else { return body(forThisThread) }
        return Unmanaged<CmarkArena>.fromOpaque(stored)._withUnsafeGuaranteedRef(body)
    }

    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        // A thread that ends releases its arena, which frees its chunks.
        pthread_key_create(&key) { stored in
            if let stored { Unmanaged<CmarkArena>.fromOpaque(stored).release() }
        }
        return key
    }()

    deinit {
        for chunk in chunks { free(chunk.base) }
        for header in large.keys { free(header) }
    }

    /// How many large allocations are held (see ``largeSize``).
    var largeAllocationCount: Int { large.count }

    /// Where the arena stands now, to give back everything allocated after it with ``rewind(to:)``.
    func mark() -> Mark {
        Mark(chunk: currentChunk, used: chunks.isEmpty ? 0 : chunks[currentChunk].used, largeMade: largeMade)
    }

    /// Gives back everything allocated since `mark`, zeroed for the next document.
    func rewind(to mark: Mark) {
        for (header, order) in large where order >= mark.largeMade {
            free(header)
            large[header] = nil
        }
        guard !chunks.isEmpty else { return }
        for index in mark.chunk...currentChunk {
            let keep = index == mark.chunk ? mark.used : 0
            memset(chunks[index].base + keep, 0, chunks[index].used - keep)
            chunks[index].used = keep
        }
        currentChunk = mark.chunk
        latest = nil
        // The freed allocations may lie in what was given back; those that do not are left unused.
        for index in freed.indices { freed[index] = nil }
        guard mark.chunk == 0 && mark.used == 0 else { return }
        // Empty again: keep the first chunks for the next document, up to a bound.
        var kept = 0
        var count = 0
        while count < chunks.count && kept + chunks[count].capacity <= max(Self.retainedSize, chunks[0].capacity) {
            kept += chunks[count].capacity
            count += 1
        }
        for chunk in chunks[count...] { free(chunk.base) }
        chunks.removeSubrange(count...)
    }

    /// `size` zeroed bytes.
    func allocate(_ size: Int) -> UnsafeMutableRawPointer {
        if size >= Self.largeSize { return allocateLarge(size) }
        let sizeClass = Self.rounded(size) >> 3
        if sizeClass <= Self.smallSizes, let reused = freed[sizeClass] {
            freed[sizeClass] = reused.load(as: UnsafeMutableRawPointer?.self)
            memset(reused, 0, sizeClass << 3)
            reused.storeBytes(of: size, toByteOffset: -Self.headerSize, as: Int.self)
            return reused
        }
        let needed = Self.headerSize + Self.rounded(size)
        if chunks.isEmpty || chunks[currentChunk].capacity - chunks[currentChunk].used < needed {
            moveToChunk(holding: needed)
        }
        let header = chunks[currentChunk].base + chunks[currentChunk].used
        chunks[currentChunk].used += needed
        header.storeBytes(of: size, as: Int.self)
        latest = header + Self.headerSize
        return header + Self.headerSize
    }

    /// `pointer`'s bytes in `size` bytes, in place when it is the latest allocation and its chunk has room.
    func reallocate(_ pointer: UnsafeMutableRawPointer?, to size: Int) -> UnsafeMutableRawPointer {
        guard let pointer else { return allocate(size) }
        let oldSize = pointer.load(fromByteOffset: -Self.headerSize, as: Int.self)
        if oldSize < 0 { return reallocateLarge(pointer, from: -oldSize, to: size) }
        if size <= oldSize { return pointer }
        if size < Self.largeSize, pointer == latest {
            let start = pointer - Self.headerSize - chunks[currentChunk].base
            let needed = Self.headerSize + Self.rounded(size)
            if start + needed <= chunks[currentChunk].capacity {
                chunks[currentChunk].used = start + needed
                pointer.storeBytes(of: size, toByteOffset: -Self.headerSize, as: Int.self)
                return pointer
            }
        }
        let moved = allocate(size)
        moved.copyMemory(from: pointer, byteCount: oldSize)
        release(pointer)
        return moved
    }

    /// A large allocation: its header holds its size negated, which tells it from the arena's own.
    private func allocateLarge(_ size: Int) -> UnsafeMutableRawPointer {
        guard let header = calloc(1, Self.headerSize + size) else { fatalError("cmark-gfm's arena could not get \(size) bytes") }
        header.storeBytes(of: -size, as: Int.self)
        large[header] = largeMade
        largeMade += 1
        return header + Self.headerSize
    }

    private func reallocateLarge(_ pointer: UnsafeMutableRawPointer, from oldSize: Int, to size: Int) -> UnsafeMutableRawPointer {
        if size <= oldSize { return pointer }
        let header = pointer - Self.headerSize
        guard let moved = realloc(header, Self.headerSize + size) else { fatalError("cmark-gfm's arena could not get \(size) bytes") }
        moved.storeBytes(of: -size, as: Int.self)
        if moved != header, let order = large.removeValue(forKey: header) { large[moved] = order }
        return moved + Self.headerSize
    }

    /// Takes back the latest allocation, keeps a small one for reuse; any other stays until its document is given back.
    func release(_ pointer: UnsafeMutableRawPointer?) {
        guard let pointer else { return }
        if pointer.load(fromByteOffset: -Self.headerSize, as: Int.self) < 0 {
            let header = pointer - Self.headerSize
            large[header] = nil
            free(header)
            return
        }
        guard pointer == latest else {
            let sizeClass = Self.rounded(pointer.load(fromByteOffset: -Self.headerSize, as: Int.self)) >> 3
            guard sizeClass >= 1 && sizeClass <= Self.smallSizes else { return }
            pointer.storeBytes(of: freed[sizeClass], as: UnsafeMutableRawPointer?.self)
            freed[sizeClass] = pointer
            return
        }
        let header = pointer - Self.headerSize
        let start = header - chunks[currentChunk].base
        memset(header, 0, chunks[currentChunk].used - start)
        chunks[currentChunk].used = start
        latest = nil
    }

    /// `size` rounded up to the 8-byte alignment of every allocation.
    private static func rounded(_ size: Int) -> Int { (size + 7) & ~7 }

    /// Makes the current chunk one with `needed` bytes free: the next zeroed one if it is large enough, else a new one.
    private func moveToChunk(holding needed: Int) {
        if !chunks.isEmpty && currentChunk + 1 < chunks.count && chunks[currentChunk + 1].capacity >= needed {
            currentChunk += 1
            return
        }
        let size = max(needed, chunks.isEmpty ? Self.firstChunkSize : min(chunks[chunks.count - 1].capacity * 2, Self.largestChunkSize))
        guard let base = calloc(1, size) else { fatalError("cmark-gfm's arena could not get \(size) bytes") }
        // A new chunk goes right after the current one, so that the zeroed chunks after it stay in order.
        let index = chunks.isEmpty ? 0 : currentChunk + 1
        chunks.insert(Chunk(base: base, capacity: size), at: index)
        currentChunk = index
    }
}
