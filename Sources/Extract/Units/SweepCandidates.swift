import Normalize

/// The positions `UnitSweep` must look at, gathered a block at a time: those whose scalar is
/// one of its marks, or whose pair with the next scalar `StartFilter` allows.
///
/// Tested one position at a time, the two bit tests were each a branch, and the pair test's
/// answer is too irregular to be predicted. The gathering loop has no branch (each position is
/// written, and the count advances by the position's bit), and the sweep then goes from
/// candidate to candidate; only positions that would have been passed over, or whose scalar
/// starts no word, are left out.
///
/// Each candidate keeps the two bits it was gathered by, so the sweep does not look them up
/// again in tables of its own, which with the sweep's other tables no longer all fit in the
/// first-level cache.
struct SweepCandidates {
    /// Positions gathered per block: the buffer stays in the L1 cache.
    static let blockSize = 4096

    /// A gathered position and why it was gathered.
    struct Candidate {
        /// The working index.
        var index: Int
        /// The scalar may be a mark: exact in the BMP; beyond it a scalar may share a BMP mark's
        /// bit, so the caller asks the marks themselves about it.
        var mayBeMark: Bool
        /// The pair at `index` is one `StartFilter.allows` allows (its pair bit is set, and a next
        /// scalar exists).
        var pairAllowed: Bool
        /// Whether `pairAllowed` false is not the filter's last word: it holds words of one
        /// scalar, or this is the text's last position (no pair). The caller then asks it.
        var asksFilter: Bool
    }

    /// The marks' bits over the BMP (every mark is in it): a scalar beyond it reads the bit of
    /// its low 16 bits, which costs no clamping per position.
    private let marks: [UInt64]
    private let pairs: [UInt64]
    /// The marks and the words' first scalars (`StartFilter.firstBits`), read the same way: a
    /// position whose bit is clear is neither a mark nor the start of an allowed pair.
    private let marksAndFirsts: [UInt64]
    /// 1 when the filter holds words of one scalar: every position is then a candidate.
    private let everyPosition: UInt32
    /// Per candidate: its mark bit (bit 0), its pair bit (bit 1), whether the filter must be
    /// asked (bit 2, `Candidate.asksFilter`), and its offset in the block above them.
    /// Left uninitialised: `gather` writes every candidate it returns.
    private var buffer = [UInt32](unsafeUninitializedCapacity: SweepCandidates.blockSize) { _, count in count = SweepCandidates.blockSize }
    /// The start of the block last gathered.
    private var blockStart = 0

    /// `marks`: `markBits` of the marks (made once, not per text).
    init(marks: [UInt64], starts: StartFilter) {
        precondition(marks.count == 0x10000 / 64 && starts.firstBits.count == marks.count, "bits over the BMP")
        self.marks = marks
        pairs = starts.pairBits
        marksAndFirsts = zip(marks, starts.firstBits).map { $0 | $1 }
        everyPosition = starts.hasSingles ? 1 : 0
    }

    /// The bits of `marks`, every one in the BMP, as `init` takes them.
    static func markBits(_ marks: some Sequence<Unicode.Scalar>) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for mark in marks {
            precondition(mark.value < 0x10000, "a mark in the BMP")
            bits[Int(mark.value >> 6)] |= 1 << UInt64(mark.value & 63)
        }
        return bits
    }

    /// The mark bit (0 or 1) of a scalar's value: its own in the BMP, its low 16 bits' beyond.
    @inline(__always)
    private static func markBit(of value: UInt32, in marks: UnsafeBufferPointer<UInt64>) -> UInt32 {
        UInt32(truncatingIfNeeded: marks[Int(truncatingIfNeeded: (value >> 6) & 0x3FF)] >> UInt64(value & 63)) & 1
    }

    /// Gathers the candidates in `range` (at most `blockSize` positions), in order; returns how
    /// many there are, read back with `self[k]`. The text's last position, which has no pair,
    /// is always one.
    ///
    /// In two sweeps, both without a branch per position. The first keeps the positions whose
    /// scalar is a mark or a word's first scalar, one unhashed bit each (about one in six of a
    /// bulletin's scalars); the second mixes the pair of only those, and keeps the ones that are
    /// a mark or whose pair is allowed. A position the first sweep drops would have been kept
    /// only for a pair sharing the hashed bit of a word's pair, and starts no word.
    mutating func gather(in range: Range<Int>, of scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
        precondition(range.count <= Self.blockSize && range.upperBound <= scalars.count, "one block of the text")
        blockStart = range.lowerBound
        let everyPosition = everyPosition
        return marks.withUnsafeBufferPointer { marks in
            pairs.withUnsafeBufferPointer { pairs in
                marksAndFirsts.withUnsafeBufferPointer { marksAndFirsts in
                    buffer.withUnsafeMutableBufferPointer { buffer in
                        let lower = range.lowerBound
                        let pairEnd = max(lower, min(range.upperBound, scalars.count - 1))
                        // The first sweep: offsets in the block of the positions that may be candidates.
                        var kept = 0
                        var offset: UInt32 = 0
                        for position in lower..<pairEnd {
                            buffer[kept] = offset
                            kept &+= Int(truncatingIfNeeded: Self.markBit(of: scalars[position].value, in: marksAndFirsts) | everyPosition)
                            offset &+= 1
                        }
                        // The second, over those alone, written over the first's offsets (never ahead of them).
                        var found = 0
                        for k in 0..<kept {
                            let offset = buffer[k]
                            let position = lower + Int(truncatingIfNeeded: offset)
                            let scalar = scalars[position]
                            let mark = Self.markBit(of: scalar.value, in: marks)
                            let bit = StartFilter.bit(scalar, scalars[position + 1])
                            let pair = UInt32(truncatingIfNeeded: pairs[bit >> 6] >> UInt64(bit & 63)) & 1
                            buffer[found] = offset << 3 | everyPosition << 2 | pair << 1 | mark
                            found &+= Int(truncatingIfNeeded: mark | pair | everyPosition)
                        }
                        if pairEnd < range.upperBound {
                            // The last position, which has no pair: whether the filter allows it, the sweep asks.
                            let mark = Self.markBit(of: scalars[pairEnd].value, in: marks)
                            buffer[found] = UInt32(truncatingIfNeeded: pairEnd - lower) << 3 | 0b100 | mark
                            found += 1
                        }
                        return found
                    }
                }
            }
        }
    }

    /// The `k`th candidate gathered.
    @inline(__always)
    subscript(k: Int) -> Candidate {
        let packed = buffer.withUnsafeBufferPointer { $0[k] }
        return Candidate(
            index: blockStart + Int(packed >> 3), mayBeMark: packed & 1 != 0, pairAllowed: packed & 2 != 0, asksFilter: packed & 4 != 0)
    }
}
