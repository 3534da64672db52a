import Benchmark
import NewsletterKit

/// Checking with every offline rule against decoding the same drafts, in the same run: the checks must not
/// dominate parsing (target: checking costs at most 3x decoding).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(5),
        maxIterations: 10
    )

    var generator = DraftGenerator(seed: 7)
    let large = SourceText(generator.draft(bytes: 1_000_000), path: "large.md")
    let small = (0..<1_000).map { SourceText(generator.draft(bytes: 20_000), path: "draft-\($0).md") }
    let adapter = BeehiivAdapter()
    let checker = EditorialChecker()
    let largeDraft = try! adapter.decodeDraft(large)
    let smallDrafts = small.map { try! adapter.decodeDraft($0) }

    Benchmark("Decode 1 MB draft") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try adapter.decodeDraft(large))
        }
    }
    Benchmark("Check 1 MB draft (all offline rules)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(checker.check(large, draft: largeDraft, format: "beehiiv"))
        }
    }
    Benchmark("Decode 1,000 drafts of 20 KB") { benchmark in
        for _ in benchmark.scaledIterations {
            for source in small { blackHole(try adapter.decodeDraft(source)) }
        }
    }
    Benchmark("Check 1,000 drafts of 20 KB (all offline rules)") { benchmark in
        for _ in benchmark.scaledIterations {
            for (source, draft) in zip(small, smallDrafts) {
                blackHole(checker.check(source, draft: draft, format: "beehiiv"))
            }
        }
    }
}
