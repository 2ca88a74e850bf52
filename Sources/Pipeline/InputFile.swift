import Foundation
import Ingest

#if canImport(Glibc)
    import Glibc
#endif

/// Reads an input file (or standard input for `-`), refusing what is not a regular file or is
/// over the size limit before reading it all.
///
/// Files are read with open/fstat/read straight into the byte array: FileManager's attribute
/// dictionary and FileHandle's Data, then a copy into an array, cost as much as decoding.
public enum InputFile {
    public static func read(path: String, maxBytes: Int) throws -> [UInt8] {
        var stamp: FileStamp?
        return try read(path: path, maxBytes: maxBytes, stamp: &stamp)
    }

    /// The bytes and the file's stamp as it was opened (nil for standard input), so a batch can
    /// tell next time, without reading it, that the input is unchanged.
    static func readStamped(path: String, maxBytes: Int) throws -> (bytes: [UInt8], stamp: FileStamp?) {
        var stamp: FileStamp?
        let bytes = try read(path: path, maxBytes: maxBytes, stamp: &stamp)
        return (bytes, stamp)
    }

    private static func read(path: String, maxBytes: Int, stamp: inout FileStamp?) throws -> [UInt8] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard data.count <= maxBytes else {
                throw ConversionError(path: path, reason: IngestError.tooLarge(bytes: data.count, limit: maxBytes).description)
            }
            return [UInt8](data)
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: throw ConversionError(path: path, reason: "no such file")
            case EACCES, EPERM: throw ConversionError(path: path, reason: "cannot open (permission denied)")
            default: throw ConversionError(path: path, reason: "cannot open (\(String(cString: strerror(code))))")
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw ConversionError(path: path, reason: "cannot read (\(String(cString: strerror(errno))))")
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            throw ConversionError(path: path, reason: "is a directory (use jianbao batch for folders)")
        }
        // Taken before reading: if the file changes while it is read, its next stamp differs
        // and the next run reads it again.
        if status.st_mode & S_IFMT == S_IFREG { stamp = FileStamp(status) }
        let size = Int(status.st_size)
        guard size <= maxBytes else {
            throw ConversionError(path: path, reason: IngestError.tooLarge(bytes: size, limit: maxBytes).description)
        }
        // The file's size is read into an array of exactly that size; a FIFO or device
        // (size 0), or a file that grows while read, goes on in chunks up to the limit.
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = fill(descriptor, UnsafeMutableRawBufferPointer(buffer), failure: &failure)
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while failure == 0 {
            let got = chunk.withUnsafeMutableBytes { fill(descriptor, $0, failure: &failure) }
            if got == 0 { break }
            bytes.append(contentsOf: chunk[..<got])
            if bytes.count > maxBytes {
                throw ConversionError(path: path, reason: IngestError.tooLarge(bytes: bytes.count, limit: maxBytes).description)
            }
        }
        if failure != 0 {
            throw ConversionError(path: path, reason: "cannot read (\(String(cString: strerror(failure))))")
        }
        return bytes
    }

    /// Reads until `buffer` is full or the end of the file; the count read. A read error
    /// stops it with the error number in `failure`.
    private static func fill(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer, failure: inout Int32) -> Int {
        var filled = 0
        while filled < buffer.count {
            let got = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if got > 0 {
                filled += got
            } else if got == 0 {
                break
            } else if errno != EINTR {
                failure = errno
                break
            }
        }
        return filled
    }
}
