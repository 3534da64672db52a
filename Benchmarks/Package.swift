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
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
    ],
    targets: [
        // User patterns (TextPattern, linear time) on tracking URLs of 1x, 4x and 16x length against
        // NSRegularExpression on the same patterns, and `(a+)+$` on a runaway URL (ours only), in the same run.
        .executableTarget(
            name: "PatternMatching",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "EditorialChecks", package: "NewsletterKit"),
            ],
            path: "Benchmarks/PatternMatching",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
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
        // The deterministic newsletter text (clean, and with about 5% of its characters mangled) that the
        // mojibake benchmark and the ftfy comparison script both measure.
        .target(
            name: "MojibakeCorpusFiles",
            dependencies: [.product(name: "MojibakeRepair", package: "NewsletterKit")],
            path: "Sources/MojibakeCorpusFiles"
        ),
        // The Swift half of Scripts/ftfy-baseline.sh (`write` creates the two files, `time` repairs them) and of
        // Scripts/ftfy-test-cases.sh (`repair-json` repairs a JSON array of strings).
        .executableTarget(
            name: "MojibakeFiles",
            dependencies: ["MojibakeCorpusFiles", .product(name: "MojibakeRepair", package: "NewsletterKit")],
            path: "Sources/MojibakeFiles"
        ),
        // Mojibake.repair and repair(utf8:) on 5 MB of clean and of mangled newsletter text, and on a 10 MB line of
        // mangled tokens, against a plain UTF-8 pass over the same bytes; and the single line at 1, 4 and 16 MB, whose
        // time and memory must grow fourfold per step. (Not named MojibakeRepair: that is the library's module.)
        .executableTarget(
            name: "MojibakeThroughput",
            dependencies: [
                "MojibakeCorpusFiles",
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "MojibakeRepair", package: "NewsletterKit"),
            ],
            path: "Benchmarks/MojibakeThroughput",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // The same system cmark-gfm the library wraps, reached directly for the bare-parse baseline
        // (the library's own C module is not a product, so it cannot be imported from here).
        .systemLibrary(
            name: "CmarkBaseline",
            path: "Sources/CmarkBaseline",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        // cmark-gfm parsing alone with the library's options and extensions: the baseline of the Markdown benchmarks.
        .target(
            name: "CmarkBaselineParser",
            dependencies: ["CmarkBaseline"],
            path: "Sources/CmarkBaselineParser"
        ),
        // BeehiivAdapter.decodeDraft on a generated ~1 MB issue against cmark-gfm parsing the same text, in the same run.
        .executableTarget(
            name: "BeehiivDecoding",
            dependencies: [
                "CmarkBaselineParser",
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "BeehiivAdapter", package: "NewsletterKit"),
                .product(name: "NewsletterCore", package: "NewsletterKit"),
            ],
            path: "Benchmarks/BeehiivDecoding",
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
        // Drafts shaped like real beehiiv exports, by seed and size, for the benchmarks and for folders of drafts.
        .target(
            name: "ExportShapedDrafts",
            path: "Sources/ExportShapedDrafts"
        ),
        // `ExportShapedDraftFiles DIR [COUNT] [SEED] [BYTES]` writes a folder of export-shaped drafts.
        .executableTarget(
            name: "ExportShapedDraftFiles",
            dependencies: ["ExportShapedDrafts"],
            path: "Sources/ExportShapedDraftFiles"
        ),
        // On a ~1 MB export-shaped draft, in one run: bare cmark-gfm parse, decodeDraft, and decodeDraft + all offline rules.
        .executableTarget(
            name: "ExportShapedChecking",
            dependencies: [
                "CmarkBaselineParser",
                "ExportShapedDrafts",
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "NewsletterKit", package: "NewsletterKit"),
            ],
            path: "Benchmarks/ExportShapedChecking",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // Keystroke-to-diagnostics latency of the language server on a ~1 MB export-shaped draft, against decoding and
        // checking the same text in process, in the same run.
        .executableTarget(
            name: "LanguageServerLatency",
            dependencies: [
                "ExportShapedDrafts",
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "NewsletterKit", package: "NewsletterKit"),
                .product(name: "JSONRPC", package: "NewsletterKit"),
                .product(name: "EditorialLanguageServer", package: "NewsletterKit"),
            ],
            path: "Benchmarks/LanguageServerLatency",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // `CmarkFileParsing PATH...`: cmark-gfm alone over files and folders, the baseline of Scripts/folder-check.sh.
        .executableTarget(
            name: "CmarkFileParsing",
            dependencies: ["CmarkBaselineParser"],
            path: "Sources/CmarkFileParsing"
        ),
        // One stage of ExportShapedChecking in a loop, as a plain process for perf or callgrind.
        .executableTarget(
            name: "ExportShapedProfiling",
            dependencies: [
                "CmarkBaselineParser",
                "ExportShapedDrafts",
                .product(name: "NewsletterKit", package: "NewsletterKit"),
            ],
            path: "Sources/ExportShapedProfiling"
        ),
        // Loopback HTTP servers that answer every request after a fixed latency: the hosts of the link benchmarks.
        .target(
            name: "LoopbackHosts",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Sources/LoopbackHosts"
        ),
        // The two halves of Scripts/link-check-benchmark.sh: `serve` runs the hosts in a process of their own,
        // `check` runs LinkChecker over a URL file, so that LinkChecker and lychee meet the same servers.
        .executableTarget(
            name: "LinkCheckLoad",
            dependencies: [
                "LoopbackHosts",
                .product(name: "LinkChecker", package: "NewsletterKit"),
                .product(name: "NewsletterCore", package: "NewsletterKit"),
            ],
            path: "Sources/LinkCheckLoad"
        ),
        // LinkChecker on 1,000 URLs over 20 loopback hosts against the floor ceil(N/C)*L, in the same run.
        .executableTarget(
            name: "LinkChecking",
            dependencies: [
                "LoopbackHosts",
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "LinkChecker", package: "NewsletterKit"),
                .product(name: "NewsletterCore", package: "NewsletterKit"),
            ],
            path: "Benchmarks/LinkChecking",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // The input shapes of issue 15 (long lines full of problems, unclosed link openers, the widest table and one
        // past the limit, many fixes, every rule firing) as drafts at a scale, for the benchmark and the script.
        .target(
            name: "ScalingShapeDrafts",
            path: "Sources/ScalingShapeDrafts"
        ),
        // `ScalingShapeFiles DIR [SCALE...]` writes every shape at scales 1, 4, 16: the files of Scripts/scaling-shapes.sh.
        .executableTarget(
            name: "ScalingShapeFiles",
            dependencies: ["ScalingShapeDrafts"],
            path: "Sources/ScalingShapeFiles"
        ),
        // Check (and fix) of every shape at scales 1, 4 and 16 through the library, as the tool does: the ratio per 4x step.
        .executableTarget(
            name: "ScalingShapes",
            dependencies: [
                "ScalingShapeDrafts",
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "NewsletterKit", package: "NewsletterKit"),
            ],
            path: "Benchmarks/ScalingShapes",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ]
)
