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

    /// The extensions to attach: all of them, and all but strikethrough.
    private struct Extensions: @unchecked Sendable {
        let all: [OpaquePointer]
        let withoutStrikethrough: [OpaquePointer]
    }

    /// Registers the core extensions once per process; Swift runs a global's initialiser exactly once, thread-safely.
    ///
    /// cmark-gfm keeps the characters that start an extension's inlines (`|` for tables, `:` and `w` for bare URLs,
    /// `~` for strikethrough) in one process-wide table, which every parser marks on entering inline parsing and
    /// unmarks on leaving it: two parsers running at once unmark each other's and miss bare URLs and strikethrough.
    /// So the characters of tables and bare URLs are marked once, here, and taken off their extensions, which no
    /// parser then marks or unmarks (nothing else reads them: they open no delimiter runs). Strikethrough's `~` must
    /// stay on its extension, which emphasis processing looks up; see ``strikethroughParsing``.
    private static let extensions: Extensions = {
        cmark_gfm_core_extensions_ensure_registered()
        let all = extensionNames.compactMap { name in name.withCString { cmark_find_syntax_extension($0) } }
        let strikethrough = "strikethrough".withCString { cmark_find_syntax_extension($0) }
        let withoutStrikethrough = all.filter { $0 != strikethrough }
        let marking = cmark_parser_new(CMARK_OPT_DEFAULT)!
        for extensionPointer in withoutStrikethrough { cmark_parser_attach_syntax_extension(marking, extensionPointer) }
        cmark_manage_extensions_special_characters(marking, 1)
        cmark_parser_free(marking)
        for extensionPointer in withoutStrikethrough { cmark_syntax_extension_set_special_inline_chars(extensionPointer, nil) }
        return Extensions(all: all, withoutStrikethrough: withoutStrikethrough)
    }()

    /// Held while a piece holding `~` is parsed with strikethrough attached, the one extension whose character is
    /// still marked and unmarked per parser. A piece without `~` is parsed without strikethrough (which could not
    /// match in it) and without the lock, so pieces run at once on every core; they never read the table's `~`.
    ///
    /// A plain lock that puts a waiting thread to sleep (`NSLock`, a pthread mutex), not `Mutex`: on Linux `Mutex`
    /// is a priority-inheriting futex, whose waiters spin in the kernel while the owner runs.
    private static let strikethroughParsing = NSLock()

    /// The node types the extensions registered, read once they are.
    static let extensionTypes: (table: UInt32, strikethrough: UInt32) = {
        _ = extensions.all
        return (newsletterkit_table_type().rawValue, newsletterkit_strikethrough_type().rawValue)
    }()

    /// Parses UTF-8 bytes and hands the document node to `body`; the tree is given back (``CmarkArena``) when `body`
    /// returns.
    static func withDocument<Result>(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ body: (OpaquePointer) -> Result
    ) -> Result {
        // The document lives in this thread's arena and is given back with it, rather than freed node by node.
        let arena = CmarkArena.forThisThread
        let mark = arena.mark()
        defer { arena.rewind(to: mark) }
        let hasTilde = bytes.baseAddress.map { memchr($0, Int32(UInt8(ascii: "~")), bytes.count) != nil } ?? false
        if hasTilde { strikethroughParsing.lock() }
        let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, CmarkArena.allocator)!
        for extensionPointer in hasTilde ? extensions.all : extensions.withoutStrikethrough {
            cmark_parser_attach_syntax_extension(parser, extensionPointer)
        }
        if let base = bytes.baseAddress, !bytes.isEmpty {
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { cmark_parser_feed(parser, $0, bytes.count) }
        }
        let document = cmark_parser_finish(parser)!
        cmark_parser_free(parser)
        if hasTilde { strikethroughParsing.unlock() }
        return body(document)
    }
}
