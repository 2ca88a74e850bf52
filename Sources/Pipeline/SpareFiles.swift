import CFileSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Outputs a batch has just replaced, kept under temporary names to be written over as its next
/// outputs, so that re-converting a folder into existing outputs neither creates nor deletes a
/// file per output.
///
/// Why: each new file costs an inode and each replaced one frees an inode and its blocks. On
/// ext4 without a journal the kernel looks at every inode freed in the last five minutes before
/// handing out a new one, so a `--force` run over 3000 outputs spent more time in the kernel
/// allocating inodes than in extracting; with `discard`, each freed file also waits for the disk
/// to trim its blocks. Swapping instead of replacing avoids both: the new output, complete under
/// its temporary name, is exchanged with the target in one atomic step (`renameat2` with
/// `RENAME_EXCHANGE`), which leaves the old output under the temporary name, where the next
/// output of the same folder is written over it in place.
///
/// A replaced file is reused only when nobody else can see it change: it has no other link, it
/// is ours, it has the mode our new files get, and no descriptor but ours has it open (a
/// reader that opened the old output before the swap keeps reading the old bytes: that file is
/// then deleted as before). Where the file system cannot exchange (not Linux, or a file system
/// without `RENAME_EXCHANGE`), files are renamed over their targets as before.
///
/// A spare is a temporary file like any staged one (`.NAME.UUID.tmp`): the batch removes the
/// spares it holds when it ends, and a killed batch's spares are removed by the next run.
final class SpareFiles: @unchecked Sendable {
    /// A replaced output under its temporary name, open for writing over.
    struct Spare {
        let file: OpenFile
        /// Its size, so that a shorter new output can cut the old bytes off.
        let bytes: Int
    }

    /// Enough to find one of about the right size for most outputs; more would only hold
    /// descriptors.
    private static let limit = 64

    private let lock = NSLock()
    private var spares: [String: [Spare]] = [:]
    private var count = 0
    private var canExchange = true
    /// The mode `AtomicFile` creates files with, after the process's umask.
    private let newFileMode: mode_t

    init() {
        // Reading the umask means setting it; the batch calls this before its workers start.
        let mask = umask(0)
        umask(mask)
        newFileMode = AtomicFile.newFileMode & ~mask
    }

    /// Whether swapping is still worth trying (it is given up after the first file system that
    /// cannot).
    var exchangeSupported: Bool { lock.withLock { canExchange } }

    /// A spare in `folder` to write an output of `bytes` into, if one is kept there that fits,
    /// or nil: the caller then writes a new file, which joins the spares once it has replaced
    /// an old output. Spares of other folders are not used: a swap across folders could cross
    /// file systems.
    ///
    /// A spare fits when it holds no more disk blocks than the output needs: cutting a file
    /// shorter frees its blocks, and on a file system mounted with `discard` that waits for the
    /// disk to trim them (0.2 ms a file here, as long as creating a file). Of those that fit,
    /// the largest is taken, whose blocks the output reuses the most of. Only when the spares
    /// are at their limit and none fits is the smallest taken and cut.
    func take(in folder: String, for bytes: Int) -> Spare? {
        lock.withLock {
            guard let kept = spares[folder], !kept.isEmpty else { return nil }
            let blocks = Self.blocks(bytes)
            var best: Int?
            for (index, spare) in kept.enumerated() where Self.blocks(spare.bytes) <= blocks {
                if best == nil || spare.bytes > kept[best!].bytes { best = index }
            }
            if best == nil {
                guard count >= Self.limit else { return nil }
                best = kept.indices.min { kept[$0].bytes < kept[$1].bytes }
            }
            count -= 1
            return spares[folder]!.remove(at: best!)
        }
    }

    /// The 4 KiB blocks a file of `bytes` takes (the block size of ext4 and most file systems).
    private static func blocks(_ bytes: Int) -> Int { (bytes + 4095) / 4096 }

    /// Records that this file system cannot exchange two names.
    func exchangeFailed() {
        lock.withLock { canExchange = false }
    }

    /// Keeps the file that a swap left at `path` (open as `descriptor`, read-write) as a spare
    /// of `folder`, or deletes it when it is not safe to reuse or enough spares are kept.
    func keep(_ descriptor: Int32, at path: String, in folder: String) {
        var status = stat()
        let reusable =
            fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG && status.st_nlink == 1
            && status.st_uid == geteuid() && status.st_mode & 0o7777 == newFileMode
            && jb_is_open_elsewhere(descriptor) == 0
        let kept =
            reusable
            && lock.withLock {
                guard count < Self.limit else { return false }
                spares[folder, default: []].append(Spare(file: OpenFile(descriptor: descriptor, path: path), bytes: Int(status.st_size)))
                count += 1
                return true
            }
        if !kept {
            unlink(path)
            ReplacedFileCloser.shared.close(descriptor)
        }
    }

    /// Deletes every spare kept; the batch calls it when it ends.
    func removeAll() {
        let all = lock.withLock {
            defer {
                spares = [:]
                count = 0
            }
            return Array(spares.values.joined())
        }
        for spare in all { unlink(spare.file.path) }
    }
}
