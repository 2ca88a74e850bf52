/// Numbers the distinct first scalars of a word list 0, 1, 2 … so the words can be grouped in
/// an array by their first scalar and found without hashing (the count lexicons and the date
/// words are asked for a word at most positions of every text).
///
/// A bitset over the Basic Multilingual Plane answers "does any word start with this?" in one
/// bit test; the group number is the scalar's rank among the set bits, from a running count
/// kept per 64-bit word and one population count. Scalars beyond the BMP (no lexicon word
/// starts with one today) are numbered after the others, through a dictionary.
struct FirstScalarIndex: Sendable {
    private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
    /// Set bits in the words before each word of `bits`.
    private var ranks = [UInt32](repeating: 0, count: 0x10000 / 64)
    private var astral: [UInt32: Int] = [:]
    /// How many groups there are.
    private(set) var count = 0

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        var astralValues: Set<UInt32> = []
        for scalar in scalars {
            let value = scalar.value
            if value < 0x10000 {
                bits[Int(value >> 6)] |= 1 << UInt64(value & 63)
            } else {
                astralValues.insert(value)
            }
        }
        var running = 0
        for word in bits.indices {
            ranks[word] = UInt32(running)
            running += bits[word].nonzeroBitCount
        }
        for value in astralValues.sorted() {
            astral[value] = running
            running += 1
        }
        count = running
    }

    /// The group number of `scalar`, or nil when no word starts with it.
    @inline(__always)
    func group(of scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        guard value < 0x10000 else { return astral.isEmpty ? nil : astral[value] }
        let word = Int(value >> 6)
        let bit: UInt64 = 1 << UInt64(value & 63)
        let bitsHere = bits.withUnsafeBufferPointer { $0[word] }
        guard bitsHere & bit != 0 else { return nil }
        return Int(ranks.withUnsafeBufferPointer { $0[word] }) + (bitsHere & (bit &- 1)).nonzeroBitCount
    }

    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value < 0x10000 else { return !astral.isEmpty && astral[value] != nil }
        return bits.withUnsafeBufferPointer { $0[Int(value >> 6)] } & (1 << UInt64(value & 63)) != 0
    }
}
