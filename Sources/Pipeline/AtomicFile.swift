import CFileSystem
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
/// Either kind of leftover is removed by the next batch run (`removeLeftovers`), and so are the
/// scratch files of `scratchFile` and the spares of `SpareFiles`, which share the naming. A batch
/// writing over existing outputs swaps each new file with its target instead of renaming over
/// it, and writes the next output into the file it swapped out (`SpareFiles` says when that is
/// safe); a reader of the target still sees the old file whole or the new one whole.
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
        try stage(for: url) { file in try file.append(data) }
    }

    /// Like `stage(_:for:)`; with `spares`, the bytes go over a spare of the target's folder when
    /// one is kept, and `commit()` swaps rather than replaces (see `SpareFiles`).
    static func stage(_ data: Data, for url: URL, spares: SpareFiles?) throws -> StagedFile {
        try stage(for: url, spares: spares, bytes: data.count) { file in try file.append(data) }
    }

    /// Like `stage(_:for:)`, with the bytes appended by `fill` as it makes them, so a file need
    /// not be in memory whole (the combined CSV tables are copied in from their spill files).
    static func stage(for url: URL, spares: SpareFiles? = nil, bytes: Int = 0, _ fill: (OpenFile) throws -> Void) throws -> StagedFile {
        let folder = url.deletingLastPathComponent()
        if let spares, let spare = spares.take(in: folder.path, for: bytes) {
            do {
                try fill(spare.file)
                if spare.bytes > spare.file.end, ftruncate(spare.file.descriptor, off_t(spare.file.end)) != 0 {
                    throw FileWriteError.posix(spare.file.path, "cannot cut the file to its new length")
                }
                let temporary = URL(fileURLWithPath: spare.file.path, isDirectory: false)
                return StagedFile(temporary: temporary, target: url, stamp: try FileStamp(of: spare.file), spares: spares)
            } catch {
                unlink(spare.file.path)
                throw error
            }
        }
        let temporary = temporaryURL(for: url)
        #if os(Linux)
            if canNameUnnamedFiles, let unnamed = try openUnnamed(in: folder, access: O_WRONLY, for: temporary) {
                try fill(unnamed)
                let stamp = try FileStamp(of: unnamed)
                // Giving the inode a name through /proc needs no privilege (AT_EMPTY_PATH would).
                guard linkat(AT_FDCWD, "/proc/self/fd/\(unnamed.descriptor)", AT_FDCWD, temporary.path, AT_SYMLINK_FOLLOW) == 0 else {
                    throw FileWriteError.posix(temporary.path, "cannot name the temporary file")
                }
                return StagedFile(temporary: temporary, target: url, stamp: stamp, spares: spares)
            }
        #endif
        let descriptor = try creatingFolder(folder) { open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, newFileMode) }
        guard descriptor >= 0 else { throw FileWriteError.posix(temporary.path, "cannot create a file") }
        do {
            let file = OpenFile(descriptor: descriptor, path: temporary.path)
            try fill(file)
            return StagedFile(temporary: temporary, target: url, stamp: try FileStamp(of: file), spares: spares)
        } catch {
            unlink(temporary.path)
            throw error
        }
    }

    /// Runs `open`, and when it fails because `folder` does not exist, creates the folder (and
    /// its parents) and runs it again. A batch writes thousands of files into folders that exist
    /// after the first: checking the folder before every file would cost a system call each.
    private static func creatingFolder(_ folder: URL, _ open: () -> Int32) throws -> Int32 {
        let descriptor = open()
        guard descriptor < 0, errno == ENOENT else { return descriptor }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return open()
    }

    /// Writes the file `fill` makes (see `stage(for:_:)`) and renames it into place.
    static func write(to url: URL, _ fill: (OpenFile) throws -> Void) throws {
        try stage(for: url, fill).commit()
    }

    /// A complete temporary file waiting to be renamed over its target.
    public struct StagedFile {
        public let temporary: URL
        public let target: URL
        /// What the file is once in place (its size, time and inode survive the rename).
        public let stamp: FileStamp
        /// Where the replaced file goes when it is swapped rather than replaced.
        let spares: SpareFiles?

        public func commit() throws {
            // The file being replaced stays open across the rename, so that deleting it (which
            // can wait on the disk) happens when the closer closes it, not inside the rename.
            // When it may be kept as a spare, it is opened for writing (without waiting for a
            // lease holder: O_NONBLOCK), read-only when that is refused.
            var replaced: Int32 = -1
            var targetMissing = false
            if let spares, spares.exchangeSupported {
                replaced = open(target.path, O_RDWR | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
                if replaced >= 0 {
                    if jb_exchange_paths(temporary.path, target.path) == 0 {
                        spares.keep(replaced, at: temporary.path, in: target.deletingLastPathComponent().path)
                        return
                    }
                    if [EINVAL, ENOSYS, EOPNOTSUPP].contains(errno) { spares.exchangeFailed() }
                } else {
                    targetMissing = errno == ENOENT
                }
            }
            if replaced < 0, !targetMissing { replaced = open(target.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK) }
            if rename(temporary.path, target.path) != 0 {
                let error = FileWriteError(path: target.path, reason: "cannot rename into place: " + String(cString: strerror(errno)))
                if replaced >= 0 { close(replaced) }
                discard()
                throw error
            }
            if replaced >= 0 { ReplacedFileCloser.shared.close(replaced) }
        }

        public func discard() {
            unlink(temporary.path)
        }
    }

    /// The mode of the files written here, before the umask: readable by all, like a file
    /// `touch` makes, but not writable by the group or others even under a lax umask.
    static let newFileMode: mode_t = 0o644

    /// A read-write file in `folder` for the run's own use, nameless while open so that it
    /// vanishes with the process however the process ends, a `SIGKILL` included: on Linux an
    /// `O_TMPFILE` inode, elsewhere a file unlinked as soon as it is open. A kill in the moment
    /// between that open and unlink leaves an empty file named like a temporary file
    /// (`.NAME.UUID.tmp`), which the next run removes with the rest.
    static func scratchFile(in folder: URL, for name: String) throws -> OpenFile {
        let temporary = temporaryURL(for: folder.appendingPathComponent(name))
        #if os(Linux)
            if let unnamed = try openUnnamed(in: folder, access: O_RDWR, for: temporary) { return unnamed }
        #endif
        let descriptor = open(temporary.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileWriteError.posix(temporary.path, "cannot create a scratch file") }
        unlink(temporary.path)
        return OpenFile(descriptor: descriptor, path: temporary.path)
    }

    /// The temporary name of a file on its way to `url`: `.NAME.UUID.tmp` beside it. The UUID
    /// is a random (version 4) one drawn from the system generator: `UUID()` opens and reads
    /// /dev/urandom for each one, three system calls per file written.
    private static func temporaryURL(for url: URL) -> URL {
        var random = SystemRandomNumberGenerator()
        var bytes = (random.next() as UInt64, random.next() as UInt64)
        let uuid = withUnsafeMutableBytes(of: &bytes) { raw -> UUID in
            raw[6] = raw[6] & 0x0F | 0x40
            raw[8] = raw[8] & 0x3F | 0x80
            return UUID(uuid: raw.load(as: uuid_t.self))
        }
        return url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(uuid.uuidString).tmp", isDirectory: false)
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

        /// An unnamed file can be given a name later only through /proc; without it, staged files
        /// fall back to ordinary temporary files.
        private static let canNameUnnamedFiles = access("/proc/self/fd", F_OK) == 0

        /// An unnamed file in `folder`, or nil when its file system cannot make one (the caller
        /// falls back). `temporary` names it in errors.
        private static func openUnnamed(in folder: URL, access: Int32, for temporary: URL) throws -> OpenFile? {
            let descriptor = try creatingFolder(folder) { open(folder.path, openTemporaryFile | access | O_CLOEXEC, newFileMode) }
            guard descriptor >= 0 else {
                if [EOPNOTSUPP, EISDIR, EINVAL, ENOENT].contains(errno) { return nil }
                throw FileWriteError.posix(folder.path, "cannot create a file")
            }
            return OpenFile(descriptor: descriptor, path: temporary.path)
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
