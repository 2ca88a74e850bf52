/// File signatures of the non-text files that land in bulletin folders by mistake, so the
/// error can say what the file is rather than only that it is not text.
enum BinarySignature {
    private static let known: [(magic: [UInt8], name: String)] = [
        ([0x89, 0x50, 0x4E, 0x47], "PNG image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        ([0x47, 0x49, 0x46, 0x38], "GIF image"),
        ([0x25, 0x50, 0x44, 0x46], "PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "ZIP archive (or an Office document such as .docx/.xlsx)"),
        ([0xD0, 0xCF, 0x11, 0xE0], "legacy Office document (.doc/.xls)"),
        ([0x1F, 0x8B], "gzip archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
        ([0x52, 0x61, 0x72, 0x21], "RAR archive"),
        ([0x37, 0x7A, 0xBC, 0xAF], "7z archive"),
    ]

    static func name(of bytes: [UInt8]) -> String? {
        for entry in known where bytes.starts(with: entry.magic) {
            return entry.name
        }
        return nil
    }
}
