import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `*.txt` files under INPUT_DIR, as sorted paths relative to it.
///
/// Hidden files and folders (`.name`) are skipped: editors and copy tools write their partial
/// files under such names. A symbolic link is followed only when it resolves to a file inside
/// INPUT_DIR; one leading out of INPUT_DIR is listed in `linksOut` and not read, so a link can
/// never make a batch read (or mirror) what lies outside the folder it was given. Links to
/// folders are never descended: inside INPUT_DIR their content is reached by its own path, and
/// not following them rules out cycles.
struct BatchInputs {
    var inputs: [String] = []
    var linksOut: [String] = []
    /// Sub-folders that could not be listed, as failures for the summary.
    var unreadable: [ConversionError] = []

    static func find(in folder: URL) throws -> BatchInputs {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw BatchStartError(path: folder.path, reason: "input folder does not exist")
        }
        guard isDirectory.boolValue else { throw BatchStartError(path: folder.path, reason: "input is not a folder") }
        guard let top = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw BatchStartError(path: folder.path, reason: "cannot list the input folder (permission denied?)")
        }
        let root = folder.resolvingSymlinksInPath().standardizedFileURL.path
        var found = BatchInputs()
        found.walk(folder, relative: nil, names: top, root: root)
        found.inputs.sort()
        found.linksOut.sort()
        return found
    }

    private mutating func walk(_ folder: URL, relative: String?, names: [String], root: String) {
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = relative.map { "\($0)/\(name)" } ?? name
            let url = folder.appendingPathComponent(name, isDirectory: false)
            switch Self.fileType(url.path, following: false) {
            case S_IFREG? where name.hasSuffix(".txt"):
                inputs.append(path)
            case S_IFDIR?:
                guard let children = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
                    unreadable.append(ConversionError(path: path + "/", reason: "cannot list this folder (permission denied?)"))
                    continue
                }
                walk(url, relative: path, names: children, root: root)
            case S_IFLNK?:
                let target = url.resolvingSymlinksInPath().standardizedFileURL.path
                guard target.hasPrefix(root + "/") else {
                    if name.hasSuffix(".txt") || Self.isFolder(target) { linksOut.append(path) }
                    continue
                }
                if name.hasSuffix(".txt"), Self.fileType(target, following: true) == S_IFREG { inputs.append(path) }
            default:
                continue
            }
        }
    }

    /// The file's type bits (`S_IFREG`, `S_IFDIR`, `S_IFLNK` …), of the link itself unless
    /// `following`; nil when it cannot be read. One `lstat`: FileManager's attribute dictionary
    /// also looks up the owner's and group's names, which reads /etc/passwd and /etc/group
    /// once per input file.
    private static func fileType(_ path: String, following: Bool) -> mode_t? {
        var status = stat()
        guard (following ? stat(path, &status) : lstat(path, &status)) == 0 else { return nil }
        return status.st_mode & S_IFMT
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// Why a batch could not start (exit status 2): the folder and the reason.
public struct BatchStartError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "\(path): \(reason)" }
}
