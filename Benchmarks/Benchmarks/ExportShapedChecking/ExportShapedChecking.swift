import Benchmark
import CmarkBaselineParser
import ExportShapedDrafts
import NewsletterKit

/// A ~1 MB draft shaped like a real beehiiv export (``ExportShapedDrafts``: long lines of links, `\` breaks, `|`
/// link bars, `######` taglines, poll tables, emoji and CJK), in one run: cmark-gfm parsing the bytes alone with the
/// library's extensions (the baseline), `BeehiivAdapter.decodeDraft` (that parse, the syntax tree with exact ranges,
/// and the issue derived from it), and decoding followed by checking with every offline rule.
/// Targets (issue 13): decode at most 1.5x the bare parse, decode and check at most 3x.
let benchmarks: @Sendable () -> Void = {
    let text = ExportShapedDrafts.draft(seed: 13, bytes: 1_000_000)
    let source = SourceText(text, path: "export-shaped.md")
    let bytes = Array(text.utf8)
    let adapter = BeehiivAdapter()
    let checker = EditorialChecker()

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResidentDelta],
        timeUnits: .milliseconds,
        maxDuration: .seconds(10),
        maxIterations: 50
    )

    Benchmark("cmark-gfm parse (baseline), export-shaped \(bytes.count) bytes") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(BareCmarkParser.parse(bytes))
        }
    }

    Benchmark("BeehiivAdapter.decodeDraft, export-shaped \(bytes.count) bytes") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try adapter.decodeDraft(source))
        }
    }

    Benchmark("decodeDraft + check (all offline rules), export-shaped \(bytes.count) bytes") { benchmark in
        for _ in benchmark.scaledIterations {
            let draft = try adapter.decodeDraft(source)
            blackHole(checker.check(source, draft: draft, format: "beehiiv"))
        }
    }
}
