import Normalize

/// The positions of a text whose scalar may start a date or a duration (`DateStarts.any`),
/// gathered a block at a time for the find loop.
///
/// About one scalar in ten is one, too irregular for a branch per scalar to be predicted:
/// the gathering loop has no branch (each position is written, and the count advances by the
/// scalar's bit), and the find loop then goes from candidate to candidate.
struct StartCandidates {
    /// Scalars gathered per block: the buffer stays in the L1 cache.
    static let blockSize = 4096

    /// The set's BMP bits, and one more word of set bits read by every scalar beyond the BMP:
    /// those are always candidates, and the find loop asks the set itself about them.
    /// Made once (`DateStarts.anyCandidates`): 65 536 set lookups per document showed.
    struct Bits: Sendable {
        fileprivate let words: [UInt64]

        init(_ set: ScalarSet) {
            var words = [UInt64](repeating: 0, count: 0x10000 / 64 + 1)
            for value in UInt32(0)..<0x10000 {
                if let scalar = Unicode.Scalar(value), set.contains(scalar) { words[Int(value >> 6)] |= 1 << UInt64(value & 63) }
            }
            words[0x10000 / 64] = ~0
            self.words = words
        }
    }

    private let bits: [UInt64]
    private var buffer = [Int32](repeating: 0, count: StartCandidates.blockSize)

    init(_ bits: Bits) {
        self.bits = bits.words
    }

    /// Gathers the candidates in `range` (at most `blockSize` positions), in order; returns
    /// how many there are, read back with `self[k]`.
    mutating func gather(in range: Range<Int>, of scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
        precondition(range.count <= Self.blockSize && range.upperBound <= scalars.count, "one block of the text")
        return bits.withUnsafeBufferPointer { bits in
            buffer.withUnsafeMutableBufferPointer { buffer in
                var found = 0
                for position in range {
                    let value = scalars[position].value
                    buffer[found] = Int32(truncatingIfNeeded: position)
                    found &+= Int(truncatingIfNeeded: (bits[Int(min(value, 0x10000) >> 6)] >> UInt64(value & 63)) & 1)
                }
                return found
            }
        }
    }

    /// The `k`th candidate gathered.
    subscript(k: Int) -> Int {
        Int(buffer.withUnsafeBufferPointer { $0[k] })
    }
}
