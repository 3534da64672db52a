// swift-tools-version: 6.1
import PackageDescription

// Benchmarks are a separate package so that benchmark-only dependencies (package-benchmark) never reach
// the library's users. Run: swift package --allow-writing-to-package-directory benchmark --target <Name>
let package = Package(
    name: "NewsletterKitBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "NewsletterKit", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The same system cmark-gfm the library wraps, reached directly for the bare-parse baseline
        // (the library's own C module is not a product, so it cannot be imported from here).
        .systemLibrary(
            name: "CmarkBaseline",
            path: "Sources/CmarkBaseline",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        // BeehiivAdapter.decode on a generated ~1 MB issue against cmark-gfm parsing the same text, in the same run.
        .executableTarget(
            name: "BeehiivDecoding",
            dependencies: [
                "CmarkBaseline",
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "BeehiivAdapter", package: "NewsletterKit"),
                .product(name: "NewsletterCore", package: "NewsletterKit"),
            ],
            path: "Benchmarks/BeehiivDecoding",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ]
)
