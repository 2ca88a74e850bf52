import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open file descriptor, appended to at its end and read at any offset, with the loops POSIX
/// leaves to the caller (short and interrupted writes and reads). Closed when released. `path`
/// only names the file in errors: the file may have no name at all.
///
///     let file = try AtomicFile.scratchFile(in: output, for: "items.csv.spill")
///     let offset = file.end
///     try bytes.withUnsafeBytes { try file.append($0) }
final class OpenFile {
    let descriptor: Int32
    let path: String
    /// Bytes written so far, which is where the next `append` goes (the file starts empty).
    private(set) var end = 0

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    func append(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let written = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(end + done))
            if written < 0 {
                if errno == EINTR { continue }
                throw FileWriteError.posix(path, "cannot write")
            }
            done += written
        }
        end += done
    }

    func append(_ data: Data) throws {
        try data.withUnsafeBytes { try append($0) }
    }

    /// Fills `buffer` with the bytes from `offset` on; the file must hold that many.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        var done = 0
        while done < buffer.count {
            let count = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if count < 0 {
                if errno == EINTR { continue }
                throw FileWriteError.posix(path, "cannot read back")
            }
            if count == 0 { throw FileWriteError(path: path, reason: "cannot read back: shorter than written") }
            done += count
        }
    }
}
