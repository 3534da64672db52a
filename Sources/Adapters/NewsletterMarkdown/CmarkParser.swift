internal import CCmarkGFM

/// Runs cmark-gfm with the GitHub extensions NewsletterKit reads (tables, strikethrough, task lists).
///
/// The autolink extension is left out on purpose: it reports bare URLs at position 0:0 and shifts the text
/// around them, so bare URLs are found in the source by ``BareURLFinder`` instead, with exact ranges.
enum CmarkParser {
    /// Registers the core extensions once per process; Swift runs a global's initialiser exactly once, thread-safely.
    nonisolated(unsafe) private static let extensions: [OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        return ["table", "strikethrough", "tasklist"].compactMap { name in name.withCString { cmark_find_syntax_extension($0) } }
    }()

    /// Parses UTF-8 bytes and hands the document node to `body`; the tree is freed when `body` returns.
    static func withDocument<Result>(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ body: (OpaquePointer) -> Result
    ) -> Result {
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        defer { cmark_parser_free(parser) }
        for extensionPointer in extensions {
            cmark_parser_attach_syntax_extension(parser, extensionPointer)
        }
        if let base = bytes.baseAddress, !bytes.isEmpty {
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { cmark_parser_feed(parser, $0, bytes.count) }
        }
        let document = cmark_parser_finish(parser)!
        defer { cmark_node_free(document) }
        return body(document)
    }
}
