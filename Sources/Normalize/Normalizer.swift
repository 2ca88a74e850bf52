import JianbaoCore

/// Source text to working text, in two linear passes.
///
/// 1. Folding: full-width digits and letters to ASCII, every space to U+0020, CRLF and CR to
///    LF, invisible format characters dropped (`CharacterFolding`).
/// 2. Line repair (`LineRepair`): the line breaks PDF extraction put inside a sentence are
///    removed, so a paragraph or a split list number ("2\n.开展") reads as one line.
///
/// Every working scalar keeps the offset of the source scalar it came from.
public struct Normalizer: Sendable {
    public init() {}

    /// Both passes work in one array, a copy of the source's scalars that each pass compacts
    /// in place, and one offset table: at the stage's memory peak a 50 MB document's text is
    /// held twice (source and working) with its offsets, not four times.
    public func normalize(_ source: SourceText) -> WorkingText {
        var scalars = source.scalars
        var offsets = fold(&scalars) ?? Array(0..<Int32(truncatingIfNeeded: scalars.count))
        LineRepair.repair(&scalars, &offsets)
        return WorkingText(scalars: scalars, sourceOffsets: offsets, sourceLength: source.count)
    }

    /// Folds the scalars in place, and returns their source offsets once they differ from the
    /// identity (nil while every scalar so far is kept or replaced in place).
    private func fold(_ scalars: inout [Unicode.Scalar]) -> [Int32]? {
        var offsets: [Int32]? = nil
        let count = scalars.count
        var written = 0
        scalars.withUnsafeMutableBufferPointer { buffer in
            /// Called before the first scalar that is not at its own source offset.
            func diverge() {
                guard offsets == nil else { return }
                var table: [Int32] = []
                table.reserveCapacity(count)
                table.append(contentsOf: 0..<Int32(written))
                offsets = table
            }
            var index = 0
            while index < count {
                let scalar = buffer[index]
                let value = scalar.value
                // Printable ASCII and the Han, kana and CJK punctuation blocks are kept as they
                // are: nearly every scalar of a bulletin, decided without the fold table.
                var folded = scalar
                if !((value >= 0x20 && value < 0x7F) || (value >= 0x3400 && value < 0xFEFF)) {
                    if scalar == "\r" {
                        // CRLF is one break, kept at the LF; a lone CR is a break of its own.
                        if index + 1 < count && buffer[index + 1] == "\n" {
                            diverge()
                            index += 1
                            continue
                        }
                        folded = "\n"
                    } else {
                        switch CharacterFolding.fold(scalar) {
                        case .keep: break
                        case let .replace(replacement): folded = replacement
                        case .drop:
                            diverge()
                            index += 1
                            continue
                        }
                    }
                }
                // The write position never passes the read position: compaction in place.
                buffer[written] = folded
                written += 1
                offsets?.append(Int32(truncatingIfNeeded: index))
                index += 1
            }
        }
        scalars.removeLast(count - written)
        return offsets
    }
}
