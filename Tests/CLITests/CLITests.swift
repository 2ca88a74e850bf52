import Foundation
import Testing
import TestSupport

/// The `jianbao` binary as a user runs it: help, outputs, exit statuses, one-line errors.
@Suite(.serialized) struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("jianbao")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Paths.repository.appendingPathComponent(".build/debug/jianbao")
    }

    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        // A crashing binary's backtracer would hold the stderr pipe open and hang the read.
        process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { _, new in new }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jianbao-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let fixture = Paths.fixture("001_26312a3258f39266").path

    @Test func helpTeaches() throws {
        let help = try Self.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("extract"))
        #expect(help.stdout.contains("batch"))
        #expect(help.stdout.contains("validate"))
        let batch = try Self.run(["batch", "--help"])
        #expect(batch.stdout.contains("Exit status"))
    }

    @Test func extractPrintsJSON() throws {
        let run = try Self.run(["extract", Self.fixture])
        #expect(run.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(json?["schema"] as? String == "jianbao.document/1")
    }

    @Test func extractPrintsXML() throws {
        let run = try Self.run(["extract", Self.fixture, "--format", "xml"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("<?xml"))
        #expect(run.stdout.contains("urn:jianbao:document:1"))
    }

    @Test func extractReadsStandardInput() throws {
        let run = try Self.run(["extract", "-", "--format", "jsonl", "--reference-date", "2024-10-23"], stdin: Data("近2000个项目。\n".utf8))
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").count == 1)
    }

    @Test func extractStreamsOneDocumentPerLineWithJSONL() throws {
        let second = Paths.fixture("003_4ca2f901b2fa3bdc").path
        let run = try Self.run(["extract", Self.fixture, second, "--format", "jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(run.stdout.hasSuffix("\n"))
        let paths = lines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]).flatMap { ($0["source"] as? [String: Any])?["path"] as? String }
        }
        #expect(paths == [Self.fixture, second])
    }

    static let badInputs: [(name: String, bytes: [UInt8], reason: String)] = [
        ("picture.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52], "not text: PNG image"),
        ("empty.txt", [], "empty file"),
        ("cut.txt", Array("河南省人大常委会".utf8).dropLast(2), "truncated"),
    ]

    @Test(arguments: badInputs.indices)
    func badInputGetsOneLineAndFailure(_ index: Int) throws {
        let bad = Self.badInputs[index]
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(bad.name)
        try Data(bad.bytes).write(to: file)
        let run = try Self.run(["extract", file.path])
        #expect(run.status != 0)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(run.stderr.contains(bad.name) && run.stderr.contains(bad.reason), "\(run.stderr)")
    }

    @Test func rejectsAnImpossibleReferenceDate() throws {
        let run = try Self.run(["extract", Self.fixture, "--reference-date", "2023-02-30"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("reference-date"))
    }

    @Test func batchConvertsTheGoodAndReportsTheBad() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in/sub")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: input.appendingPathComponent("good.txt").path)
        for bad in Self.badInputs { try Data(bad.bytes).write(to: input.appendingPathComponent(bad.name)) }
        let output = folder.appendingPathComponent("out")

        let first = try Self.run(["batch", folder.appendingPathComponent("in").path, "--output", output.path, "--jobs", "2"])
        #expect(first.status == 1)
        #expect(first.stderr.contains("1 converted, 0 unchanged, 3 failed"))
        for bad in Self.badInputs { #expect(first.stderr.contains(bad.name)) }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("sub/good.json").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("sub/good.xml").path))
        for table in ["items", "units", "people", "counts", "ratios", "dates", "durations"] {
            let csv = try Data(contentsOf: output.appendingPathComponent("\(table).csv"))
            #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
        }
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)

        let validate = try Self.run(["validate", output.appendingPathComponent("sub/good.json").path, output.appendingPathComponent("sub/good.xml").path])
        #expect(validate.status == 0, "\(validate.stderr)")

        let second = try Self.run(["batch", folder.appendingPathComponent("in").path, "--output", output.path])
        #expect(second.stderr.contains("0 converted, 1 unchanged, 3 failed"))
    }

    @Test func batchWithoutItsInputCannotRun() throws {
        let run = try Self.run(["batch", "/nonexistent/jianbao", "--output", FileManager.default.temporaryDirectory.path])
        #expect(run.status == 2)
    }
}

extension CLITests {
    /// `make run` converts Fixtures/ through `jianbao batch`: only the bulletins themselves may be
    /// inputs, never the golden or expected files beside them.
    @Test func fixturesFolderHoldsOnlyBulletinsAsText() throws {
        let texts = try FileManager.default.subpathsOfDirectory(atPath: Paths.fixtures.path).filter { $0.hasSuffix(".txt") }
        #expect(texts.sorted() == Paths.fixtureNames.map { $0 + ".txt" })
    }
}
