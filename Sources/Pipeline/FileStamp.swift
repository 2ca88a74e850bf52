import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a file was when jianbao last read or wrote it: its size, modification time (to the
/// nanosecond the file system keeps) and inode, as `bytes=… mtime=… inode=…`.
///
/// The manifest keeps one per input and one per output, so that the next run can tell, with one
/// `stat` and without reading a byte, whether the file is still the one it saw. A later rewrite,
/// by hand or by a tool, gives a new time (an in-place rewrite to the same size within the file
/// system's clock tick of jianbao's own read or write is the one change it cannot see), and a
/// replacement a new inode; a file renamed into place keeps all three. This is how make, rsync
/// and git's index tell a file changed. For outputs it replaces a SHA-256 of every file written,
/// which cost as much as a tenth of a batch run; for inputs it lets a run over unchanged inputs
/// skip reading and hashing them (an input whose stamp changed is still read and hashed, and
/// converted only when its bytes changed).
public struct FileStamp: Equatable, Sendable, CustomStringConvertible {
    public let bytes: Int64
    public let seconds: Int64
    public let nanoseconds: Int64
    public let inode: UInt64

    init(_ status: stat) {
        bytes = Int64(status.st_size)
        #if canImport(Darwin)
            seconds = Int64(status.st_mtimespec.tv_sec)
            nanoseconds = Int64(status.st_mtimespec.tv_nsec)
        #else
            seconds = Int64(status.st_mtim.tv_sec)
            nanoseconds = Int64(status.st_mtim.tv_nsec)
        #endif
        inode = UInt64(status.st_ino)
    }

    /// The stamp of a file jianbao has just written and still holds open.
    init(of file: OpenFile) throws {
        var status = stat()
        guard fstat(file.descriptor, &status) == 0 else { throw FileWriteError.posix(file.path, "cannot read back the file's status") }
        self.init(status)
    }

    /// The stamp of the file at `path` now, or nil when there is none (not there, not readable).
    public init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        self.init(status)
    }

    public var description: String {
        let fraction = String(nanoseconds)
        return "bytes=\(bytes) mtime=\(seconds).\(String(repeating: "0", count: max(0, 9 - fraction.count)) + fraction) inode=\(inode)"
    }
}
