// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// A path dependency is named after its folder (the worktree's name), so find it rather than hard-code it.
let core = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

// libFuzzer targets for policykb. A package of its own so that `swift build` and `swift test` in the
// main package never see a target without a `main`. Build and run: see docs/fuzzing.md.
let package = Package(
    name: "policykb-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "FuzzIngest",
            dependencies: ["FuzzDriver", .product(name: "PolicyKBCore", package: core)]
        ),
        .executableTarget(
            name: "FuzzReport",
            dependencies: ["FuzzDriver", .product(name: "PolicyKBCore", package: core)]
        ),
        .executableTarget(
            name: "FuzzTemplate",
            dependencies: ["FuzzDriver", .product(name: "PolicyKBCore", package: core)]
        ),
    ]
)
