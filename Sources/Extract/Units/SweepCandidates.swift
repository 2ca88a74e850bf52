import Normalize

/// The positions `UnitSweep` must look at, gathered a block at a time: those whose scalar is
/// one of its marks, or whose pair with the next scalar `StartFilter` allows.
///
/// Tested one position at a time, the two bit tests were each a branch, and the pair test's
/// answer is too irregular to be predicted. The gathering loop has no branch (each position is
/// written, and the count advances by the position's bit), and the sweep then goes from
/// candidate to candidate, asking the same questions as before; only positions that would have
/// been passed over are left out.
struct SweepCandidates {
    /// Positions gathered per block: the buffer stays in the L1 cache.
    static let blockSize = 4096

    private let marks: [UInt64]
    private let pairs: [UInt64]
    /// 1 when the filter holds words of one scalar: every position is then a candidate.
    private let everyPosition: Int
    private var buffer = [Int32](repeating: 0, count: SweepCandidates.blockSize)

    init(marks: CandidateBits, starts: StartFilter) {
        self.marks = marks.words
        pairs = starts.pairBits
        everyPosition = starts.hasSingles ? 1 : 0
    }

    /// Gathers the candidates in `range` (at most `blockSize` positions), in order; returns how
    /// many there are, read back with `self[k]`. The text's last position, which has no pair,
    /// is always one.
    mutating func gather(in range: Range<Int>, of scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
        precondition(range.count <= Self.blockSize && range.upperBound <= scalars.count, "one block of the text")
        let everyPosition = everyPosition
        return marks.withUnsafeBufferPointer { marks in
            pairs.withUnsafeBufferPointer { pairs in
                buffer.withUnsafeMutableBufferPointer { buffer in
                    var found = 0
                    let pairEnd = max(range.lowerBound, min(range.upperBound, scalars.count - 1))
                    for position in range.lowerBound..<pairEnd {
                        let scalar = scalars[position]
                        let value = scalar.value
                        let mark = CandidateBits.bit(of: value, in: marks)
                        let bit = StartFilter.bit(scalar, scalars[position + 1])
                        let pair = (pairs[bit >> 6] >> UInt64(bit & 63)) & 1
                        buffer[found] = Int32(truncatingIfNeeded: position)
                        found &+= Int(truncatingIfNeeded: mark | pair) | everyPosition
                    }
                    if pairEnd < range.upperBound {
                        buffer[found] = Int32(truncatingIfNeeded: pairEnd)
                        found += 1
                    }
                    return found
                }
            }
        }
    }

    /// The `k`th candidate gathered.
    subscript(k: Int) -> Int {
        Int(buffer.withUnsafeBufferPointer { $0[k] })
    }
}
