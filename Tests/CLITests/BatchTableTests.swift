import Foundation
import Testing
import TestSupport

/// The combined CSV tables of `jianbao batch`, which are built from spill files as documents
/// finish rather than from documents held in memory: the same bytes however many workers ran
/// and in whatever order they finished, and no spill file left behind.
@Suite(.serialized) struct BatchTableTests {
    /// Bulletins of very different sizes, so two workers finish them out of input order.
    static func makeInputs(in tree: BatchTree) throws {
        for (index, name) in Paths.fixtureNames.enumerated() {
            for copy in 0..<3 { try tree.copyFixture(name, to: "d\(copy)/\(index)-\(name).txt") }
        }
        for index in 0..<30 { try tree.write(String(format: "small/s%02d.txt", index), text: "\(index + 1).近\(index + 2)000个项目，2024年10月\(index % 28 + 1)日完成。\n") }
        try tree.write("d1/empty.txt", [])
    }

    static func tables(in folder: URL) throws -> [String: Data] {
        var tables: [String: Data] = [:]
        for name in BatchTree.tables { tables[name] = try Data(contentsOf: folder.appendingPathComponent("\(name).csv")) }
        return tables
    }

    @Test func tablesAreTheSameWithOneJobOrTwo() throws {
        let tree = try BatchTree()
        defer { tree.remove() }
        try Self.makeInputs(in: tree)
        let serial = tree.root.appendingPathComponent("serial")
        let one = try CLITests.run(["batch", tree.input.path, "--output", serial.path, "--jobs", "1"])
        #expect(one.status == 1 && one.stderr.contains("failed: d1/empty.txt: empty file"), "\(one.stderr)")
        let two = try tree.batch(["--jobs", "2"])
        #expect(two.status == 1)

        let expected = try Self.tables(in: serial)
        #expect(try Self.tables(in: tree.output) == expected, "the same tables with --jobs 1 and --jobs 2")
        let items = String(decoding: expected["items"]!, as: UTF8.self)
        #expect(items.hasPrefix("\u{FEFF}path,item,span_start,span_end,label,"))
        // Each document's rows together, documents in input (sorted path) order.
        var paths: [Substring] = []
        for line in items.split(separator: "\r\n").dropFirst() {
            let path = line.prefix { $0 != "," }
            if paths.last != path { paths.append(path) }
        }
        #expect(paths.count == Set(paths).count && paths == paths.sorted(), "\(paths)")
        #expect(paths.contains("small/s07.txt") && paths.contains("d2/0-\(Paths.fixtureNames[0]).txt"))

        // Unchanged inputs are read back from their JSON: the tables come out the same again.
        let again = try tree.batch(["--jobs", "2"])
        #expect(BatchTree.counts(again)?.unchanged == Paths.fixtureNames.count * 3 + 30, "\(again.stderr)")
        #expect(try Self.tables(in: tree.output) == expected, "tables rebuilt the same for unchanged inputs")
    }

    @Test func noSpillFileIsLeftBehind() throws {
        let tree = try BatchTree()
        defer { tree.remove() }
        try tree.copyFixture(BatchTests.fixture, to: "good.txt")
        try FileManager.default.createDirectory(at: tree.output, withIntermediateDirectories: true)
        // What a run killed in the instant between naming a spill file and unlinking it leaves
        // (only where the file system cannot make unnamed files).
        let leftover = tree.output.appendingPathComponent(".items.csv.spill.\(UUID().uuidString).tmp")
        try Data().write(to: leftover)

        for formats in ["csv", "json,xml,csv"] {
            let run = try tree.batch(["--formats", formats, "--jobs", "2"])
            #expect(run.status == 0, "\(run.stderr)")
            let files = tree.outputFiles()
            #expect(files.filter { $0.hasSuffix(".tmp") || $0.contains("spill") }.isEmpty, "\(files)")
            #expect(Set(BatchTree.tables.map { "\($0).csv" }).isSubset(of: files))
        }
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }

    /// RFC 4180 doubles every quote inside a field. A quote followed by a combining mark is one
    /// Character to Swift, which String-level replacement would skip, leaving the field unreadable.
    @Test func quotesAreDoubledEvenBeforeACombiningMark() throws {
        let tree = try BatchTree()
        defer { tree.remove() }
        try tree.write("a.txt", text: "一、关于\"\u{301}测试,项目的通知\n1.召开\"十四五\"规划会议。\n")
        #expect(try tree.batch(["--formats", "csv"]).status == 0)
        let items = try tree.table("items")
        #expect(items.contains(",\"关于\"\"\u{301}测试,项目的通知\","), "\(items.debugDescription)")
        #expect(items.contains(",\"召开\"\"十四五\"\"规划会议\","), "\(items.debugDescription)")
    }
}
