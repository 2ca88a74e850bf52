import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// `jianbao batch` as cron runs it: over temporary trees of good and bad files, checking the
/// summary, the exit status and every output.
@Suite(.serialized) struct BatchTests {
    static let fixture = "001_26312a3258f39266"
    static let other = "003_4ca2f901b2fa3bdc"

    @Test func convertsEveryGoodInputAndReportsEveryBadOne() throws {
        let tree = try BatchTree()
        defer { tree.remove() }
        try tree.copyFixture(Self.fixture, to: "a/good.txt")
        try tree.copyFixture(Self.other, to: "b/c/other.txt")
        try tree.write("empty.txt", [])
        try tree.write("a/picture.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
        try tree.write("big.txt", text: String(repeating: "河南省人大常委会。\n", count: 2000))
        try tree.write("notes.md", text: "not an input")

        let run = try tree.batch(["--jobs", "2", "--max-bytes", "30000"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("2 converted, 0 unchanged, 3 failed"), "\(run.stderr)")
        #expect(run.stderr.contains("failed: empty.txt: empty file"))
        #expect(run.stderr.contains("failed: a/picture.txt: not text"))
        #expect(run.stderr.contains("failed: big.txt:") && run.stderr.contains("30000"), "refused by --max-bytes: \(run.stderr)")
        #expect(run.stdout.isEmpty)

        let documents = ["a/good", "b/c/other"]
        let expected = documents.flatMap { ["\($0).json", "\($0).xml"] } + BatchTree.tables.map { "\($0).csv" } + [".jianbao-manifest.json", ".jianbao.lock"]
        #expect(tree.outputFiles() == expected.sorted())
        let validate = try CLITests.run(["validate"] + documents.flatMap { ["\($0).json", "\($0).xml"] }.map { tree.output.appendingPathComponent($0).path })
        #expect(validate.status == 0, "\(validate.stderr)")
        let json = try JSONValue.load(tree.output.appendingPathComponent("a/good.json"))
        #expect(json["source"]["path"].string == "a/good.txt")

        for name in BatchTree.tables {
            let data = try Data(contentsOf: tree.output.appendingPathComponent("\(name).csv"))
            #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "\(name).csv starts with a BOM")
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.hasPrefix("\u{FEFF}path,item,span_start,span_end"), "\(name).csv header")
            #expect(!text.contains("empty.txt") && !text.contains("picture.txt") && !text.contains("big.txt"))
        }
        let items = try tree.table("items")
        #expect(items.contains("\r\na/good.txt,") && items.contains("\r\nb/c/other.txt,"))
        let units = try tree.table("units")
        #expect(units.contains("河南省人大常委会"), "Chinese text intact in units.csv")
    }

    @Test func secondRunOverUnchangedInputsConvertsNothing() throws {
        let tree = try BatchTree()
        defer { tree.remove() }
        try tree.copyFixture(Self.fixture, to: "one.txt")
        try tree.copyFixture(Self.other, to: "sub/two.txt")
        #expect(try tree.batch().status == 0)
        let before = try Data(contentsOf: tree.output.appendingPathComponent("items.csv"))

        let second = try tree.batch()
        #expect(second.status == 0)
        #expect(second.stderr.contains("0 converted, 2 unchanged, 0 failed"), "\(second.stderr)")
        #expect(try Data(contentsOf: tree.output.appendingPathComponent("items.csv")) == before, "tables rebuilt the same for unchanged inputs")

        // A changed input, and an output edited by hand, are each converted again; nothing else.
        try tree.write("one.txt", text: "近2000个项目。\n")
        try Data("{}".utf8).write(to: tree.output.appendingPathComponent("sub/two.xml"))
        let third = try tree.batch()
        #expect(third.stderr.contains("2 converted, 0 unchanged, 0 failed"), "\(third.stderr)")
        #expect(try JSONValue.load(tree.output.appendingPathComponent("one.json"))["counts"].array.count == 1)
        #expect(try tree.batch().stderr.contains("0 converted, 2 unchanged"))
    }

    /// The manifest keeps each input's stamp (size, time, inode): an input whose stamp is the
    /// same is not even read; one whose stamp changed but whose bytes did not (a `touch`, a copy
    /// tool) is read and hashed, not converted, and its new stamp is kept for the next run.
    @Test func touchedInputIsCheckedNotConverted() throws {
        let tree = try BatchTree()
        defer { tree.remove() }
        try tree.copyFixture(Self.fixture, to: "one.txt")
        #expect(try tree.batch(["--formats", "json"]).status == 0)
        let stamp = { () throws -> String? in
            try JSONValue.load(tree.output.appendingPathComponent(".jianbao-manifest.json"))["entries"]["one.txt"]["input"].string
        }
        let first = try stamp()
        #expect(first?.hasPrefix("bytes=") == true, "\(String(describing: first))")

        let input = tree.input.appendingPathComponent("one.txt").path
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: input)
        let touched = try tree.batch(["--formats", "json"])
        #expect(touched.stderr.contains("0 converted, 1 unchanged, 0 failed"), "\(touched.stderr)")
        let second = try stamp()
        #expect(second != nil && second != first, "the new stamp is kept: \(String(describing: second))")
        #expect(try tree.batch(["--formats", "json"]).stderr.contains("0 converted, 1 unchanged"))
        #expect(try stamp() == second)
    }

