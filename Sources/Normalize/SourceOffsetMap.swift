/// Working index → source scalar offset, stored as runs.
///
/// Normalize keeps nearly every scalar and keeps them in order, so the offsets rise by one from
/// scalar to scalar except where a line break was removed, a format character dropped, CRLF
/// made one break or a caption moved. A run is a working index from which the offsets rise by
/// one again: a bulletin has a few runs per paragraph, where an array of offsets took 4 bytes a
/// scalar (70 MB for a 50 MB document, at the pipeline's memory peak).
///
///     working  接 受 。 ⏎ 二 是        (the break after 受 was removed)
///     source   0  1  3  4  5  6
///     runs     (0 → 0), (2 → 3)
public struct SourceOffsetMap: Sendable, RandomAccessCollection {
    /// Working index where each run starts, rising; the first run starts at 0.
    private var runStarts: [Int32] = []
    /// Source offset of each run's first scalar.
    private var runOffsets: [Int32] = []
    public private(set) var count = 0
    /// Whether every run starts past where the one before ended: offsets rise through the
    /// whole text (false once a moved caption makes them fall back).
    public private(set) var isRising = true
    /// The source offset the next working scalar has if it goes on the last run.
    private var continuing: Int32 = 0

    public init() {}

    /// The identity map of `count` scalars: one run.
    public init(identity count: Int) {
        append(from: 0, count: count)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// The source offset of working scalar `index`: a binary search over the runs.
    public subscript(index: Int) -> Int32 {
        precondition(index >= 0 && index < count, "working index out of range")
        let run = self.run(containing: index)
        return runOffsets[run] + Int32(truncatingIfNeeded: index) - runStarts[run]
    }

    /// The index of the last run starting at or before `index`. (Every entity's span asks this
    /// twice: the search reads the storage without bounds checks, and a map of one run — a
    /// text with nothing removed — has no search at all.)
    func run(containing index: Int) -> Int {
        let target = Int32(truncatingIfNeeded: index)
        return runStarts.withUnsafeBufferPointer { starts in
            // The first run starts at 0, at or before every index: the answer is in
            // `base..<(base + length)`, halved with a conditional move rather than a branch
            // (which run a span falls in is a coin toss for the branch predictor).
            var length = starts.count
            guard length > 1 else { return length - 1 }
            var base = 0
            while length > 1 {
                let half = length &>> 1
                base = starts[base &+ half] <= target ? base &+ half : base
                length &-= half
            }
            return base
        }
    }

    /// The source offsets of working scalars `first` and `last` (`first <= last`), with one
    /// search when both lie in one run, as the two ends of nearly every span do.
    func offsets(_ first: Int, _ last: Int) -> (first: Int32, last: Int32) {
        precondition(first >= 0 && first <= last && last < count, "working index out of range")
        let run = self.run(containing: first)
        let start = runStarts[run]
        let firstOffset = runOffsets[run] + Int32(truncatingIfNeeded: first) - start
        let runEnd = run + 1 < runStarts.count ? Int(runStarts[run + 1]) : count
        guard last >= runEnd else { return (firstOffset, runOffsets[run] + Int32(truncatingIfNeeded: last) - start) }
        return (firstOffset, self[last])
    }

    /// Maps the next working scalar to `offset`.
    mutating func append(_ offset: Int32) {
        if count > 0 {
            if offset == continuing {
                count += 1
                continuing += 1
                return
            }
            if offset < continuing { isRising = false }
        }
        runStarts.append(Int32(truncatingIfNeeded: count))
        runOffsets.append(offset)
        count += 1
        continuing = offset + 1
    }

    /// The first working index whose source offset is at or after `offset` (`count` when
    /// none is). On a rising map this searches the runs, not every index through `subscript`
    /// (a binary search inside a binary search); otherwise it probes index by index exactly
    /// as a plain binary search over the offsets would.
    public func firstIndex(atOrAfterSource offset: Int) -> Int {
        guard isRising else {
            var low = 0
            var high = count
            while low < high {
                let middle = (low + high) / 2
                if Int(self[middle]) < offset { low = middle + 1 } else { high = middle }
            }
            return low
        }
        // The last run starting at or below `offset`; the answer lies in it or at the next run.
        var low = 0
        var high = runOffsets.count
        while low < high {
            let middle = (low + high) / 2
            if Int(runOffsets[middle]) <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return 0 }
        let run = low - 1
        let runEnd = run + 1 < runStarts.count ? Int(runStarts[run + 1]) : count
        let index = Int(runStarts[run]) + (offset - Int(runOffsets[run]))
        return Swift.min(index, runEnd)
    }

    /// Maps the next `length` working scalars to the source offsets from `offset` on.
    mutating func append(from offset: Int32, count length: Int) {
        guard length > 0 else { return }
        append(offset)
        count += length - 1
        continuing += Int32(truncatingIfNeeded: length - 1)
    }

    /// Maps the next working scalars to the offsets `other` gives `range` (the runs of one map
    /// carried into another, a run at a time).
    mutating func append(contentsOf other: SourceOffsetMap, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        var run = other.run(containing: range.lowerBound)
        var index = range.lowerBound
        while index < range.upperBound {
            let runEnd = run + 1 < other.runStarts.count ? Int(other.runStarts[run + 1]) : other.count
            let end = Swift.min(runEnd, range.upperBound)
            append(from: other.runOffsets[run] + Int32(truncatingIfNeeded: index) - other.runStarts[run], count: end - index)
            index = end
            run += 1
        }
    }

    /// How many runs the map holds (for tests and the benchmark's memory figures).
    public var runCount: Int { runStarts.count }
}
