import JianbaoCore

/// The text the later stages read: folded and with broken lines repaired, plus the offset
/// map that takes every position back to the decoded source.
///
/// `sourceOffsets[i]` is the source scalar offset of working scalar `i`; a working range
/// maps to the source range from its first scalar's offset to just past its last one, so an
/// entity that crosses a removed line break still slices its exact source text.
public struct WorkingText: Sendable {
    public let scalars: [Unicode.Scalar]
    public let sourceOffsets: [Int]
    public let sourceLength: Int

    public init(scalars: [Unicode.Scalar], sourceOffsets: [Int], sourceLength: Int) {
        precondition(scalars.count == sourceOffsets.count, "one source offset per working scalar")
        self.scalars = scalars
        self.sourceOffsets = sourceOffsets
        self.sourceLength = sourceLength
    }

    public var count: Int { scalars.count }

    /// The source span of the working range `lower..<upper`.
    public func sourceSpan(_ lower: Int, _ upper: Int) -> SourceSpan {
        guard lower < upper else {
            let at = lower < count ? sourceOffsets[lower] : sourceLength
            return SourceSpan(start: at, end: at)
        }
        // Offsets rise through the text except where line repair moved a photo caption after
        // the paragraph it interrupted; a range across such a move still maps to the source
        // stretch between its two ends.
        let first = sourceOffsets[lower]
        let last = sourceOffsets[upper - 1]
        return SourceSpan(start: min(first, last), end: max(first, last) + 1)
    }

    public func sourceSpan(_ range: Range<Int>) -> SourceSpan {
        sourceSpan(range.lowerBound, range.upperBound)
    }

    /// The working text of `range`, as a String (for titles, names, field values).
    public func string(_ range: Range<Int>) -> String {
        Self.string(scalars[range])
    }

    /// The scalars as a String, encoded straight into the String's UTF-8 storage in one
    /// allocation (appending to a `String.UnicodeScalarView` grows and re-checks it scalar by
    /// scalar; the scanners build many short strings).
    public static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var capacity = 0
        for scalar in scalars { capacity += UTF8.width(scalar) }
        guard capacity > 0 else { return "" }
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var written = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[written] = byte
                    written += 1
                }
            }
            return written
        }
    }

    /// The working lines: ranges between line feeds (line feeds excluded), blank ones included.
    public func lines() -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for (index, scalar) in scalars.enumerated() where scalar == "\n" {
            result.append(start..<index)
            start = index + 1
        }
        result.append(start..<scalars.count)
        return result
    }
}
