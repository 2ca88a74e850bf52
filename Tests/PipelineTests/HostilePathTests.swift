import Foundation
import Testing
import TestSupport

/// `jianbao batch` as cron runs it, on folders built to escape: outputs stay under OUTPUT_DIR,
/// symbolic links that lead out of INPUT_DIR are not followed, and no temporary file is left.
/// Runs the built binary, as the CLI tests do.
@Suite(.serialized) struct HostilePathTests {
    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("jianbao")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Paths.repository.appendingPathComponent(".build/debug/jianbao")
    }

    /// A scratch area: `root/input`, `root/output`, and `root/outside` (which must stay untouched).
    struct Area {
        let root: URL
        var input: URL { root.appendingPathComponent("input") }
        var output: URL { root.appendingPathComponent("output") }
        var outside: URL { root.appendingPathComponent("outside") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("jianbao-paths-\(UUID().uuidString)")
            for folder in [input, output, outside] {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
        }

        func write(_ text: String, _ relative: String, under folder: URL) throws {
            let url = folder.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func link(_ relative: String, to destination: URL) throws {
            try FileManager.default.createSymbolicLink(
                atPath: input.appendingPathComponent(relative).path, withDestinationPath: destination.path)
        }

        /// Every file under the root, relative to it, sorted.
        func files() -> [String] {
            let enumerator = FileManager.default.enumerator(atPath: root.path)
            var result: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                var isDirectory: ObjCBool = false
                let full = root.appendingPathComponent(relative).path
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                    result.append(relative)
                }
            }
            return result.sorted()
        }

        func batch(_ extra: [String] = []) throws -> (status: Int32, stderr: String) {
            let process = Process()
            process.executableURL = HostilePathTests.binary
            process.arguments = ["batch", input.path, "--output", output.path, "--jobs", "2"] + extra
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static let bulletin = "一、加强代表联络站建设\n今年以来，全省共建成代表联络站近2000个。\n"

    @Test func symbolicLinksOutOfTheInputFolderAreNotFollowed() throws {
        let area = try Area()
        defer { area.remove() }
        try area.write(Self.bulletin, "good.txt", under: area.input)
        try area.write(Self.bulletin, "secret.txt", under: area.outside)
        try area.write(Self.bulletin, "deep/secret2.txt", under: area.outside)
        try area.link("escape.txt", to: area.outside.appendingPathComponent("secret.txt"))
        try area.link("escape-folder", to: area.outside.appendingPathComponent("deep"))
        let before = area.files().filter { $0.hasPrefix("outside/") }

        let run = try area.batch()
        #expect(run.status == 0, "\(run.stderr)")
        let outputs = area.files().filter { $0.hasPrefix("output/") }
        #expect(outputs.contains("output/good.json"))
        #expect(!outputs.contains { $0.contains("escape") || $0.contains("secret") }, "followed a link out: \(outputs)")
        #expect(area.files().filter { $0.hasPrefix("outside/") } == before)
    }

    /// Names that a careless join would turn into a path out of OUTPUT_DIR: `...txt` (base
    /// `..`), `.txt` (empty base), names with `..` inside.
    @Test func dotDotNamesNeverWriteOutsideTheOutputFolder() throws {
        let area = try Area()
        defer { area.remove() }
        for name in ["...txt", ".txt", "..a.txt", "a..txt", "sub/...txt", "sub/.txt"] {
            try area.write(Self.bulletin, name, under: area.input)
        }
        let run = try area.batch()
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        let written = area.files().filter { !$0.hasPrefix("input/") }
        let escaped = written.filter { !$0.hasPrefix("output/") }
        #expect(escaped.isEmpty, "written outside OUTPUT_DIR: \(escaped)")
        #expect(area.files().filter { $0.hasPrefix("outside/") }.isEmpty)
    }

    @Test func noTemporaryFilesAreLeft() throws {
        let area = try Area()
        defer { area.remove() }
        try area.write(Self.bulletin, "a.txt", under: area.input)
        try area.write(Self.bulletin, "b/c.txt", under: area.input)
        try area.write("", "empty.txt", under: area.input)
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0]).write(to: area.input.appendingPathComponent("image.txt"))
        let run = try area.batch()
        #expect(run.status == 1, "one bad input is 'some failed': \(run.stderr)")
        let outputs = area.files().filter { $0.hasPrefix("output/") }
        #expect(outputs.contains("output/a.json") && outputs.contains("output/b/c.json"))
        let leftovers = outputs.filter { $0.hasSuffix(".tmp") || $0.contains(".tmp") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
        let scratch = (try? FileManager.default.contentsOfDirectory(atPath: area.root.path)) ?? []
        #expect(Set(scratch) == ["input", "output", "outside"], "stray files beside the folders: \(scratch)")
    }
}
