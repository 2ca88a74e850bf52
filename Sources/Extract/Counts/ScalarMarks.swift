import Normalize

/// Where the scalars of a few sets stand in a text, found in one walk over it.
///
/// The count scanner makes four passes (quotes and titles, excluded words, 至少 scopes,
/// numbers), and each used to visit every scalar to skip to the next one of its own set —
/// four walks over megabytes of text in which nearly nothing starts. One walk lists, per set,
/// the positions whose scalar is in it (one bit test a scalar, unchecked reads); each pass
/// then goes from listed position to listed position.
struct ScalarMarks {
    /// For each set of the table, in text order, the positions whose scalar is in it.
    let positions: [[Int]]

    /// Which of up to eight sets each scalar is in. Built once per set of sets.
    struct Table: Sendable {
        let sets: [ScalarSet]
        /// Every scalar of any set: an 8 KB bitset that stays in the L1 cache, asked first.
        let union: ScalarSet
        /// For each BMP scalar, bit `k` set when set `k` holds it (64 KB, asked at hits only).
        let bmp: [UInt8]

        init(_ sets: [ScalarSet]) {
            precondition(sets.count <= 8, "a set is a bit of a UInt8")
            self.sets = sets
            var union = ScalarSet()
            for set in sets { union.formUnion(set) }
            self.union = union
            bmp = (UInt32(0)..<0x10000).map { value in
                guard let scalar = Unicode.Scalar(value) else { return 0 }
                var mask: UInt8 = 0
                for (bit, set) in sets.enumerated() where set.contains(scalar) { mask |= 1 << UInt8(bit) }
                return mask
            }
        }

        func astralMask(_ scalar: Unicode.Scalar) -> UInt8 {
            var mask: UInt8 = 0
            for (bit, set) in sets.enumerated() where set.contains(scalar) { mask |= 1 << UInt8(bit) }
            return mask
        }
    }

    init(_ scalars: [Unicode.Scalar], table: Table) {
        var positions = [[Int]](repeating: [], count: table.sets.count)
        let union = table.union
        table.bmp.withUnsafeBufferPointer { bmp in
            scalars.withUnsafeBufferPointer { buffer in
                for position in buffer.indices where union.contains(buffer[position]) {
                    let value = buffer[position].value
                    var mask = value < 0x10000 ? bmp[Int(value)] : table.astralMask(buffer[position])
                    while mask != 0 {
                        positions[mask.trailingZeroBitCount].append(position)
                        mask &= mask - 1
                    }
                }
            }
        }
        self.positions = positions
    }
}