    @Test func forceConvertsEverything() throws {
        let tree = try BatchTree()
        defer { tree.remove() }
        try tree.copyFixture(Self.fixture, to: "one.txt")
        try tree.copyFixture(Self.other, to: "two.txt")
        _ = try tree.batch()
        let forced = try tree.batch(["--force"])
        #expect(forced.status == 0)
        #expect(forced.stderr.contains("2 converted, 0 unchanged, 0 failed"), "\(forced.stderr)")
    }

    @Test func goneInputKeepsItsOutputsUntilPrune() throws {
        let tree = try BatchTree()
        defer { tree.remove() }
        try tree.copyFixture(Self.fixture, to: "stay.txt")
        try tree.copyFixture(Self.other, to: "old/deep/gone.txt")
        _ = try tree.batch()
        #expect(tree.outputExists("old/deep/gone.json"))
        try FileManager.default.removeItem(at: tree.input.appendingPathComponent("old"))

        let kept = try tree.batch()
        #expect(kept.status == 0)
        #expect(kept.stderr.contains("0 converted, 1 unchanged, 0 failed, 1 gone"), "\(kept.stderr)")
        #expect(tree.outputExists("old/deep/gone.json") && tree.outputExists("old/deep/gone.xml"))
        #expect(try !tree.table("items").contains("gone.txt"), "a gone input is left out of the tables")
        #expect(try tree.table("items").contains("stay.txt"))

        let pruned = try tree.batch(["--prune"])
        #expect(pruned.status == 0)
        #expect(pruned.stderr.contains("0 converted, 1 unchanged, 0 failed, 1 pruned"), "\(pruned.stderr)")
        #expect(!tree.outputExists("old"), "outputs and the folders they emptied are removed")
        #expect(tree.outputExists("stay.json"))
        let again = try tree.batch(["--prune"])
        #expect(!again.stderr.contains("pruned") && !again.stderr.contains("gone"))
    }

    @Test func pruneLeavesFilesJianbaoDidNotWrite() throws {
        let tree = try BatchTree()
        defer { tree.remove() }
        try tree.copyFixture(Self.fixture, to: "dir/gone.txt")
        _ = try tree.batch(["--formats", "json"])
        try Data("mine".utf8).write(to: tree.output.appendingPathComponent("dir/notes.txt"))
        try FileManager.default.removeItem(at: tree.input.appendingPathComponent("dir"))
        #expect(try tree.batch(["--prune", "--formats", "json"]).status == 0)
        #expect(!tree.outputExists("dir/gone.json"))
        #expect(tree.outputExists("dir/notes.txt"))
    }

