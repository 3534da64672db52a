import Benchmark
import Foundation
import MojibakeCorpusFiles
import MojibakeRepair

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
    let line = NewsletterTextGenerator.singleMangledLine(byteCount: 2 * size)
    precondition(Mojibake.repair(clean).edits.isEmpty && !Mojibake.repair(mangled).edits.isEmpty)
    // One text, so the benchmark gives it every processor, as `editorial-check fix-mojibake` does.
    let parallelism = Mojibake.Parallelism.concurrent(threads: ProcessInfo.processInfo.activeProcessorCount)

    for (name, text) in [("5 MB clean", clean), ("5 MB 5% mangled", mangled), ("10 MB single line", line)] {
        // Throughput is repairs per second of the text: multiply by its size in MB for MB/s.
        Benchmark("Mojibake.repair, \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(Mojibake.repair(text, parallelism: parallelism))
            }
        }
        Benchmark("Mojibake.repair sequential, \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(Mojibake.repair(text))
            }
        }
        // The floor in the same run: validating the same bytes as UTF-8 by decoding every scalar.
        Benchmark("UTF-8 scalar count (floor), \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(text.unicodeScalars.count)
            }
        }
        // The byte-level repair `editorial-check fix-mojibake` runs, from UTF-8 in memory to pieces handed over.
        Benchmark("Mojibake.repair(utf8:), \(name)") { benchmark in
            var bytes = text
            bytes.withUTF8 { utf8 in
                for _ in benchmark.scaledIterations {
                    var written = 0
                    try? Mojibake.repair(utf8: UnsafeRawBufferPointer(utf8), parallelism: parallelism) { piece, _ in written += piece.count }
                    blackHole(written)
                }
            }
        }
    }

    // Linear in the length of one line, whatever it holds: the single mangled line at 1x, 4x and 16x, time and
    // peak memory each about four times the last.
    for megabytes in [1, 4, 16] {
        let line = NewsletterTextGenerator.singleMangledLine(byteCount: megabytes * 1024 * 1024)
        Benchmark(
            "Mojibake.repair sequential, single line \(megabytes) MB",
            configuration: .init(metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], maxIterations: 20)
        ) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(Mojibake.repair(line))
            }
        }
    }
}
