import Foundation
import Testing

@testable import Pipeline

#if canImport(Glibc)
    import Glibc
#endif

/// Files replaced by a rename are closed, and so deleted, on the closer's thread; every
/// descriptor handed over is closed, also when more arrive at once than it keeps waiting.
@Suite struct ReplacedFileCloserTests {
    @Test func closesEveryDescriptorItIsGiven() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("closer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var descriptors: [Int32] = []
        for index in 0..<200 {
            let path = folder.appendingPathComponent("old\(index).json").path
            try Data("{}".utf8).write(to: URL(fileURLWithPath: path))
            let descriptor = open(path, O_RDONLY)
            #expect(descriptor >= 0)
            unlink(path)  // as a rename over it would
            descriptors.append(descriptor)
        }
        for descriptor in descriptors { ReplacedFileCloser.shared.close(descriptor) }
        let deadline = Date().addingTimeInterval(10)
        // A descriptor still open still leads to its deleted file; a closed one's number may
        // already be reused by a test running alongside, so its number alone says nothing.
        func stillOpen() -> [Int32] {
            descriptors.filter { descriptor in
                let link = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(descriptor)")) ?? ""
                return link.hasPrefix(folder.path)
            }
        }
        while !stillOpen().isEmpty, Date() < deadline { usleep(1000) }
        #expect(stillOpen().isEmpty, "\(stillOpen().count) of 200 still open")
    }

    /// The replaced file's descriptor must not outlive the rename as an open file of the target:
    /// a new output is in place and readable at once, and its old inode is gone from the folder.
    @Test func renameStillReplacesAtomically() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("closer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("doc.json")
        try AtomicFile.write(Data("old".utf8), to: target)
        try AtomicFile.write(Data("new".utf8), to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["doc.json"])
    }
}
