// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "NewsletterKit",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "NewsletterCore", targets: ["NewsletterCore"]),
        .library(name: "JSONAdapter", targets: ["JSONAdapter"]),
        .library(name: "NewsletterMarkdown", targets: ["NewsletterMarkdown"]),
        .library(name: "BeehiivAdapter", targets: ["BeehiivAdapter"]),
        .library(name: "NewsletterYAML", targets: ["NewsletterYAML"]),
        .library(name: "FrontMatterAdapter", targets: ["FrontMatterAdapter"]),
        .library(name: "EditorialChecks", targets: ["EditorialChecks"]),
        .library(name: "NewsletterKit", targets: ["NewsletterKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The domain, positions, the adapter protocol and mojibake repair: Swift and Foundation only.
        .target(name: "NewsletterCore"),

        // C libraries from the system, wrapped by the adapter layers; their C types never reach public API.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),

        // Format `json`: the canonical JSON form of an issue, read by a small strict reader that keeps key order and positions.
        .target(name: "JSONAdapter", dependencies: ["NewsletterCore"], path: "Sources/Adapters/JSONAdapter"),

        .testTarget(name: "NewsletterCoreTests", dependencies: ["NewsletterCore"]),
        .testTarget(name: "JSONAdapterTests", dependencies: ["JSONAdapter", "NewsletterCore"]),
        // The shared Markdown layer over cmark-gfm: headings, links and sections with exact source ranges.
        .target(
            name: "NewsletterMarkdown",
            dependencies: ["NewsletterCore", "CCmarkGFM"],
            path: "Sources/Adapters/NewsletterMarkdown"
        ),
        // beehiiv posts exported to Markdown.
        .target(
            name: "BeehiivAdapter",
            dependencies: ["NewsletterCore", "NewsletterMarkdown"],
            path: "Sources/Adapters/BeehiivAdapter"
        ),
        // YAML on libyaml: an ordered value tree with whole-file positions, the core schema, limits, and the emitter.
        .target(name: "NewsletterYAML", dependencies: ["NewsletterCore", "CYAML"], path: "Sources/Adapters/NewsletterYAML"),
        // Format `front-matter`: YAML front matter and a Markdown body.
        .target(
            name: "FrontMatterAdapter",
            dependencies: ["NewsletterCore", "NewsletterYAML"],
            path: "Sources/Adapters/FrontMatterAdapter"
        ),

        // The rule engine, the built-in rules and `.newsletterlint.yml` (read with NewsletterYAML); formats reach it
        // only as decoded issues.
        .target(name: "EditorialChecks", dependencies: ["NewsletterCore", "NewsletterYAML"]),
        // The all-in-one entry: the standard format registry and `NewsletterLint`, re-exporting the modules above.
        .target(
            name: "NewsletterKit",
            dependencies: ["NewsletterCore", "BeehiivAdapter", "JSONAdapter", "EditorialChecks"]
        ),

        // The editorial checker command-line tool; public API only, so it doubles as the embedding example.
        .executableTarget(
            name: "editorial-check",
            dependencies: [
                "NewsletterCore", "BeehiivAdapter", "FrontMatterAdapter", "JSONAdapter", "EditorialChecks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Examples/EditorialChecker"
        ),

        .testTarget(name: "NewsletterMarkdownTests", dependencies: ["NewsletterMarkdown", "NewsletterCore"]),
        .testTarget(name: "BeehiivAdapterTests", dependencies: ["BeehiivAdapter", "NewsletterMarkdown", "NewsletterCore"]),
        .testTarget(name: "NewsletterYAMLTests", dependencies: ["NewsletterYAML"]),
        .testTarget(name: "FrontMatterAdapterTests", dependencies: ["FrontMatterAdapter", "NewsletterYAML"]),
        .testTarget(name: "EditorialChecksTests", dependencies: ["EditorialChecks", "NewsletterKit"]),
        // Runs the built editorial-check as a subprocess; depending on it makes `swift test` build it first
        // (and lets the tests reach its atomic writer with @testable import).
        .testTarget(
            name: "EditorialCheckerTests",
            dependencies: ["editorial-check", "EditorialChecks", "NewsletterCore"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
