import BeehiivAdapter
import Benchmark
import CmarkBaseline
import NewsletterCore

/// Decoding a ~1 MB beehiiv export against cmark-gfm parsing the same bytes alone (same extensions), in one run.
/// The decode does that same parse plus everything NewsletterKit adds: exact link ranges, bare URLs, reference
/// definitions, sections and the ``Issue`` itself. Target: decode at most 1.5x the bare parse; memory under 10x the input.
let benchmarks: @Sendable () -> Void = {
    let text = GeneratedBeehiivIssue.text(minimumBytes: 1_000_000)
    let source = SourceText(text, path: "generated.md")
    let bytes = Array(text.utf8)
    let adapter = BeehiivAdapter()
    cmark_gfm_core_extensions_ensure_registered()
    let extensions = ["table", "strikethrough", "tasklist"].compactMap { name in name.withCString { cmark_find_syntax_extension($0) } }

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .mallocBytesCount, .peakMemoryResidentDelta],
        timeUnits: .milliseconds,
        maxDuration: .seconds(10),
        maxIterations: 50
    )

    Benchmark("cmark-gfm parse (baseline), \(bytes.count) bytes") { benchmark in
        for _ in benchmark.scaledIterations {
            let parser = cmark_parser_new(CMARK_OPT_DEFAULT)
            for syntaxExtension in extensions { cmark_parser_attach_syntax_extension(parser, syntaxExtension) }
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            }
            let document = cmark_parser_finish(parser)
            blackHole(document)
            cmark_node_free(document)
            cmark_parser_free(parser)
        }
    }

    Benchmark("BeehiivAdapter.decode, \(bytes.count) bytes") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try adapter.decode(source))
        }
    }
}
