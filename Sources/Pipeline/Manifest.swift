import Crypto
import Foundation

/// What the last batch run converted: each input's content hash and the jianbao version, so an
/// unchanged input is not converted again. Lives at OUTPUT_DIR/.jianbao-manifest.json.
struct Manifest: Codable {
    static let fileName = ".jianbao-manifest.json"
    /// Bumped whenever a rule change alters output, so a new version reconverts everything.
    static let currentVersion = JianbaoVersion.current

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
