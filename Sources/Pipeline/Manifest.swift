import Crypto
import Foundation
import Ingest

/// What is on disk in OUTPUT_DIR, per input: the hash and stamp of the input, the build that
/// converted it, and the stamp (`FileStamp`: size, time, inode) of each output file written
/// from it. Lives at
/// OUTPUT_DIR/.jianbao-manifest.json; a run in progress adds to `ManifestJournal` beside it.
///
/// An input is skipped only when its entry matches the input's hash and the running build, and
/// every output it needs is on disk as the entry recorded it (see
/// `BatchRunner.unchangedDocument`). Checking the outputs themselves, not only the manifest, is
/// what makes an interrupted run safe to resume: whatever a killed run left behind is either
/// exactly what it recorded or is converted again.
struct Manifest: Codable {
    static let fileName = ".jianbao-manifest.json"
    /// The version plus a fingerprint of the running build (its executable and resource bundles,
    /// where the lexicons live), so any rule change converts everything again.
    static let currentVersion = JianbaoVersion.current + "+" + BuildFingerprint.current

    struct Entry: Codable, Equatable {
        /// SHA-256 of the input's bytes.
        var sha256: String
        /// `FileStamp` of the input when it was read; nil in manifests of older builds.
        var input: String?
        /// `Manifest.currentVersion` of the build that wrote the outputs.
        var version: String
        /// `FileStamp` of each output file as written, by format (`json`, `xml`).
        var outputs: [String: String]
    }

    /// The build that saved the manifest last (each entry keeps its own).
    var version: String = Manifest.currentVersion
    /// By input path relative to INPUT_DIR (`sub/report.txt`).
    var entries: [String: Entry] = [:]

    /// The saved manifest with the journal of an interrupted run replayed over it. A manifest
    /// that cannot be read counts as empty: everything is converted again, nothing is lost.
    static func load(from folder: URL) -> Manifest {
        var manifest = Manifest()
        if let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)),
            let saved = try? JSONDecoder().decode(Manifest.self, from: data)
        {
            manifest = saved
        }
        for (path, entry) in ManifestJournal.replay(in: folder) { manifest.entries[path] = entry }
        return manifest
    }

    func save(to folder: URL) throws {
        var copy = self
        copy.version = Manifest.currentVersion
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(copy), to: folder.appendingPathComponent(Manifest.fileName))
    }

    static func sha256<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        Ingestor.hex(SHA256.hash(data: bytes))
    }
}

public enum JianbaoVersion {
    public static let current = "0.1.0"
}
