import Normalize

/// A `ScalarSet` flattened for the block-wise candidate gatherers (`StartCandidates` for dates,
/// `SweepCandidates` for units): its BMP bits, and one more word of set bits that every scalar
/// beyond the BMP reads, so those are always candidates and the caller asks the set itself
/// about them. Made once per set (65 536 lookups), not per document.
struct CandidateBits: Sendable {
    let words: [UInt64]

    init(_ set: ScalarSet) {
        var words = [UInt64](repeating: 0, count: 0x10000 / 64 + 1)
        for value in UInt32(0)..<0x10000 {
            if let scalar = Unicode.Scalar(value), set.contains(scalar) { words[Int(value >> 6)] |= 1 << UInt64(value & 63) }
        }
        words[0x10000 / 64] = ~0
        self.words = words
    }

    /// The scalar's bit (0 or 1), read from `words` without a branch.
    @inline(__always)
    static func bit(of value: UInt32, in words: UnsafeBufferPointer<UInt64>) -> UInt64 {
        (words[Int(min(value, 0x10000) >> 6)] >> UInt64(value & 63)) & 1
    }
}
