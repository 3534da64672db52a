// swift-tools-version: 6.1
import PackageDescription

// What a third party writes to extend NewsletterKit without copying its internals: a format adapter (JSON Feed), a
// rule (every external link carries `utm_source`), both verified through NewsletterKitTesting, and a checker
// executable with every subcommand, flag and exit code of `editorial-check`. It depends on the library by path, as
// a package in the same repository would; CI builds it, tests it and runs the checker on `Drafts/`.
let package = Package(
    name: "PluginExample",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "JSONFeedAdapter", targets: ["JSONFeedAdapter"]),
        .library(name: "UTMSourceRule", targets: ["UTMSourceRule"]),
        .executable(name: "feed-check", targets: ["feed-check"]),
    ],
    dependencies: [.package(name: "NewsletterKit", path: "../..")],
    targets: [
        .target(name: "JSONFeedAdapter", dependencies: [.product(name: "NewsletterCore", package: "NewsletterKit")]),
        .target(name: "UTMSourceRule", dependencies: [.product(name: "EditorialChecks", package: "NewsletterKit")]),
        .executableTarget(
            name: "feed-check",
            dependencies: ["JSONFeedAdapter", "UTMSourceRule", .product(name: "EditorialCheckerCLI", package: "NewsletterKit")]
        ),
        .testTarget(
            name: "PluginExampleTests",
            dependencies: [
                "JSONFeedAdapter", "UTMSourceRule",
                .product(name: "NewsletterCore", package: "NewsletterKit"),
                .product(name: "NewsletterKitTesting", package: "NewsletterKit"),
            ]
        ),
    ]
)
