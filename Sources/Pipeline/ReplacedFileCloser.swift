import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Frees the files that renames replace away from the thread doing the renames.
///
/// Renaming a new output over the old one makes the kernel delete the old file within the
/// rename: on ext4 mounted with `discard` (common on SSDs and cloud disks) that waits for the
/// device to trim every block the file held, about 0.4 ms per file, which made a third of the
/// wall time of a `--force` batch over existing outputs. An open descriptor keeps a file's
/// inode and blocks alive after its last name is gone, so `AtomicFile` opens the target before
/// the rename and hands the descriptor here; the close that deletes the file then happens on
/// this closer's own thread, which only waits. The rename itself stays the one atomic step it
/// was. A process killed with descriptors still here loses nothing: the kernel closes them and
/// deletes the nameless files.
///
/// At most `limit` descriptors wait; beyond that the caller closes its own, so a device slower
/// than the conversions never makes the process hold many open files.
final class ReplacedFileCloser: @unchecked Sendable {
    static let shared = ReplacedFileCloser()
    private static let limit = 64

    private let condition = NSCondition()
    private var waiting: [Int32] = []
    private var started = false

    /// Closes `descriptor` soon, on the closer's thread (at once on the caller's when it is busy).
    func close(_ descriptor: Int32) {
        condition.lock()
        guard waiting.count < Self.limit else {
            condition.unlock()
            Self.closeNow(descriptor)
            return
        }
        waiting.append(descriptor)
        if !started {
            started = true
            let thread = Thread { [self] in run() }
            thread.name = "jianbao.replaced-files"
            thread.start()
        }
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while waiting.isEmpty { condition.wait() }
            let batch = waiting
            waiting.removeAll(keepingCapacity: true)
            condition.unlock()
            for descriptor in batch { Self.closeNow(descriptor) }
        }
    }

    private static func closeNow(_ descriptor: Int32) {
        #if canImport(Glibc)
            _ = Glibc.close(descriptor)
        #else
            _ = Darwin.close(descriptor)
        #endif
    }
}
