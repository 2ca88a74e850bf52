import Foundation
import Logging
import Testing

@testable import Pipeline

#if canImport(Glibc)
    import Glibc
#endif

/// A batch over existing outputs swaps new outputs in and writes the next ones over the files
/// it swapped out (`SpareFiles`), but never over a file someone else can still see: one with
/// another link, or one still open elsewhere.
@Suite struct SpareFilesTests {
    /// Three short bulletins of different lengths, so that a spare is written over by a shorter
    /// or a longer output.
    private static let bulletins = [
        "a.txt": "一、2023年5月12日，省人大常委会召开会议。\n二、会议共审议3件议案。\n",
        "b.txt": "一、省人民政府办公厅于2024年1月3日发布通知，要求各市县在30日内完成整改。\n",
        "c.txt": "一、会议听取了5个报告。\n",
    ]

    private struct Folders {
        let root: URL
        var input: URL { root.appendingPathComponent("in") }
        var output: URL { root.appendingPathComponent("out") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("spares-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("in"), withIntermediateDirectories: true)
            for (name, text) in SpareFilesTests.bulletins {
                try Data(text.utf8).write(to: root.appendingPathComponent("in/\(name)"))
            }
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        func batch(force: Bool) throws -> BatchSummary {
            let options = BatchRunner.Options(input: input, output: output, formats: [.json, .xml], force: force)
            return try BatchRunner(options: options, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })).run()
        }

        func output(_ name: String) -> URL { output.appendingPathComponent(name) }

        func inode(_ name: String) -> UInt64? { FileStamp(path: output(name).path)?.inode }

        /// Every file's bytes, by name, but for the batch's own (manifest and lock).
        func outputs() throws -> [String: Data] {
            var all: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: output.path) where !name.hasPrefix(".jianbao") {
                all[name] = try Data(contentsOf: output(name))
            }
            return all
        }
    }

    private static let names = ["a.json", "a.xml", "b.json", "b.xml", "c.json", "c.xml"]

    @Test func forcedRunWritesTheSameBytesIntoReplacedFiles() throws {
        let folders = try Folders()
        defer { folders.remove() }
        _ = try folders.batch(force: false)
        let first = try folders.outputs()
        let before = Set(Self.names.compactMap(folders.inode))
        let summary = try folders.batch(force: true)
        #expect(summary.converted.count == 3)
        // The same bytes, and nothing else in the folder: no spare is left behind.
        #expect(try folders.outputs() == first)
        #expect(Set(first.keys) == Set(Self.names))
        #if os(Linux)
            // The first outputs of the run need new files; the later ones go into replaced ones.
            let reused = Set(Self.names.compactMap(folders.inode)).intersection(before)
            #expect(reused.count >= 3, "only \(reused.count) of 6 outputs written into replaced files")
        #endif
    }

    @Test func aReaderOfTheOldOutputKeepsItsBytes() throws {
        let folders = try Folders()
        defer { folders.remove() }
        _ = try folders.batch(force: false)
        // Every old output stays open for reading across the run, as a slow reader would hold it.
        var readers: [String: (Int32, Data)] = [:]
        for name in Self.names {
            readers[name] = (open(folders.output(name).path, O_RDONLY), try Data(contentsOf: folders.output(name)))
        }
        defer { for (descriptor, _) in readers.values { close(descriptor) } }
        try Data("一、另一份简报。\n".utf8).write(to: folders.input.appendingPathComponent("a.txt"))
        _ = try folders.batch(force: true)
        for (name, (descriptor, old)) in readers {
            var buffer = [UInt8](repeating: 0, count: old.count + 16)
            let count = pread(descriptor, &buffer, buffer.count, 0)
            #expect(Data(buffer.prefix(max(count, 0))) == old, "\(name) changed under its reader")
        }
        #expect(!(try String(contentsOf: folders.output("a.json"), encoding: .utf8)).contains("2023"))
    }

    @Test func aHardLinkedOutputIsNotWrittenOver() throws {
        let folders = try Folders()
        defer { folders.remove() }
        _ = try folders.batch(force: false)
        let backup = folders.root.appendingPathComponent("backup")
        try FileManager.default.createDirectory(at: backup, withIntermediateDirectories: true)
        var kept: [String: Data] = [:]
        for name in Self.names {
            try FileManager.default.linkItem(at: folders.output(name), to: backup.appendingPathComponent(name))
            kept[name] = try Data(contentsOf: folders.output(name))
        }
        for name in ["a.txt", "b.txt", "c.txt"] {
            try Data("一、改写后的\(name)。\n".utf8).write(to: folders.input.appendingPathComponent(name))
        }
        _ = try folders.batch(force: false)
        for name in Self.names {
            #expect(try Data(contentsOf: backup.appendingPathComponent(name)) == kept[name], "\(name) backup changed")
            #expect(try Data(contentsOf: folders.output(name)) != kept[name], "\(name) not converted again")
        }
    }
}