    @Test func quietPrintsErrorsOnly() throws {
        let tree = try BatchTree()
        defer { tree.remove() }
        try tree.copyFixture(Self.fixture, to: "good.txt")
        let clean = try tree.batch(["--quiet"])
        #expect(clean.status == 0)
        #expect(clean.stderr.isEmpty, "\(clean.stderr)")

        try tree.write("empty.txt", [])
        let failing = try tree.batch(["--quiet"])
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("failed: empty.txt: empty file"))
        #expect(!failing.stderr.contains("good.txt"), "\(failing.stderr)")
    }

    @Test func plainLogLinesWhenStandardErrorIsNotATerminal() throws {
        let tree = try BatchTree()
        defer { tree.remove() }
        try tree.copyFixture(Self.fixture, to: "good.txt")
        try tree.write("empty.txt", [])
        let run = try tree.batch()
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.contains("jianbao: converted good.txt"))
        #expect(lines.contains("jianbao: failed empty.txt: empty file"))
        #expect(!run.stderr.contains("\r") && !run.stderr.contains("\u{1B}"), "no progress bar in cron mail")
    }

    @Test func progressBarWhenStandardErrorIsATerminal() throws {
        let tree = try BatchTree()
        defer { tree.remove() }
        try tree.copyFixture(Self.fixture, to: "good.txt")
        // util-linux `script` runs the command on a pseudo-terminal.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let command = [CLITests.binary.path, "batch", tree.input.path, "--output", tree.output.path].map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("\r\u{1B}[K[") && text.contains("1/1"), "a bar drawn in place: \(text.debugDescription)")
        #expect(!text.contains("jianbao: converted good.txt"), "no per-document lines under the bar")
        #expect(text.contains("1 converted, 0 unchanged, 0 failed"))
    }

    @Test func exitStatusTellsAllConvertedFromSomeFailedFromCouldNotStart() throws {
        let tree = try BatchTree()
        defer { tree.remove() }
        try tree.copyFixture(Self.fixture, to: "good.txt")
        #expect(try tree.batch().status == 0)
        try tree.write("empty.txt", [])
        #expect(try tree.batch().status == 1)

        let missing = try CLITests.run(["batch", tree.root.appendingPathComponent("nowhere").path, "--output", tree.output.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("could not start") && missing.stderr.contains("input folder does not exist"))
        let file = tree.root.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let unwritable = try CLITests.run(["batch", tree.input.path, "--output", file.appendingPathComponent("out").path])
        #expect(unwritable.status == 2, "\(unwritable.stderr)")
        for arguments in [["--formats", "pdf"], ["--jobs", "0"], ["--max-bytes", "0"], ["--reference-date", "2023-02-30"], ["--no-such-flag"]] {
            let run = try tree.batch(arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
        }
        let noOutput = try CLITests.run(["batch", tree.input.path])
        #expect(noOutput.status == 2)
    }

    @Test func refusesToStartWhileAnotherRunWritesTheSameFolder() throws {
        let tree = try BatchTree()
        defer { tree.remove() }
        try tree.copyFixture(Self.fixture, to: "good.txt")
        #expect(try tree.batch().status == 0)
        let descriptor = open(tree.output.appendingPathComponent(".jianbao.lock").path, O_RDWR)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let blocked = try tree.batch()
        #expect(blocked.status == 2)
        #expect(blocked.stderr.contains("another jianbao batch"), "\(blocked.stderr)")
        flock(descriptor, LOCK_UN)
        #expect(try tree.batch().status == 0)
    }

    @Test func linksLeadingOutOfTheInputFolderAreNotFollowed() throws {
        let tree = try BatchTree()
        defer { tree.remove() }
        try tree.copyFixture(Self.fixture, to: "inside.txt")
        let outside = tree.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Paths.fixture(Self.other), to: outside.appendingPathComponent("secret.txt"))
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: tree.input.appendingPathComponent("leak.txt").path, withDestinationPath: outside.appendingPathComponent("secret.txt").path)
        try fm.createSymbolicLink(atPath: tree.input.appendingPathComponent("leakdir").path, withDestinationPath: outside.path)
        try fm.createSymbolicLink(atPath: tree.input.appendingPathComponent("alias.txt").path, withDestinationPath: "inside.txt")
        try fm.createSymbolicLink(atPath: tree.input.appendingPathComponent("loop").path, withDestinationPath: ".")

        let run = try tree.batch()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("2 converted, 0 unchanged, 0 failed"), "\(run.stderr)")
        #expect(run.stderr.contains("not followed") && run.stderr.contains("leak.txt") && run.stderr.contains("leakdir"))
        #expect(tree.outputExists("inside.json") && tree.outputExists("alias.json"))
        #expect(!tree.outputExists("leak.json") && !tree.outputExists("leakdir"))
    }

    @Test func temporaryFilesOfAnInterruptedRunAreRemoved() throws {
        let tree = try BatchTree()
        defer { tree.remove() }
        try tree.copyFixture(Self.fixture, to: "sub/good.txt")
        _ = try tree.batch()
        let leftover = tree.output.appendingPathComponent("sub/.good.json.\(UUID().uuidString).tmp")
        try Data("{\"sche".utf8).write(to: leftover)
        let notOurs = tree.output.appendingPathComponent("sub/.keep.tmp")
        try Data().write(to: notOurs)
        let run = try tree.batch()
        #expect(run.status == 0)
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
        #expect(FileManager.default.fileExists(atPath: notOurs.path), "only jianbao's own temporary names are touched")
    }

    @Test func sameOutputsWithOneJobAsWithSeveral() throws {
        let tree = try BatchTree()
        defer { tree.remove() }
        for (index, name) in Paths.fixtureNames.enumerated() { try tree.copyFixture(name, to: "d\(index % 2)/\(name).txt") }
        try tree.write("d1/empty.txt", [])
        let serial = tree.root.appendingPathComponent("serial")
        _ = try CLITests.run(["batch", tree.input.path, "--output", serial.path, "--jobs", "1"])
        _ = try tree.batch(["--jobs", "3"])
        let files = tree.outputFiles().filter { $0 != ".jianbao.lock" }
        #expect(files.count == Paths.fixtureNames.count * 2 + BatchTree.tables.count + 1)
        // The manifest records each output's stamp (its time and inode), which differs between
        // any two runs; what it says of the inputs must not.
        for file in files where file != ".jianbao-manifest.json" {
            let a = try Data(contentsOf: serial.appendingPathComponent(file))
            let b = try Data(contentsOf: tree.output.appendingPathComponent(file))
            #expect(a == b, "\(file) differs between --jobs 1 and --jobs 3")
        }
        let inputs = { (folder: URL) throws -> [String: String] in
            guard case let .object(entries) = try JSONValue.load(folder.appendingPathComponent(".jianbao-manifest.json"))["entries"]
            else { return [:] }
            return entries.mapValues { $0["sha256"].string ?? "" }
        }
        #expect(try inputs(serial) == inputs(tree.output))
        #expect(try inputs(serial).count == Paths.fixtureNames.count, "one entry per converted input (the empty one fails)")
    }
}
