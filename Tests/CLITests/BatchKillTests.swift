import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A batch over 2 000 files killed with SIGKILL part way, then run again: every output complete
/// and parseable, none partial, and only the missing ones converted by the second run. Small
/// files and `--jobs 2` keep it to a few seconds on two cores.
@Suite(.serialized) struct BatchKillTests {
    static let fileCount = 2000

    /// Short bulletins made from the fixtures' own paragraphs, spread over 20 folders.
    static func makeInputs(in tree: BatchTree, count: Int = fileCount) throws {
        let text = try String(contentsOf: Paths.fixture("001_26312a3258f39266"), encoding: .utf8)
        let paragraphs = text.split(separator: "\n").map(String.init).filter { $0.count > 20 }
        for index in 0..<count {
            let paragraph = paragraphs[index % paragraphs.count]
            try tree.write(String(format: "f%02d/n%04d.txt", index % 20, index), text: "\(index + 1).\(paragraph)\n")
        }
    }

    static func jsonOutputs(_ tree: BatchTree) -> [String] {
        tree.outputFiles().filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
    }

    /// Starts a batch with `--jobs 2` and kills it with SIGKILL once `written` files are in the
    /// output folders, at no particular point of any one document. False if it finished first.
    static func runAndKill(_ tree: BatchTree, whenWritten written: Int) throws -> Bool {
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = ["batch", tree.input.path, "--output", tree.output.path, "--jobs", "2"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once a fair share of the documents is written, at no particular point of one.
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline {
            let count = (0..<20).reduce(0) { total, folder in
                total + ((try? FileManager.default.contentsOfDirectory(atPath: tree.output.appendingPathComponent(String(format: "f%02d", folder)).path)) ?? []).count
            }
            if count >= written { break }
            usleep(2_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }

    @Test func killedRunIsFinishedByTheNext() throws {
        let tree = try BatchTree()
        defer { tree.remove() }
        try Self.makeInputs(in: tree)
        #expect(try Self.runAndKill(tree, whenWritten: Self.fileCount / 2), "the run was killed part way, not finished")

        // Nothing partial under any name: every visible output parses, and so does any
        // temporary file the kill left (on Linux they are named only once complete).
        let afterKill = tree.outputFiles()
        let complete = Set(Self.jsonOutputs(tree).filter { tree.outputExists(String($0.dropLast(5)) + ".xml") })
        #expect(complete.count > 0 && complete.count < Self.fileCount, "killed part way: \(complete.count) complete")
        for file in afterKill where !file.hasSuffix(".lock") && !file.hasSuffix(".journal") {
            let data = try Data(contentsOf: tree.output.appendingPathComponent(file))
            if file.hasSuffix(".json") {
                #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(file) is complete JSON")
            }
            #if os(Linux)
                if file.hasSuffix(".tmp") {
                    let name = String(file.split(separator: "/").last!)
                    if name.contains(".json.") {
                        #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(file) is complete JSON")
                    } else {
                        #expect(String(decoding: data, as: UTF8.self).hasSuffix("</document>\n"), "\(file) is complete XML")
                    }
                }
            #endif
        }

        let second = try tree.batch(["--jobs", "2"])
        #expect(second.status == 0, "\(second.stderr.suffix(2000))")
        let counts = BatchTree.counts(second)
        #expect(counts?.converted == Self.fileCount - complete.count, "only the missing ones are converted: \(String(describing: counts))")
        #expect(counts?.unchanged == complete.count)
        let converted = Set(second.stderr.split(separator: "\n").compactMap { line -> String? in
            line.hasPrefix("jianbao: converted ") ? String(line.dropFirst("jianbao: converted ".count).dropLast(4)) + ".json" : nil
        })
        #expect(converted.isDisjoint(with: complete), "no complete document converted again")

        let final = tree.outputFiles()
        #expect(final.filter { $0.hasSuffix(".tmp") || $0.hasSuffix(".journal") }.isEmpty, "no temporary file left: \(final.filter { $0.hasSuffix(".tmp") })")
        let jsons = Self.jsonOutputs(tree)
        #expect(jsons.count == Self.fileCount)
        #expect(final.filter { $0.hasSuffix(".xml") }.count == Self.fileCount)
        var withItems: Set<String> = []
        for file in jsons {
            let json = try JSONValue.load(tree.output.appendingPathComponent(file))
            let path = String(file.dropLast(5)) + ".txt"
            #expect(json["schema"].string == "jianbao.document/1" && json["source"]["path"].string == path, "\(file)")
            if !json["items"].array.isEmpty { withItems.insert(path) }
        }
        // Every document with items is in the combined items table.
        let items = try tree.table("items")
        let documentsInItems = Set(
            items.split(separator: "\r\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
                .filter { $0.hasPrefix("f") && $0.hasSuffix(".txt") })
        #expect(documentsInItems == withItems)
        // A sample validates against the shipped schemas.
        let sample = jsons.prefix(10).flatMap { [$0, String($0.dropLast(5)) + ".xml"] }.map { tree.output.appendingPathComponent($0).path }
        let validate = try CLITests.run(["validate"] + sample)
        #expect(validate.status == 0, "\(validate.stderr)")

        let third = try tree.batch(["--jobs", "2", "--quiet"])
        #expect(third.status == 0 && third.stderr.isEmpty)
        #expect(try tree.batch(["--jobs", "2"]).stderr.contains("0 converted, \(Self.fileCount) unchanged, 0 failed"))
    }

    /// The combined tables are built in spill files while the documents are converted; a kill
    /// must leave none of them, and the next run's tables must hold every document.
    @Test func killedRunLeavesNoSpillFileBehind() throws {
        let tree = try BatchTree()
        defer { tree.remove() }
        let count = 600
        try Self.makeInputs(in: tree, count: count)
        #expect(try Self.runAndKill(tree, whenWritten: count / 2), "the run was killed part way, not finished")
        let afterKill = tree.outputFiles()
        #expect(afterKill.filter { $0.contains("spill") }.isEmpty, "no spill file after the kill: \(afterKill.filter { $0.contains("spill") })")
        #expect(!afterKill.contains("items.csv"), "no table before every document is in")

        let next = try tree.batch(["--jobs", "2", "--quiet"])
        #expect(next.status == 0, "\(next.stderr.suffix(2000))")
        let final = tree.outputFiles()
        #expect(final.filter { $0.hasSuffix(".tmp") || $0.contains("spill") }.isEmpty, "nothing temporary left: \(final.filter { $0.hasPrefix(".") })")
        let withItems = try Set(Self.jsonOutputs(tree).filter { file in
            !(try JSONValue.load(tree.output.appendingPathComponent(file)))["items"].array.isEmpty
        }.map { String($0.dropLast(5)) + ".txt" })
        let items = try tree.table("items")
        let documentsInItems = Set(items.split(separator: "\r\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) })
        #expect(!withItems.isEmpty && documentsInItems == withItems, "every document with items is in items.csv")
    }
}
