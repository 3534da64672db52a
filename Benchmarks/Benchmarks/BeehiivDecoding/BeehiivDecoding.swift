import BeehiivAdapter
import Benchmark
import CmarkBaselineParser
import NewsletterCore

/// Decoding a ~1 MB beehiiv export against cmark-gfm parsing the same bytes alone (same extensions), in one run.
/// The decode does that same parse plus everything NewsletterKit adds: the syntax tree with an exact range for every
/// node, and the ``Issue`` derived from it (header, sections, links, bare URLs). Target: decode at most 1.5x the bare
/// parse; memory under 10x the input.
let benchmarks: @Sendable () -> Void = {
    let text = GeneratedBeehiivIssue.text(minimumBytes: 1_000_000)
    let source = SourceText(text, path: "generated.md")
    let bytes = Array(text.utf8)
    let adapter = BeehiivAdapter()

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .mallocBytesCount, .peakMemoryResidentDelta],
        timeUnits: .milliseconds,
        maxDuration: .seconds(10),
        maxIterations: 50
    )

    Benchmark("cmark-gfm parse (baseline), \(bytes.count) bytes") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(BareCmarkParser.parse(bytes))
        }
    }

    Benchmark("BeehiivAdapter.decodeDraft, \(bytes.count) bytes") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try adapter.decodeDraft(source))
        }
    }
}
