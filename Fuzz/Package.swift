// swift-tools-version:6.0
import PackageDescription

// The fuzz target over the whole pipeline, in a package of its own so that its libFuzzer
// build flags (`--sanitize fuzzer`, no `main` of its own) never touch `swift build` or
// `swift test` of the main package. Built and run by `make fuzz SECONDS=…` (see Fuzz/README.md).
let package = Package(
    name: "JianbaoFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "jianbao", path: "..")],
    targets: [
        .executableTarget(
            name: "JianbaoFuzz",
            dependencies: [.product(name: "Pipeline", package: "jianbao")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ],
    swiftLanguageModes: [.v5]
)
