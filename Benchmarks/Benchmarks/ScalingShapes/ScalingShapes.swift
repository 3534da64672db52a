import Benchmark
import Foundation
import NewsletterKit
import ScalingShapeDrafts

/// Each input shape that once cost the square of its size (issue 15: long lines with many problems, unclosed link
/// openers, the widest table and one past the limit, many fixes, a draft where every rule fires), at scales 1, 4 and
/// 16, checked (and for the fixing shapes fixed) through the library as the command-line tool does: bytes to
/// `SourceText`, decode, check or fix. Linear means about 4x per step in time, mallocs and memory; compare the
/// scales of one shape within one run. Heavy shapes are generated smaller than the script's files (the divisor in
/// each name), since the ratios, not the sizes, are the point here; Scripts/scaling-shapes.sh times the full sizes.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResidentDelta],
        timeUnits: .milliseconds,
        maxDuration: .seconds(5),
        maxIterations: 10
    )
    let adapter = BeehiivAdapter()
    let checker = EditorialChecker()

    for shape in ScalingShape.allCases {
        let divisor = switch shape {
        case .everyRule: 16
        case .mojibakeLine, .linkOpeners, .emptySections: 4
        default: 1
        }
        for scale in [1, 4, 16] {
            let bytes = Data(shape.draft(scale: scale, divisor: divisor).utf8)
            let name = "\(shape.rawValue) x\(scale) (\(bytes.count) bytes)"

            Benchmark("check \(name)") { benchmark in
                for _ in benchmark.scaledIterations {
                    do {
                        let source = try SourceText(data: bytes, path: "shape.md")
                        blackHole(checker.check(source, draft: try adapter.decodeDraft(source), format: adapter.identifier))
                    } catch {
                        // The over-wide table is refused while decoding; being refused quickly is what is measured.
                        blackHole(error)
                    }
                }
            }

            guard shape.isAboutFixing else { continue }
            Benchmark("fix \(name)") { benchmark in
                for _ in benchmark.scaledIterations {
                    let source = try SourceText(data: bytes, path: "shape.md")
                    blackHole(try checker.fix(source, format: adapter.identifier, decode: adapter.decodeDraft))
                }
            }
        }
    }
}
