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
    /// in place, and the offsets are runs (`SourceOffsetMap`): at the stage's memory peak a
    /// 50 MB document's text is held twice (source and working), not four times.
    public func normalize(_ source: SourceText) -> WorkingText {
        var scalars = source.scalars
        let folded = fold(&scalars) ?? SourceOffsetMap(identity: scalars.count)
        let offsets = LineRepair.repair(&scalars, folded)
        return WorkingText(scalars: scalars, sourceOffsets: offsets, sourceLength: source.count)
    }

    /// Folds the scalars in place, and returns their source offsets once they differ from the
    /// identity (nil while every scalar so far is kept or replaced in place).
    private func fold(_ scalars: inout [Unicode.Scalar]) -> SourceOffsetMap? {
        let count = scalars.count
        // State lives inside the closure: captured from outside, it would be boxed and every
        // access checked for exclusivity at run time, which cost more than the folding.
        let (written, offsets) = scalars.withUnsafeMutableBufferPointer { buffer -> (Int, SourceOffsetMap?) in
            var offsets: SourceOffsetMap? = nil
            // Until a scalar is dropped every scalar stays where it is, and one that is kept
            // needs no write at all: skip the run of them that starts the text (usually all of it).
            var index = 0
            while index < count {
                let value = buffer[index].value
                guard (value >= 0x20 && value < 0x7F) || (value >= 0x3400 && value < 0xFEFF) || value == 0x0A else { break }
                index += 1
            }
            var written = index
            while index < count {
                let scalar = buffer[index]
                let value = scalar.value
                // Printable ASCII, line feeds and the Han, kana and CJK punctuation blocks are
                // kept as they are: nearly every scalar of a bulletin, decided without the table.
                var folded = scalar
                var keep = true
                if !((value >= 0x20 && value < 0x7F) || (value >= 0x3400 && value < 0xFEFF) || value == 0x0A) {
                    if scalar == "\r" {
                        // CRLF is one break, kept at the LF; a lone CR is a break of its own.
                        if index + 1 < count && buffer[index + 1] == "\n" {
                            keep = false
                        } else {
                            folded = "\n"
                        }
                    } else {
                        switch CharacterFolding.fold(scalar) {
                        case .keep: break
                        case let .replace(replacement): folded = replacement
                        case .drop: keep = false
                        }
                    }
                }
                if keep {
                    // The write position never passes the read position: compaction in place.
                    buffer[written] = folded
                    offsets?.append(Int32(truncatingIfNeeded: index))
                    written += 1
                } else if offsets == nil {
                    // The first scalar not at its own source offset: from here on the offsets
                    // are kept.
                    offsets = SourceOffsetMap(identity: written)
                }
                index += 1
            }
            return (written, offsets)
        }
        scalars.removeLast(count - written)
        return offsets
    }
}
