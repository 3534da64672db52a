// swift-tools-version:6.0
// libFuzzer targets for NewsletterKit. Built on their own, with the sanitizer flags on the command line so that
// the library under test is instrumented too; `Fuzz/Scripts/fuzz.sh` builds and runs them (see Fuzz/README.md).
import PackageDescription

/// One executable per fuzz target; each names its `<module>_main` entry point after itself.
let targets = [
    "FuzzBeehiivDecode", "FuzzFrontMatterDecode", "FuzzJSONDecode", "FuzzConfiguration",
    "FuzzMojibakeRepair", "FuzzCheckAndFix", "FuzzConversion",
]

let package = Package(
    name: "NewsletterKitFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "NewsletterKit", path: "..")],
    targets: [
        // libFuzzer's `LLVMFuzzerRunDriver`, declared for Swift; libFuzzer itself comes with -sanitize=fuzzer.
        .target(name: "CFuzzerDriver"),
        // The library's test generators (seeded randomness, adversarial Markdown), shared through a link to Tests/TestSupport.
        .target(name: "TestSupport"),
        // The checks each target runs, the invariant bookkeeping and the seed corpora.
        .target(
            name: "FuzzSupport",
            dependencies: [
                "CFuzzerDriver",
                "TestSupport",
                .product(name: "NewsletterKit", package: "NewsletterKit"),
                .product(name: "NewsletterCore", package: "NewsletterKit"),
            ]
        ),
    ] + targets.map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport", "CFuzzerDriver"])
    },
    swiftLanguageModes: [.v6]
)
