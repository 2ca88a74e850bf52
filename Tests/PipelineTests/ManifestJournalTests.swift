import Foundation
import Testing

@testable import Pipeline

/// The journal's lines are written by hand, not by JSONEncoder: each must decode back to the
/// entry it was written from, whatever the input's name holds.
@Suite struct ManifestJournalTests {
    @Test(arguments: [
        "plain.txt",
        "子目录/简报 第41期.txt",
        #"quote"and\backslash.txt"#,
        "tab\tnewline\nbell\u{07}.txt",
        "emoji 📄 and / slashes/a.txt",
    ])
    func lineDecodesToItsEntry(path: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let entry = Manifest.Entry(
            sha256: String(repeating: "ab", count: 32), input: "bytes=9 mtime=8.000000007 inode=6", version: "0.1.0+build\"id",
            outputs: ["json": "bytes=12 mtime=1.000000002 inode=3", "xml": "bytes=4 mtime=5.000000006 inode=7"])
        let other = Manifest.Entry(sha256: "00", input: nil, version: "v", outputs: [:])
        let journal = try ManifestJournal(startingIn: folder)
        try journal.append(path: path, entry: entry)
        try journal.append(path: "second.txt", entry: other)
        let replayed = ManifestJournal.replay(in: folder)
        #expect(replayed.count == 2)
        #expect(replayed.first?.0 == path && replayed.first?.1 == entry)
        #expect(replayed.last?.0 == "second.txt" && replayed.last?.1 == other)
    }
}
