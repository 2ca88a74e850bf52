import Foundation
import TestSupport

/// A temporary INPUT_DIR / OUTPUT_DIR pair for batch tests, removed by `remove()`.
struct BatchTree {
    let root: URL
    var input: URL { root.appendingPathComponent("in") }
    var output: URL { root.appendingPathComponent("out") }

    static let tables = ["items", "units", "people", "counts", "ratios", "dates", "durations"]

    init() throws {
        root = try CLITests.temporaryFolder()
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Writes an input at `relative` (folders created).
    func write(_ relative: String, _ bytes: some Sequence<UInt8>) throws {
        let url = input.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func write(_ relative: String, text: String) throws { try write(relative, Array(text.utf8)) }

    func copyFixture(_ name: String, to relative: String) throws {
        try write(relative, Array(try Data(contentsOf: Paths.fixture(name))))
    }

    func batch(_ extra: [String] = []) throws -> CLITests.Run {
        try CLITests.run(["batch", input.path, "--output", output.path] + extra)
    }

    func outputExists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(relative).path)
    }

    func table(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: output.appendingPathComponent("\(name).csv")), as: UTF8.self)
    }

    /// Every file under OUTPUT_DIR, relative, sorted.
    func outputFiles() -> [String] {
        var isDirectory: ObjCBool = false
        return ((try? FileManager.default.subpathsOfDirectory(atPath: output.path)) ?? []).filter {
            FileManager.default.fileExists(atPath: output.appendingPathComponent($0).path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }

    /// The `converted, unchanged, failed` counts of a run's summary line.
    static func counts(_ run: CLITests.Run) -> (converted: Int, unchanged: Int, failed: Int)? {
        guard let line = run.stderr.split(separator: "\n").first(where: { $0.contains(" converted, ") }) else { return nil }
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count >= 3 else { return nil }
        return (numbers[0], numbers[1], numbers[2])
    }
}
