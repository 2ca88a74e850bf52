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

    public func normalize(_ source: SourceText) -> WorkingText {
        let (folded, offsets) = fold(source.scalars)
        // Until folding drops a scalar, working index i is source offset i: the offsets are the
        // range 0..<n rather than an array (8 bytes a scalar saved at the stage's memory peak).
        let (scalars, repairedOffsets) =
            offsets.map { LineRepair.repair(folded, $0) } ?? LineRepair.repair(folded, 0..<folded.count)
        return WorkingText(scalars: scalars, sourceOffsets: repairedOffsets, sourceLength: source.count)
    }

    /// The folded scalars, and their source offsets once they differ from the identity (nil
    /// while every scalar so far is kept or replaced in place).
    private func fold(_ source: [Unicode.Scalar]) -> ([Unicode.Scalar], [Int]?) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int]? = nil
        scalars.reserveCapacity(source.count)
        /// Called before the first scalar that is not at its own source offset.
        func diverge() {
            guard offsets == nil else { return }
            var table: [Int] = []
            table.reserveCapacity(source.count)
            table.append(contentsOf: 0..<scalars.count)
            offsets = table
        }
        var index = 0
        while index < source.count {
            let scalar = source[index]
            if scalar == "\r" {
                // CRLF is one break, kept at the LF; a lone CR is a break of its own.
                if index + 1 < source.count && source[index + 1] == "\n" {
                    diverge()
                    index += 1
                    continue
                }
                scalars.append("\n")
                offsets?.append(index)
            } else {
                switch CharacterFolding.fold(scalar) {
                case .keep:
                    scalars.append(scalar)
                    offsets?.append(index)
                case let .replace(replacement):
                    scalars.append(replacement)
                    offsets?.append(index)
                case .drop:
                    diverge()
                }
            }
            index += 1
        }
        return (scalars, offsets)
    }
}
