import Normalize

/// Where the scalars of a few sets stand in a text, found in one walk over it.
///
/// The count scanner makes four passes (quotes and titles, excluded words, 至少 scopes,
/// numbers), and each used to visit every scalar to skip to the next one of its own set —
/// four walks over megabytes of text in which nearly nothing starts. One walk lists, per set,
/// the positions whose scalar is in it; each pass then goes from listed position to listed
/// position.
///
/// Positions are `Int32` (a text past 2^31 scalars is refused): the lists hold about one
/// position in twelve of a bulletin, and at 8 bytes a position they were the second largest
/// allocation of the counts stage.
struct ScalarMarks {
    /// For each set of the table, in text order, the positions whose scalar is in it.
    let positions: [[Int32]]

    /// Which of up to eight sets each scalar is in. Built once per set of sets.
    struct Table: Sendable {
        let sets: [ScalarSet]
        /// Every BMP scalar of any set, a bit each, and set bits for every scalar beyond the
        /// BMP: those are always looked up. A word for every 64 scalar values (136 KB, of which
        /// a text touches the few kilobytes of its scripts), so that the walk indexes it by the
        /// scalar's value alone, with no clamp to the BMP.
        let union: [UInt64]
        /// For each BMP scalar, bit `k` set when set `k` holds it (64 KB, asked at hits only).
        let bmp: [UInt8]

        init(_ sets: [ScalarSet]) {
            precondition(sets.count <= 8, "a set is a bit of a UInt8")
            self.sets = sets
            bmp = (UInt32(0)..<0x10000).map { value in
                guard let scalar = Unicode.Scalar(value) else { return 0 }
                var mask: UInt8 = 0
                for (bit, set) in sets.enumerated() where set.contains(scalar) { mask |= 1 << UInt8(bit) }
                return mask
            }
            var union = [UInt64](repeating: ~0, count: 0x110000 / 64)
            for word in 0..<(0x10000 / 64) { union[word] = 0 }
            for value in 0..<0x10000 where bmp[value] != 0 { union[value >> 6] |= 1 << UInt64(value & 63) }
            self.union = union
        }

        func mask(_ scalar: Unicode.Scalar) -> UInt8 {
            if scalar.value < 0x10000 { return bmp[Int(scalar.value)] }
            var mask: UInt8 = 0
            for (bit, set) in sets.enumerated() where set.contains(scalar) { mask |= 1 << UInt8(bit) }
            return mask
        }
    }

    /// Scalars walked per block: the candidates of a block are gathered first, without a
    /// branch per scalar (about one scalar in twelve is one, too irregular to predict), then
    /// sorted into the sets.
    private static let blockSize = 4096

    init(_ scalars: [Unicode.Scalar], table: Table) {
        precondition(scalars.count <= Int(Int32.max), "positions are Int32")
        let setCount = table.sets.count
        var positions = [[Int32]](repeating: [], count: setCount)
        var candidates = [Int32](repeating: 0, count: Self.blockSize)
        var masks = [UInt8](repeating: 0, count: Self.blockSize)
        var picked = [Int32](repeating: 0, count: Self.blockSize)
        table.union.withUnsafeBufferPointer { union in
            table.bmp.withUnsafeBufferPointer { bmp in
                scalars.withUnsafeBufferPointer { buffer in
                    candidates.withUnsafeMutableBufferPointer { candidates in
                        masks.withUnsafeMutableBufferPointer { masks in
                            picked.withUnsafeMutableBufferPointer { picked in
                                var blockStart = 0
                                while blockStart < buffer.count {
                                    let blockEnd = min(buffer.count, blockStart + Self.blockSize)
                                    var found = 0
                                    for position in blockStart..<blockEnd {
                                        let value = buffer[position].value
                                        let word = union[Int(value >> 6)]
                                        candidates[found] = Int32(truncatingIfNeeded: position)
                                        found &+= Int(truncatingIfNeeded: (word >> UInt64(value & 63)) & 1)
                                    }
                                    for index in 0..<found {
                                        let scalar = buffer[Int(candidates[index])]
                                        masks[index] = scalar.value < 0x10000 ? bmp[Int(scalar.value)] : table.mask(scalar)
                                    }
                                    // Set by set, the block's candidates in it are picked without a
                                    // branch and appended at once: appending them one by one checked
                                    // the list's uniqueness and capacity at every candidate.
                                    for set in 0..<setCount {
                                        var count = 0
                                        for index in 0..<found {
                                            picked[count] = candidates[index]
                                            count &+= Int(truncatingIfNeeded: (masks[index] >> UInt8(set)) & 1)
                                        }
                                        if count > 0 { positions[set].append(contentsOf: UnsafeBufferPointer(rebasing: picked[0..<count])) }
                                    }
                                    blockStart = blockEnd
                                }
                            }
                        }
                    }
                }
            }
        }
        self.positions = positions
    }
}
