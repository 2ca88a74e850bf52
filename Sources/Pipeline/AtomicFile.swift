import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that no reader ever sees it half-written, and so that a run killed at any
/// moment leaves no half-written file behind under any name.
///
/// The bytes go to a temporary file in the target's own folder (rename is atomic only within one
/// file system), which is then renamed over the target. On Linux the temporary file is first an
/// unnamed inode (`O_TMPFILE`) and gets its `.NAME.UUID.tmp` name only once every byte is in it,
/// so even the leftover of a `SIGKILL` between the two steps is complete; elsewhere, or on a file
/// system without `O_TMPFILE`, it is an ordinary file, and a killed run may leave a partial one.
/// Either kind of leftover is removed by the next batch run (`removeLeftovers`).
///
/// Durability against power loss (fsync) is not attempted: it would cost a disk flush per file,
/// and a batch run interrupted that way is simply redone by the next one.
///
///     try AtomicFile.write("{…}", to: URL(fileURLWithPath: "out/report.json"))
public enum AtomicFile {
    public static func write(_ contents: String, to url: URL) throws {
        try write(Data(contents.utf8), to: url)
    }

    public static func write(_ data: Data, to url: URL) throws {
        try stage(data, for: url).commit()
    }

    /// Writes `data` to a complete temporary file beside `url`; `commit()` then renames it into
    /// place. Lets a caller record what it is about to publish before publishing it.
    public static func stage(_ data: Data, for url: URL) throws -> StagedFile {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        #if os(Linux)
            if try writeUnnamed(data, in: folder, thenLinkAt: temporary) {
                return StagedFile(temporary: temporary, target: url)
            }
        #endif
        do {
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw FileWriteError(path: temporary.path, reason: error.localizedDescription)
        }
        return StagedFile(temporary: temporary, target: url)
    }

    /// A complete temporary file waiting to be renamed over its target.
    public struct StagedFile {
        public let temporary: URL
        public let target: URL

        public func commit() throws {
            if rename(temporary.path, target.path) != 0 {
                let error = FileWriteError(path: target.path, reason: "cannot rename into place: " + String(cString: strerror(errno)))
                discard()
                throw error
            }
        }

        public func discard() {
            unlink(temporary.path)
        }
    }

    /// Whether a file name is one of this type's temporary names (`.NAME.UUID.tmp`).
    public static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        let core = name.dropFirst().dropLast(4)
        guard let dot = core.lastIndex(of: ".") else { return false }
        return UUID(uuidString: String(core[core.index(after: dot)...])) != nil
    }

    /// Deletes the temporary files a killed run left anywhere under `folder`; returns their paths
    /// relative to it. Only names of this type's own shape are touched.
    @discardableResult
    public static func removeLeftovers(in folder: URL) -> [String] {
        guard let paths = FileManager.default.subpaths(atPath: folder.path) else { return [] }
        var removed: [String] = []
        for relative in paths.sorted() where isTemporaryName((relative as NSString).lastPathComponent) {
            if unlink(folder.appendingPathComponent(relative).path) == 0 { removed.append(relative) }
        }
        return removed
    }

    #if os(Linux)
        /// `O_TMPFILE` is a compound macro Swift does not import; its value is the same on every
        /// Linux architecture Swift runs on (`__O_TMPFILE | O_DIRECTORY`).
        private static let openTemporaryFile: Int32 = 0o20000000 | O_DIRECTORY

        /// False when the file system cannot make unnamed files (the caller falls back).
        private static func writeUnnamed(_ data: Data, in folder: URL, thenLinkAt temporary: URL) throws -> Bool {
            let descriptor = open(folder.path, openTemporaryFile | O_WRONLY | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                if [EOPNOTSUPP, EISDIR, EINVAL, ENOENT].contains(errno) { return false }
                throw FileWriteError.posix(folder.path, "cannot create a file")
            }
            defer { close(descriptor) }
            try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < buffer.count {
                    let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw FileWriteError.posix(temporary.path, "cannot write")
                    }
                    offset += written
                }
            }
            // Giving the inode a name through /proc needs no privilege (AT_EMPTY_PATH would).
            guard linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, temporary.path, AT_SYMLINK_FOLLOW) == 0 else {
                if errno == ENOENT { return false }  // no /proc: fall back to a named temporary file
                throw FileWriteError.posix(temporary.path, "cannot name the temporary file")
            }
            return true
        }
    #endif
}

/// A file that could not be written, with the path and the system's reason.
public struct FileWriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    static func posix(_ path: String, _ what: String) -> FileWriteError {
        FileWriteError(path: path, reason: what + ": " + String(cString: strerror(errno)))
    }

    public var description: String { "\(path): \(reason)" }
}
