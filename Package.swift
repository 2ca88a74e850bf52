// swift-tools-version:6.0
import PackageDescription

// One module per stage; data flows Ingest → Normalize → Segment → Extract → Emit, and the
// `jianbao` executable only parses arguments and calls `Pipeline`. C libraries sit behind
// small targets that only the stage using them imports (see ../shared/notes on why ICU's
// headers must never meet Foundation's copy of ICU in a Swift file).
let package = Package(
    name: "jianbao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "jianbao", targets: ["JianbaoCLI"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
        // `make bench` only: per-stage timings through the library (not part of `jianbao`).
        .executable(name: "jianbao-bench", targets: ["JianbaoBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
    ],
    targets: [
        .target(name: "JianbaoCore"),
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
        ),
        // renameat2 and file leases, which Swift's Glibc module does not import.
        .target(name: "CFileSystem"),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(
            name: "Ingest",
            dependencies: ["JianbaoCore", "CICU", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "Normalize", dependencies: ["JianbaoCore"]),
        .target(name: "Segment", dependencies: ["JianbaoCore", "Normalize"], resources: [.process("Lexicons")]),
        .target(name: "Extract", dependencies: ["JianbaoCore", "Normalize"], resources: [.process("Lexicons")]),
        .target(name: "Emit", dependencies: ["JianbaoCore", "CLibXML2"], resources: [.copy("Schemas")]),
        .target(
            name: "Pipeline",
            dependencies: [
                "JianbaoCore", "Ingest", "Normalize", "Segment", "Extract", "Emit", "CFileSystem",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "JianbaoCLI",
            dependencies: [
                "Pipeline", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "JianbaoBench",
            dependencies: ["Pipeline", "Ingest", "Normalize", "Segment", "Extract", "Emit", "JianbaoCore"],
            path: "Benchmarks/JianbaoBench"
        ),
        .target(name: "TestSupport", dependencies: ["Pipeline"], path: "Tests/TestSupport"),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "TestSupport"]),
        .testTarget(name: "NormalizeTests", dependencies: ["Normalize", "TestSupport"]),
        .testTarget(name: "SegmentTests", dependencies: ["Segment", "TestSupport"]),
        .testTarget(name: "ExtractTests", dependencies: ["Extract", "TestSupport"]),
        .testTarget(name: "EmitTests", dependencies: ["Emit", "TestSupport"]),
        .testTarget(
            name: "PipelineTests", dependencies: ["Pipeline", "TestSupport", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
