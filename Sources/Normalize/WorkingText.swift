import JianbaoCore

/// The text the later stages read: folded and with broken lines repaired, plus the offset
/// map that takes every position back to the decoded source.
///
/// `sourceOffsets[i]` is the source scalar offset of working scalar `i`; a working range
/// maps to the source range from its first scalar's offset to just past its last one, so an
/// entity that crosses a removed line break still slices its exact source text.
///
/// Offsets are 32-bit (Ingest refuses inputs of 2^31 bytes or more) and stored as runs
/// (`SourceOffsetMap`): the map of a 50 MB document takes kilobytes, not 70 MB.
public struct WorkingText: Sendable {
    public let scalars: [Unicode.Scalar]
    public let sourceOffsets: SourceOffsetMap
    public let sourceLength: Int
    /// The line ranges, found once: Segment and two unit rules walk them.
    private let lineRanges: [Range<Int>]

    public init(scalars: [Unicode.Scalar], sourceOffsets: SourceOffsetMap, sourceLength: Int) {
        precondition(scalars.count == sourceOffsets.count, "one source offset per working scalar")
        self.scalars = scalars
        self.sourceOffsets = sourceOffsets
        self.sourceLength = sourceLength
        self.lineRanges = LineRepair.lineRanges(scalars)
    }

    /// For Normalize, which knows the lines already (`LineRepair.repair` returns them).
    init(scalars: [Unicode.Scalar], sourceOffsets: SourceOffsetMap, sourceLength: Int, lineRanges: [Range<Int>]) {
        precondition(scalars.count == sourceOffsets.count, "one source offset per working scalar")
        assert(lineRanges == LineRepair.lineRanges(scalars), "the lines of the working text")
        self.scalars = scalars
        self.sourceOffsets = sourceOffsets
        self.sourceLength = sourceLength
        self.lineRanges = lineRanges
    }

    public var count: Int { scalars.count }

    /// The source span of the working range `lower..<upper`.
    public func sourceSpan(_ lower: Int, _ upper: Int) -> SourceSpan {
        guard lower < upper else {
            let at = lower < count ? Int(sourceOffsets[lower]) : sourceLength
            return SourceSpan(start: at, end: at)
        }
        // Offsets rise through the text except where line repair moved a photo caption after
        // the paragraph it interrupted; a range across such a move still maps to the source
        // stretch between its two ends.
        let (firstOffset, lastOffset) = sourceOffsets.offsets(lower, upper - 1)
        let first = Int(firstOffset)
        let last = Int(lastOffset)
        return SourceSpan(start: min(first, last), end: max(first, last) + 1)
    }

    public func sourceSpan(_ range: Range<Int>) -> SourceSpan {
        sourceSpan(range.lowerBound, range.upperBound)
    }

    /// The working text of `range`, as a String (for titles, names, field values).
    public func string(_ range: Range<Int>) -> String {
        Self.string(scalars[range])
    }

    /// The scalars as a String (`String(scalars:)`).
    public static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(scalars: scalars)
    }

    /// The working lines: ranges between line feeds (line feeds excluded), blank ones included.
    public func lines() -> [Range<Int>] { lineRanges }
}
