// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "NewsletterKit",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "NewsletterCore", targets: ["NewsletterCore"]),
        .library(name: "NewsletterYAML", targets: ["NewsletterYAML"]),
        .library(name: "FrontMatterAdapter", targets: ["FrontMatterAdapter"]),
        .library(name: "EditorialChecks", targets: ["EditorialChecks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
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

        .testTarget(name: "NewsletterCoreTests", dependencies: ["NewsletterCore"]),
        .testTarget(name: "NewsletterYAMLTests", dependencies: ["NewsletterYAML"]),
        .testTarget(name: "FrontMatterAdapterTests", dependencies: ["FrontMatterAdapter", "NewsletterYAML"]),
        .testTarget(name: "EditorialChecksTests", dependencies: ["EditorialChecks", "FrontMatterAdapter"]),
    ],
    swiftLanguageModes: [.v6]
)
