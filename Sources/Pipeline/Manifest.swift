import Crypto
import Foundation

/// What the last batch run converted: each input's content hash and the jianbao version, so an
/// unchanged input is not converted again. Lives at OUTPUT_DIR/.jianbao-manifest.json.
struct Manifest: Codable {
    static let fileName = ".jianbao-manifest.json"
    /// The version plus a fingerprint of the running build (its executable and resource
    /// bundles, where the lexicons live), so any rule change reconverts everything.
    static let currentVersion = JianbaoVersion.current + "+" + BuildFingerprint.current

    struct Entry: Codable, Equatable {
        var sha256: String
    }

    var version: String = Manifest.currentVersion
    var entries: [String: Entry] = [:]

    static func load(from folder: URL) -> Manifest {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)),
            let manifest = try? JSONDecoder().decode(Manifest.self, from: data)
        else { return Manifest() }
        return manifest
    }

    func save(to folder: URL) throws {
        var copy = self
        copy.version = Manifest.currentVersion
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(copy), to: folder.appendingPathComponent(Manifest.fileName))
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}

public enum JianbaoVersion {
    public static let current = "0.1.0"
}

/// A hash of the running executable and the resource bundles beside it (the lexicons).
enum BuildFingerprint {
    static let current: String = {
        var hasher = SHA256()
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let path = FileManager.default.fileExists(atPath: executable.path) ? executable : URL(fileURLWithPath: CommandLine.arguments[0])
        if let data = try? Data(contentsOf: path) { hasher.update(data: data) }
        let folder = path.deletingLastPathComponent()
        let bundles = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".resources") }.sorted()
        for bundle in bundles {
            let root = folder.appendingPathComponent(bundle)
            for file in ((FileManager.default.subpaths(atPath: root.path)) ?? []).sorted() {
                if let data = try? Data(contentsOf: root.appendingPathComponent(file)) {
                    hasher.update(data: Data(file.utf8))
                    hasher.update(data: data)
                }
            }
        }
        return hasher.finalize().prefix(8).map { String(format: "%02x", $0) }.joined()
    }()
}
