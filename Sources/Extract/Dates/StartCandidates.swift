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

    private let bits: [UInt64]
    private var buffer = [Int32](repeating: 0, count: StartCandidates.blockSize)

    /// `bits`: a table made by `widened`, once (see `DateStarts.anyCandidates`).
    init(_ bits: [UInt64]) {
        precondition(bits.count == 0x110000 / 64, "a bit for every scalar value")
        self.bits = bits
    }

    /// `bits` widened to every scalar value (a word per 64 values, 136 KB of which a text
    /// touches the few kilobytes of its scripts): the gathering loop then indexes it by the
    /// scalar's value alone, with no clamp to the BMP. Every scalar beyond the BMP stays a
    /// candidate, as in `CandidateBits`.
    static func widened(_ bits: CandidateBits) -> [UInt64] {
        var words = [UInt64](repeating: ~0, count: 0x110000 / 64)
        for word in 0..<(0x10000 / 64) { words[word] = bits.words[word] }
        return words
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
                    found &+= Int(truncatingIfNeeded: (bits[Int(value >> 6)] >> UInt64(value & 63)) & 1)
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
