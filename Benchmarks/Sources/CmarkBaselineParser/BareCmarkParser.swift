import CmarkBaseline

/// cmark-gfm parsing alone, the baseline the Markdown benchmarks divide by: the parser NewsletterKit runs, with the
/// same options and the same extensions attached (the library's `CmarkParser.extensionNames`, which is not public),
/// building and freeing the document and nothing more.
public enum BareCmarkParser {
    /// The GitHub extensions the library attaches, in its order.
    public static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// Registered once per process, as the library does; the pointers are process-wide constants after that.
    nonisolated(unsafe) private static let extensions: [OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        let found = extensionNames.compactMap { name in name.withCString { cmark_find_syntax_extension($0) } }
        precondition(found.count == extensionNames.count, "cmark-gfm lacks one of \(extensionNames)")
        return found
    }()

    /// Parses `bytes` as the library does and frees the document; returns the number of top-level blocks, so that
    /// the work is observable.
    @discardableResult
    public static func parse(_ bytes: [UInt8]) -> Int {
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)
        defer { cmark_parser_free(parser) }
        for syntaxExtension in extensions {
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        let document = cmark_parser_finish(parser)
        defer { cmark_node_free(document) }
        var blocks = 0
        var child = cmark_node_first_child(document)
        while let node = child {
            blocks += 1
            child = cmark_node_next(node)
        }
        return blocks
    }
}
