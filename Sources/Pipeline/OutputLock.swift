import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on OUTPUT_DIR for the length of a batch run, so that a cron run that
/// starts while the previous one is still going refuses to start (exit status 2) instead of
/// both writing the same files. `flock` is released by the kernel when the process ends, however
/// it ends, so a killed run never leaves the folder locked.
final class OutputLock {
    static let fileName = ".jianbao.lock"
    private let descriptor: Int32

    init(folder: URL) throws {
        let path = folder.appendingPathComponent(Self.fileName).path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BatchStartError(path: folder.path, reason: "output folder is not writable (\(String(cString: strerror(errno))))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw BatchStartError(path: folder.path, reason: "another jianbao batch is writing into this folder")
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
