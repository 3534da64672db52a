// swift-tools-version: 6.1
import PackageDescription

// Benchmarks are a separate package so that benchmark-only dependencies (package-benchmark, Yams) never reach
// the library's users. Run: swift package --allow-writing-to-package-directory benchmark --target <Name>
let package = Package(
    name: "NewsletterKitBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "NewsletterKit", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        // The YAML baseline: Yams wraps its own copy of libyaml and builds a node tree, as NewsletterYAML does.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // NewsletterYAML against Yams on the same front matter, in the same run.
        .executableTarget(
            name: "YAMLParsing",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "NewsletterCore", package: "NewsletterKit"),
                .product(name: "NewsletterYAML", package: "NewsletterKit"),
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Benchmarks/YAMLParsing",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // Every offline rule against decoding the same generated drafts (1 MB, and 1,000 of 20 KB), in the same run.
        .executableTarget(
            name: "RuleChecking",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "NewsletterKit", package: "NewsletterKit"),
            ],
            path: "Benchmarks/RuleChecking",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ]
)
