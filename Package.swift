// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "NewsletterKit",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "NewsletterCore", targets: ["NewsletterCore"]),
        .library(name: "MojibakeRepair", targets: ["MojibakeRepair"]),
        .library(name: "NewsletterMarkdown", targets: ["NewsletterMarkdown"]),
        .library(name: "NewsletterYAML", targets: ["NewsletterYAML"]),
        .library(name: "BeehiivAdapter", targets: ["BeehiivAdapter"]),
        .library(name: "FrontMatterAdapter", targets: ["FrontMatterAdapter"]),
        .library(name: "JSONAdapter", targets: ["JSONAdapter"]),
        .library(name: "EditorialChecks", targets: ["EditorialChecks"]),
        .library(name: "LinkChecker", targets: ["LinkChecker"]),
        .library(name: "LinkCheckRules", targets: ["LinkCheckRules"]),
        .library(name: "NewsletterKit", targets: ["NewsletterKit"]),
        .library(name: "DiagnosticReporting", targets: ["DiagnosticReporting"]),
        .library(name: "EditorialCheckerCLI", targets: ["EditorialCheckerCLI"]),
        .library(name: "JSONRPC", targets: ["JSONRPC"]),
        .library(name: "EditorialLanguageServer", targets: ["EditorialLanguageServer"]),
        .library(name: "NewsletterKitTesting", targets: ["NewsletterKitTesting"]),
        .executable(name: "editorial-check", targets: ["editorial-check"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
    ],
    targets: [
        // The domain, positions and the adapter protocol: Swift and Foundation only.
        .target(name: "NewsletterCore"),
        // Mojibake detection and repair, imported alone to repair text; it needs only source text and positions from
        // the core, and the core never calls it.
        .target(name: "MojibakeRepair", dependencies: ["NewsletterCore"]),

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
        // glibc's allocator settings, which the checker's process sets (part of the C library: nothing to install).
        .systemLibrary(name: "CGlibcMalloc"),

        // The shared Markdown layer over cmark-gfm: headings, links and sections with exact source ranges.
        .target(
            name: "NewsletterMarkdown",
            dependencies: ["NewsletterCore", "CCmarkGFM"],
            path: "Sources/Adapters/NewsletterMarkdown"
        ),
        // YAML on libyaml: an ordered value tree with whole-file positions, the core schema, limits, and the emitter.
        .target(name: "NewsletterYAML", dependencies: ["NewsletterCore", "CYAML"], path: "Sources/Adapters/NewsletterYAML"),
        // Format `beehiiv`: beehiiv posts exported to Markdown.
        .target(
            name: "BeehiivAdapter",
            dependencies: ["NewsletterCore", "NewsletterMarkdown"],
            path: "Sources/Adapters/BeehiivAdapter"
        ),
        // Format `front-matter`: YAML front matter and a Markdown body.
        .target(
            name: "FrontMatterAdapter",
            dependencies: ["NewsletterCore", "NewsletterYAML", "NewsletterMarkdown"],
            path: "Sources/Adapters/FrontMatterAdapter"
        ),
        // Format `json`: the canonical JSON form of an issue, read by a small strict reader that keeps key order and positions.
        .target(name: "JSONAdapter", dependencies: ["NewsletterCore"], path: "Sources/Adapters/JSONAdapter"),

        // User patterns (placeholder patterns, link excludes) matched in time linear in the text: a small regular
        // expression engine with no backtracking, shared by the rules and the link checker. Swift only; not a product.
        .target(name: "NewsletterPatterns"),

        // The rule engine, the built-in rules and `.newsletterlint.yml` (read with NewsletterYAML); formats reach it
        // only as decoded issues.
        .target(name: "EditorialChecks", dependencies: ["NewsletterCore", "MojibakeRepair", "NewsletterYAML", "NewsletterPatterns"]),
        // Network link checking on AsyncHTTPClient, kept out of the core so that core users do not pull in SwiftNIO.
        .target(
            name: "LinkChecker",
            dependencies: [
                "NewsletterCore", "NewsletterPatterns",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // The `broken-link` rule: link checker results as diagnostics, and `link_check` configuration.
        .target(name: "LinkCheckRules", dependencies: ["LinkChecker", "EditorialChecks", "NewsletterYAML", "NewsletterPatterns"]),
        // The all-in-one entry: the standard format registry and `NewsletterLint`, re-exporting the modules above.
        .target(
            name: "NewsletterKit",
            dependencies: [
                "NewsletterCore", "MojibakeRepair", "BeehiivAdapter", "FrontMatterAdapter", "JSONAdapter", "EditorialChecks",
            ]
        ),
        // For test targets of rules and adapters, ours and third parties': rule examples and adapter round trips
        // verified in one call from Swift Testing (the verification itself is test-framework-free).
        .target(name: "NewsletterKitTesting", dependencies: ["NewsletterKit", "NewsletterCore", "EditorialChecks"]),

        // Diagnostics as compiler-style text, JSON, SARIF and GitHub annotations, streamed as files finish.
        .target(name: "DiagnosticReporting", dependencies: ["NewsletterCore", "EditorialChecks"]),
        // JSON-RPC 2.0 with the Language Server Protocol's Content-Length framing: messages, ids, errors, frames
        // read incrementally within limits. Foundation only.
        .target(name: "JSONRPC"),
        // The language server: diagnostics, code actions and link checks on save for drafts open in an editor,
        // over any formats and rules.
        .target(
            name: "EditorialLanguageServer",
            dependencies: ["JSONRPC", "NewsletterKit", "NewsletterCore", "EditorialChecks", "LinkChecker", "LinkCheckRules", "DiagnosticReporting"]
        ),
        // The checker's commands, flags, outputs and exit codes as a library: `EditorialCheckTool` builds a checker
        // executable, ours or a third party's with its own formats and rules added.
        .target(
            name: "EditorialCheckerCLI",
            dependencies: [
                "NewsletterKit", "MojibakeRepair", "LinkCheckRules", "DiagnosticReporting", "EditorialLanguageServer",
                "CGlibcMalloc", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The editorial checker command-line tool: `EditorialCheckTool` with the standard formats and rules.
        .executableTarget(name: "editorial-check", dependencies: ["EditorialCheckerCLI"], path: "Examples/EditorialChecker"),

        // Generators shared by the test targets (seeded randomness); not a product.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // The loopback HTTP server the link-checking tests run against (127.0.0.1 only); not a product.
        .target(
            name: "FixtureHTTPServer",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/FixtureHTTPServer"
        ),

        .testTarget(name: "NewsletterCoreTests", dependencies: ["NewsletterCore", "TestSupport"]),
        .testTarget(name: "MojibakeRepairTests", dependencies: ["MojibakeRepair", "NewsletterCore", "TestSupport"]),
        .testTarget(name: "NewsletterMarkdownTests", dependencies: ["NewsletterMarkdown", "NewsletterCore", "CCmarkGFM", "TestSupport"]),
        .testTarget(name: "NewsletterPatternsTests", dependencies: ["NewsletterPatterns"]),
        .testTarget(name: "NewsletterYAMLTests", dependencies: ["NewsletterYAML"]),
        .testTarget(
            name: "BeehiivAdapterTests", dependencies: ["BeehiivAdapter", "NewsletterMarkdown", "NewsletterCore", "NewsletterKitTesting", "TestSupport"]
        ),
        .testTarget(name: "FrontMatterAdapterTests", dependencies: ["FrontMatterAdapter", "NewsletterYAML", "NewsletterKitTesting"]),
        .testTarget(
            name: "JSONAdapterTests", dependencies: ["JSONAdapter", "MojibakeRepair", "NewsletterCore", "NewsletterKitTesting", "TestSupport"]
        ),
        .testTarget(
            name: "ConversionTests",
            dependencies: ["BeehiivAdapter", "FrontMatterAdapter", "JSONAdapter", "NewsletterCore"]
        ),
        .testTarget(name: "EditorialChecksTests", dependencies: ["EditorialChecks", "NewsletterKit", "NewsletterKitTesting", "TestSupport"]),
        .testTarget(
            name: "LinkCheckerTests",
            dependencies: [
                "LinkChecker", "LinkCheckRules", "FixtureHTTPServer",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "JSONRPCTests", dependencies: ["JSONRPC"]),
        .testTarget(
            name: "EditorialLanguageServerTests",
            dependencies: [
                "EditorialLanguageServer", "JSONRPC", "NewsletterKit", "NewsletterCore", "EditorialChecks", "LinkChecker",
                "EditorialCheckerCLI", "FixtureHTTPServer",
            ]
        ),
        .testTarget(name: "DiagnosticReportingTests", dependencies: ["DiagnosticReporting", "EditorialChecks", "NewsletterCore", "TestSupport"]),
        // Runs the built `editorial-check` (hence the dependency on the executable) and `EditorialCheckTool` in process.
        .testTarget(
            name: "EditorialCheckerTests",
            dependencies: [
                "editorial-check", "EditorialCheckerCLI", "DiagnosticReporting", "EditorialChecks", "NewsletterCore",
                "TestSupport", "FixtureHTTPServer", "JSONRPC", "CGlibcMalloc",
            ],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
