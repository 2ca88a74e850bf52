/// The long paragraphs seen so far, to notice one that repeats (a page printed twice).
///
/// An open-addressing table of paragraph numbers, keyed by an FNV-1a hash of the scalars:
/// String keys would hash with Unicode normalisation, and a `Dictionary` of the hash would
/// hash it again with SipHash, a cost on every body line. A key only finds candidates, which
/// are then compared in full, so a weak hash costs nothing but a comparison.
struct SeenParagraphs {
    private var ranges: [Range<Int>] = []
    private var keys: [UInt64] = []
    /// 1 + an index into `ranges`, 0 for an empty slot; a power of two long, at most half full.
    private var slots: [Int32]
    private var shift: UInt64

    /// A table for about `expected` paragraphs (it grows past that).
    init(expected: Int) {
        var bits: UInt64 = 4
        while (1 << bits) < 2 * expected { bits += 1 }
        slots = Array(repeating: 0, count: 1 << bits)
        shift = 64 - bits
        ranges.reserveCapacity(expected)
        keys.reserveCapacity(expected)
    }

    /// The paragraph seen before with the same scalars as `range`; nil (and `range` is kept)
    /// when there is none. No two paragraphs kept are equal, so the first copy is the only one.
    mutating func earlierCopy(of range: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int>? {
        let key = Self.key(scalars, range)
        let mask = slots.count - 1
        var slot = self.slot(of: key)
        while slots[slot] != 0 {
            let seen = Int(slots[slot]) - 1
            if keys[seen] == key && scalars[ranges[seen]] == scalars[range] { return ranges[seen] }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(ranges.count + 1)
        ranges.append(range)
        keys.append(key)
        if 2 * ranges.count > slots.count { grow() }
        return nil
    }

    /// The top bits of the key times the golden ratio: FNV's low bits mix poorly.
    private func slot(of key: UInt64) -> Int {
        Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: 2 * slots.count)
        shift -= 1
        let mask = slots.count - 1
        for (index, key) in keys.enumerated() {
            var slot = self.slot(of: key)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }

    /// FNV-1a over the length, the first and last eight scalars and up to 64 scalars spread
    /// evenly between: two different paragraphs agree on all of them only when they differ
    /// in a word or two, and then the full comparison tells them apart. Hashing every scalar
    /// cost as much as the rest of the paragraph's tests. The spread scalars go to two
    /// hashes taking turns, combined at the end: each step of one waits on its multiply.
    static func key(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01B3
        return scalars.withUnsafeBufferPointer { buffer in
            var key: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(range.count)
            let edge = min(8, range.count)
            for index in range.lowerBound..<(range.lowerBound + edge) { key = (key ^ UInt64(buffer[index].value)) &* prime }
            for index in (range.upperBound - edge)..<range.upperBound { key = (key ^ UInt64(buffer[index].value)) &* prime }
            var other: UInt64 = 0x8422_2325_CBF2_9CE4
            let step = max(1, range.count / 64)
            var index = range.lowerBound
            while index + step < range.upperBound {
                key = (key ^ UInt64(buffer[index].value)) &* prime
                other = (other ^ UInt64(buffer[index + step].value)) &* prime
                index += 2 * step
            }
            if index < range.upperBound { key = (key ^ UInt64(buffer[index].value)) &* prime }
            return (key ^ (other &<< 32 | other &>> 32)) &* prime
        }
    }
}
