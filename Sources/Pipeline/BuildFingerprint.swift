import Crypto
import Foundation
import Ingest

/// A hash of the running executable and the resource bundles beside it (the lexicons), so the
/// manifest can tell outputs of this build from those of any other.
///
/// The executable is identified by its GNU build ID, the hash the linker writes into the
/// binary over its contents, read from its program headers; hashing the 20 MB file itself
/// was a fixed 30 ms on every batch run. Where there is no build ID, the file is hashed.
enum BuildFingerprint {
    static let current: String = {
        var hasher = SHA256()
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let path = FileManager.default.fileExists(atPath: executable.path) ? executable : URL(fileURLWithPath: CommandLine.arguments[0])
        if let buildID = ExecutableBuildID.read(path: path.path) {
            hasher.update(data: Data("build-id:".utf8))
            hasher.update(data: Data(buildID))
        } else if let data = try? Data(contentsOf: path) {
            hasher.update(data: data)
        }
        let folder = path.deletingLastPathComponent()
        let bundles = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".resources") }.sorted()
        for bundle in bundles {
            let root = folder.appendingPathComponent(bundle)
            for file in ((FileManager.default.subpaths(atPath: root.path)) ?? []).sorted() {
                if let data = try? Data(contentsOf: root.appendingPathComponent(file)) {
                    hasher.update(data: Data(file.utf8))
                    hasher.update(data: data)
                }
            }
        }
        return Ingestor.hex(hasher.finalize().prefix(8))
    }()
}

/// The NT_GNU_BUILD_ID note of an ELF executable, read from its program headers (a few
/// kilobytes at the start of the file, not the whole of it).
enum ExecutableBuildID {
    static func read(path: String = "/proc/self/exe") -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        func bytes(at offset: UInt64, count: Int) -> Data? {
            guard (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.read(upToCount: count), data.count == count
            else { return nil }
            return data
        }
        // Elf64_Ehdr: magic, class 2 (64-bit), data 1 (little-endian); e_phoff at 32,
        // e_phentsize at 54, e_phnum at 56.
        guard let header = bytes(at: 0, count: 64), header.starts(with: [0x7F, 0x45, 0x4C, 0x46, 2, 1]) else { return nil }
        let programHeaders = header.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 32, as: UInt64.self) }
        let entrySize = Int(header.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 54, as: UInt16.self) })
        let entries = Int(header.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 56, as: UInt16.self) })
        guard entrySize >= 56, entries < 256, let table = bytes(at: programHeaders, count: entrySize * entries) else { return nil }
        for index in 0..<entries {
            // Elf64_Phdr: p_type at 0 (PT_NOTE is 4), p_offset at 8, p_filesz at 32.
            let (type, offset, size) = table.withUnsafeBytes { raw in
                (
                    raw.loadUnaligned(fromByteOffset: index * entrySize, as: UInt32.self),
                    raw.loadUnaligned(fromByteOffset: index * entrySize + 8, as: UInt64.self),
                    raw.loadUnaligned(fromByteOffset: index * entrySize + 32, as: UInt64.self)
                )
            }
            guard type == 4, size < 1 << 16, let notes = bytes(at: offset, count: Int(size)) else { continue }
            if let id = notes.withUnsafeBytes({ buildID(inNotes: $0.baseAddress!, size: notes.count) }) { return id }
        }
        return nil
    }

    /// Walks one PT_NOTE segment: each note is namesz, descsz, type (4 bytes each), then the
    /// name and the descriptor, each padded to 4 bytes.
    static func buildID(inNotes start: UnsafeRawPointer, size: Int) -> [UInt8]? {
        var offset = 0
        func padded(_ n: Int) -> Int { (n + 3) & ~3 }
        while offset + 12 <= size {
            let nameSize = Int(start.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            let descriptorSize = Int(start.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
            let type = start.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let name = offset + 12
            let descriptor = name + padded(nameSize)
            guard descriptor + descriptorSize <= size else { return nil }
            // NT_GNU_BUILD_ID is 3, its name "GNU\0".
            if type == 3, nameSize == 4, start.loadUnaligned(fromByteOffset: name, as: UInt32.self) == 0x0055_4E47,
                descriptorSize > 0
            {
                return Array(UnsafeRawBufferPointer(start: start + descriptor, count: descriptorSize))
            }
            offset = descriptor + padded(descriptorSize)
        }
        return nil
    }
}
