// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "NewsletterKit",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "NewsletterCore", targets: ["NewsletterCore"]),
        .library(name: "LinkChecker", targets: ["LinkChecker"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
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

        // Network link checking on AsyncHTTPClient, kept out of the core so that core users do not pull in SwiftNIO.
        .target(
            name: "LinkChecker",
            dependencies: [
                "NewsletterCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),

        .testTarget(name: "NewsletterCoreTests", dependencies: ["NewsletterCore"]),
        .testTarget(
            name: "LinkCheckerTests",
            dependencies: [
                "LinkChecker",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
