// User patterns as the link rules run them (TextPattern.firstMatch on one URL) against NSRegularExpression on the
// same pattern and URL, at 1x, 4x and 16x the URL's length: the ratio per pattern is the comparison, and the steps
// between lengths show the time growing linearly. `(a+)+$` on a runaway URL is measured for TextPattern alone, since
// NSRegularExpression does not finish on it.
import Benchmark
import EditorialChecks
import Foundation

/// A tracking URL as newsletters carry them, its query repeated `scale` times (1x is about 240 characters).
private func trackingURL(scale: Int) -> String {
    let query = (0..<scale).map { index in
        "utm_source=weekly-picks-\(index)&utm_medium=email&utm_campaign=issue-42&ref=abcdef0123456789&_bhlid=5f1e2d3c4b5a69788796a5b4c3d2e1f0"
    }.joined(separator: "&")
    return "https://flight.beehiiv.net/v2/clicks/eyJhbGciOiJIUzI1NiJ9.payload/redirect/www.example.org/articles/2024/02/tools?\(query)"
}

/// A URL that ends in a long run of `a` and a character `(a+)+$` cannot end on: exponential for a backtracking
/// engine, so only the linear engine is measured on it.
private func runawayURL(scale: Int) -> String {
    "https://example.test/" + String(repeating: "a", count: 240 * scale - 22) + "!"
}

/// Patterns users write in `.newsletterlint.yml`, safe for a backtracking engine: the baseline runs them too.
private let typicalPatterns = [
    "^https://flight\\.beehiiv\\.net/",
    "utm_[a-z]+=[^&]*",
    "\\bFIXME\\b",
    "(?i)\\{\\{[^}]*\\}\\}",
    "[?&]ref=\\w+$",
]

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput],
        warmupIterations: 10,
        maxDuration: .seconds(2),
        maxIterations: 100_000
    )

    for scale in [1, 4, 16] {
        let runaway = runawayURL(scale: scale)
        let nested = TextPattern("(a+)+$")!
        precondition(nested.firstMatch(in: runaway) == nil)
        Benchmark("TextPattern (a+)+$, runaway URL \(scale)x") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(nested.firstMatch(in: runaway))
            }
        }

        let url = trackingURL(scale: scale)
        for pattern in typicalPatterns {
            let ours = TextPattern(pattern)!
            let icu = try! NSRegularExpression(pattern: pattern)
            let whole = NSRange(url.startIndex..., in: url)
            // Both engines must find the same match, or the comparison means nothing.
            precondition(ours.firstMatch(in: url) == icu.firstMatch(in: url, range: whole).flatMap { Range($0.range, in: url) })
            Benchmark("TextPattern \(pattern), URL \(scale)x") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(ours.firstMatch(in: url))
                }
            }
            Benchmark("NSRegularExpression \(pattern), URL \(scale)x") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(icu.firstMatch(in: url, range: whole))
                }
            }
        }
    }
}
