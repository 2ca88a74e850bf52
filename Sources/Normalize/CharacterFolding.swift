/// What a source scalar becomes in the working text.
enum FoldedScalar {
    case keep
    case replace(Unicode.Scalar)
    case drop
}

/// Full-width digits and Latin letters to ASCII, every kind of space to U+0020, and
/// invisible format characters dropped. Chinese punctuation (，。：（）) is kept: it carries
/// meaning the rules read (（一） is a marker, 。 ends a title).
enum CharacterFolding {
    static func fold(_ scalar: Unicode.Scalar) -> FoldedScalar {
        let value = scalar.value
        switch value {
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            // ０-９, Ａ-Ｚ, ａ-ｚ: the full-width block is ASCII shifted by 0xFEE0.
            return .replace(Unicode.Scalar(value - 0xFEE0)!)
        case 0xFF0E, 0xFF05, 0xFF0F, 0xFF0B, 0xFF0D:
            // ．％／＋－ read as number punctuation (1．, 30％, 1／5, ＋, －).
            return .replace(Unicode.Scalar(value - 0xFEE0)!)
        case 0x3000, 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x0009, 0x000B, 0x000C:
            return .replace(" ")
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x00AD:
            return .drop
        default:
            return .keep
        }
    }
}

extension CharacterFolding {
    /// One bit per BMP scalar: set when folding keeps it as it is and it is not a line break
    /// (LF and CR are counted as lines and CRLF joined, so they take the slow path). Scalars
    /// beyond the BMP are all kept. Folding asks this once per scalar of the text: a load and
    /// a mask instead of the ranges of `fold`.
    static let unchangedBMP: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for value in UInt32(0)..<0x10000 {
            guard value != 0x0A && value != 0x0D, let scalar = Unicode.Scalar(value) else { continue }
            if case .keep = fold(scalar) { bits[Int(value >> 6)] |= 1 << UInt64(value & 63) }
        }
        return bits
    }()
}
