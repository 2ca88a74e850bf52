import Foundation
import Ingest

/// Reads an input file (or standard input for `-`), refusing what is not a regular file or is
/// over the size limit before reading it all.
public enum InputFile {
    public static func read(path: String, maxBytes: Int) throws -> [UInt8] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard data.count <= maxBytes else {
                throw ConversionError(path: path, reason: IngestError.tooLarge(bytes: data.count, limit: maxBytes).description)
            }
            return [UInt8](data)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ConversionError(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw ConversionError(path: path, reason: "is a directory (use jianbao batch for folders)") }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxBytes else {
            throw ConversionError(path: path, reason: IngestError.tooLarge(bytes: size, limit: maxBytes).description)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ConversionError(path: path, reason: "cannot open (permission denied?)")
        }
        defer { try? handle.close() }
        let data = handle.readDataToEndOfFile()
        return [UInt8](data)
    }
}
