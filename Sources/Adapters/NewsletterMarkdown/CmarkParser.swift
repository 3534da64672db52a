internal import CCmarkGFM
import Foundation

/// Runs cmark-gfm with the GitHub extensions NewsletterKit reads (tables, strikethrough, task lists, and bare URLs
/// as GitHub links them).
///
/// The autolink extension places its nodes at 0:0; that does not matter, since no inline position is taken from
/// cmark-gfm (see ``InlineSourceReader``).
enum CmarkParser {
    /// The extensions, in the order GitHub attaches them.
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// Registers the core extensions once per process; Swift runs a global's initialiser exactly once, thread-safely.
    nonisolated(unsafe) private static let extensions: [OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        return extensionNames.compactMap { name in name.withCString { cmark_find_syntax_extension($0) } }
    }()

    /// The node types the extensions registered, read once they are.
    static let extensionTypes: (table: UInt32, strikethrough: UInt32) = {
        _ = extensions
        return (newsletterkit_table_type().rawValue, newsletterkit_strikethrough_type().rawValue)
    }()

    /// Parses UTF-8 bytes and hands the document node to `body`; the tree is given back (``CmarkArena``) when `body`
    /// returns.
    /// cmark-gfm keeps the characters that start an extension's inlines (`:` and `w` for bare URLs, `~`, `|`) in one
    /// process-wide table, which every parser sets on entering inline parsing and clears on leaving it; two parsers
    /// running at once clear each other's and miss bare URLs and strikethrough. So parsing is done one document at a
    /// time; reading the finished tree, most of the work, is not.
    ///
    /// The lock is a plain one that puts a waiting thread to sleep (`NSLock`, a pthread mutex), not `Mutex`: on Linux
    /// `Mutex` is a priority-inheriting futex, whose waiters spin in the kernel while the owner runs, and a folder's
    /// check spent a twentieth of its CPU spinning for this lock.
    private static let parsing = NSLock()

    static func withDocument<Result>(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ body: (OpaquePointer) -> Result
    ) -> Result {
        // The document lives in this thread's arena and is given back with it, rather than freed node by node.
        let arena = CmarkArena.forThisThread
        let mark = arena.mark()
        defer { arena.rewind(to: mark) }
        let document = parsing.withLock {
            let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, CmarkArena.allocator)!
            defer { cmark_parser_free(parser) }
            for extensionPointer in extensions {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
            if let base = bytes.baseAddress, !bytes.isEmpty {
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { cmark_parser_feed(parser, $0, bytes.count) }
            }
            return UncheckedDocument(node: cmark_parser_finish(parser)!)
        }.node
        return body(document)
    }

    /// A finished tree handed out of the lock; it belongs to the calling thread alone.
    private struct UncheckedDocument: @unchecked Sendable {
        let node: OpaquePointer
    }
}
