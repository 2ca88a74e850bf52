import Foundation

/// The same text in the byte forms real inputs arrive in, for invariance tests.
public enum Reencoding: String, CaseIterable, Sendable {
    case gb18030
    case utf16LEWithBOM
    case utf8WithBOMAndCRLF

    /// `text`'s bytes in this form; GB18030 goes through iconv (on every Linux machine).
    public func bytes(of text: String) throws -> [UInt8] {
        switch self {
        case .utf16LEWithBOM:
            var bytes: [UInt8] = [0xFF, 0xFE]
            for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            return bytes
        case .utf8WithBOMAndCRLF:
            return [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        case .gb18030:
            return try Iconv.convert(Array(text.utf8), from: "UTF-8", to: "GB18030")
        }
    }
}

enum Iconv {
    static func convert(_ bytes: [UInt8], from: String, to: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["iconv", "-f", from, "-t", to]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(bytes))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return [UInt8](data)
    }
}
