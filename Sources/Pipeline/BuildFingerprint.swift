import Crypto
import Foundation

/// A hash of the running executable and the resource bundles beside it (the lexicons), so the
/// manifest can tell outputs of this build from those of any other.
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
