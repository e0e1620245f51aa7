// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "policykb",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "policykb", targets: ["policykb"]),
        // For the fuzz targets in Fuzz/ (a package of their own, so normal builds never link libFuzzer).
        .library(name: "PolicyKBCore", targets: ["Content", "Taxonomy", "Ingest", "Markdown", "Templates"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // The cmark C library (Debian: libcmark-dev). Only the Markdown target imports it.
        .systemLibrary(
            name: "CCMark",
            path: "Sources/CCMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // mimalloc (Debian: libmimalloc-dev), linked into the program only: it takes over
        // malloc for the whole process, which makes a full build about a tenth faster than
        // glibc's allocator does (BENCHMARKS.md).
        .systemLibrary(
            name: "CMimalloc",
            path: "Sources/CMimalloc",
            providers: [.apt(["libmimalloc-dev"]), .brew(["mimalloc"])]
        ),
        .target(name: "Markdown", dependencies: ["CCMark", "Content"]),
        .target(name: "Content", dependencies: ["Yams"]),
        .target(name: "Taxonomy", dependencies: ["Content", "Yams"]),
        .target(name: "Ingest", dependencies: ["Content", "Taxonomy"]),
        .target(name: "Search", dependencies: ["Content"]),
        // Mustache templates: parsed once, rendered from plain values (swift-mustache's dialect).
        .target(name: "Templates"),
        .target(
            name: "Site",
            dependencies: ["Content", "Taxonomy", "Markdown", "Search", "Templates", "Yams"]
        ),
        // The preview server behind `policykb serve`; the only user of FlyingFox.
        .target(
            name: "Preview",
            dependencies: [
                "Content",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .target(
            name: "PolicyKBCommands",
            dependencies: [
                "Content", "Taxonomy", "Ingest", "Site", "Search", "Preview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Skeleton")]
        ),
        .executableTarget(name: "policykb", dependencies: ["PolicyKBCommands", "CMimalloc"]),

        .testTarget(name: "ContentTests", dependencies: ["Content"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "TaxonomyTests", dependencies: ["Taxonomy", "Content"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Content", "Taxonomy", "TestSupport"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Content", "Taxonomy", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "TestSupport"], exclude: ["node"]),
        // swift-mustache renders the same templates beside ours: the output must be identical.
        .testTarget(name: "TemplatesTests", dependencies: ["Templates", .product(name: "Mustache", package: "swift-mustache")]),
        // Helpers shared by the test targets that drive a browser (not a test target itself).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CLITests", dependencies: ["PolicyKBCommands", "TestSupport"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview"]),
        .testTarget(name: "HardeningTests", dependencies: ["PolicyKBCommands", "TestSupport", "Content", "Ingest", "Markdown"]),
    ]
)
