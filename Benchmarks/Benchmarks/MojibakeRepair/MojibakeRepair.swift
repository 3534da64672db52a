import Benchmark
import MojibakeCorpusFiles
import NewsletterCore

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        warmupIterations: 2,
        maxDuration: .seconds(5),
        maxIterations: 1_000
    )

    let size = 5 * 1024 * 1024
    let clean = NewsletterTextGenerator.clean(byteCount: size)
    let mangled = NewsletterTextGenerator.mangled(byteCount: size).text
    precondition(Mojibake.repair(clean).edits.isEmpty && !Mojibake.repair(mangled).edits.isEmpty)

    for (name, text) in [("clean", clean), ("5% mangled", mangled)] {
        // Throughput is repairs per second of a 5 MB text: multiply by 5.24 for MB/s.
        Benchmark("Mojibake.repair, 5 MB \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(Mojibake.repair(text))
            }
        }
        // The floor in the same run: validating the same bytes as UTF-8 by decoding every scalar.
        Benchmark("UTF-8 scalar count (floor), 5 MB \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(text.unicodeScalars.count)
            }
        }
    }
}
