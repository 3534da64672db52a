import CmarkBaselineParser
import ExportShapedDrafts
import Foundation
import NewsletterKit

// `ExportShapedProfiling parse|decode|check [ITERATIONS] [BYTES]` runs one stage of ExportShapedChecking on the same
// export-shaped draft (seed 13, 1 MB by default) ITERATIONS times (default 20) and prints the median wall-clock and
// the mean CPU milliseconds: a plain process for `perf record` or `valgrind --tool=callgrind` to look into, which
// the benchmark harness is not.
let arguments = Array(CommandLine.arguments.dropFirst())
guard let stage = arguments.first, ["parse", "decode", "check"].contains(stage),
      let iterations = arguments.count > 1 ? Int(arguments[1]) : 20, iterations > 0,
      let size = arguments.count > 2 ? Int(arguments[2]) : 1_000_000
else {
    FileHandle.standardError.write(Data("usage: ExportShapedProfiling parse|decode|check [ITERATIONS] [BYTES]\n".utf8))
    exit(2)
}

let text = ExportShapedDrafts.draft(seed: 13, bytes: size)
let source = SourceText(text, path: "export-shaped.md")
let bytes = Array(text.utf8)
let adapter = BeehiivAdapter()
let checker = EditorialChecker()

var wallClock: [Duration] = []
let timer = ContinuousClock()
let cpuStart = clock_t(clock())
for _ in 0..<iterations {
    let start = timer.now
    switch stage {
    case "parse":
        BareCmarkParser.parse(bytes)
    case "decode":
        _ = try adapter.decodeDraft(source)
    default:
        _ = checker.check(source, draft: try adapter.decodeDraft(source), format: "beehiiv")
    }
    wallClock.append(timer.now - start)
}
let cpuMilliseconds = Double(clock_t(clock()) - cpuStart) / Double(CLOCKS_PER_SEC) * 1000 / Double(iterations)
let median = wallClock.sorted()[wallClock.count / 2]
print(String(format: "%@\t%d bytes\tp50 wall %.2f ms\tmean CPU %.2f ms", stage, bytes.count, Double(median.components.attoseconds) / 1e15 + Double(median.components.seconds) * 1000, cpuMilliseconds))
