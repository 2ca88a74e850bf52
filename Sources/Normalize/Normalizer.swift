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

    /// Folding reads the source's scalars and writes the working array; line repair then
    /// compacts that array in place, and the offsets are runs (`SourceOffsetMap`): at the
    /// stage's memory peak a 50 MB document's text is held twice (source and working), not
    /// four times. Each pass hands the next the lines it wrote, so no pass looks for line
    /// breaks again.
    public func normalize(_ source: SourceText) -> WorkingText {
        var folded = Self.fold(source.scalars)
        let repaired = LineRepair.repair(
            &folded.scalars, folded.offsets ?? SourceOffsetMap(identity: folded.scalars.count), lines: folded.lines)
        return WorkingText(
            scalars: folded.scalars, sourceOffsets: repaired.offsets, sourceLength: source.count, lineRanges: repaired.lines)
    }

    /// The source folded: its scalars, their source offsets once they differ from the identity
    /// (nil while every scalar is kept or replaced in place, as in nearly every text), and its
    /// lines (`LineRepair.lineRanges` of the folded scalars).
    static func fold(_ source: [Unicode.Scalar]) -> (scalars: [Unicode.Scalar], offsets: SourceOffsetMap?, lines: [Range<Int>]) {
        var offsets: SourceOffsetMap? = nil
        var lines: [Range<Int>] = []
        let scalars = source.withUnsafeBufferPointer { input in
            CharacterFolding.unchangedBMP.withUnsafeBufferPointer { unchanged in
                [Unicode.Scalar](unsafeUninitializedCapacity: input.count) { output, initialized in
                    initialized = fold(input, into: output, unchanged, &offsets, &lines)
                }
            }
        }
        return (scalars, offsets, lines)
    }

    /// Writes the folded `input` to `output`, and the number written. (A function of its own
    /// with the state passed inout, not a closure capturing it: captured variables are checked
    /// for exclusive access at run time on every use.)
    private static func fold(
        _ input: UnsafeBufferPointer<Unicode.Scalar>, into output: UnsafeMutableBufferPointer<Unicode.Scalar>,
        _ unchanged: UnsafeBufferPointer<UInt64>, _ offsets: inout SourceOffsetMap?, _ lines: inout [Range<Int>]
    ) -> Int {
        let count = input.count
        guard count > 0 else {
            lines.append(0..<0)
            return 0
        }
        var written = 0
        var lineStart = 0
        // The working scalars from `runStart` on are not in `offsets` yet; the first of them
        // came from source offset `runSource`, and each after it from the next one.
        var runStart = 0
        var runSource = 0
        var index = 0
        let inputBytes = UnsafeRawPointer(input.baseAddress!)
        let outputBytes = UnsafeMutableRawPointer(output.baseAddress!)
        while index < count {
            // Eight scalars at a test: most runs of text are plain (`plainLanes`) up to the next
            // comma or bracket. The chunk is stored whole (`written` never passes `index`, so it
            // fits) and the plain lanes before the first other one are kept; that one, if any,
            // takes the way below.
            if index &+ 8 <= count {
                let chunk = inputBytes.loadUnaligned(fromByteOffset: index &* 4, as: SIMD8<UInt32>.self)
                outputBytes.storeBytes(of: chunk, toByteOffset: written &* 4, as: SIMD8<UInt32>.self)
                let plain = plainLanes(chunk)
                // A lane that is not plain counts one here: the chunk is plain when none is.
                if (~plain &>> 31).wrappedSum() == 0 {
                    written &+= 8
                    index &+= 8
                    continue
                }
                var leading = 0
                while plain[leading] >= laneIsPlain { leading &+= 1 }
                written &+= leading
                index &+= leading
            }
            let scalar = input[index]
            let value = scalar.value
            // Nearly every scalar is kept as it is: one bit says so.
            if value >= 0x10000 || unchanged[Int(value &>> 6)] &>> UInt64(value & 63) & 1 != 0 {
                output[written] = scalar
                written += 1
                index += 1
                continue
            }
            var folded: Unicode.Scalar? = scalar
            if scalar == "\r" {
                // CRLF is one break, kept at the LF; a lone CR is a break of its own.
                folded = index + 1 < count && input[index + 1] == "\n" ? nil : "\n"
            } else if scalar != "\n" {
                switch CharacterFolding.fold(scalar) {
                case .keep: break
                case let .replace(replacement): folded = replacement
                case .drop: folded = nil
                }
            }
            if let folded {
                if folded == "\n" {
                    lines.append(lineStart..<written)
                    lineStart = written + 1
                }
                output[written] = folded
                written += 1
            } else {
                // A dropped scalar: the working scalars before it map as they did, those after
                // it from the next source offset on.
                if offsets == nil { offsets = SourceOffsetMap() }
                offsets!.append(from: Int32(truncatingIfNeeded: runSource), count: written - runStart)
                runStart = written
                runSource = index + 1
            }
            index += 1
        }
        lines.append(lineStart..<written)
        offsets?.append(from: Int32(truncatingIfNeeded: runSource), count: written - runStart)
        return written
    }

    /// The lanes holding a scalar that folding keeps as it is and that is common in running
    /// text have their top bit set (`laneIsPlain`): printable ASCII, CJK punctuation and
    /// ideographs (U+3001–U+9FFF, not the ideographic space), the quotes and dashes
    /// U+2010–U+2027, and the full-width comma. Anything else (line breaks, other full-width
    /// forms, spaces to fold) is left to the bit table. Written with lane arithmetic only:
    /// the compiler turns SIMD comparisons into a loop over the lanes.
    @inline(__always)
    private static func plainLanes(_ chunk: SIMD8<UInt32>) -> SIMD8<UInt32> {
        within(chunk, 0x20, 0x7F - 0x20) | within(chunk, 0x3001, 0xA000 - 0x3001) | within(chunk, 0x2010, 0x2028 - 0x2010)
            | within(chunk, 0xFF0C, 1)
    }

    private static let laneIsPlain: UInt32 = 0x8000_0000

    /// Top bit set in the lanes of `low..<(low + width)`: `value - low` wraps (top bit set) below
    /// the range, and `value - low - width` wraps exactly within it (scalars are far below 2^31).
    @inline(__always)
    private static func within(_ chunk: SIMD8<UInt32>, _ low: UInt32, _ width: UInt32) -> SIMD8<UInt32> {
        let shifted = chunk &- SIMD8(repeating: low)
        return ~shifted & (shifted &- SIMD8(repeating: width))
    }
}
