import Normalize

/// Which first two scalars can begin a word of a lexicon (a place, an organisation), asked at
/// every position of the text before any trie is walked.
///
/// A first-scalar test lets through every 新, 安, 市 and 县 of running text; nearly all of them
/// are followed by something that starts no word (新时代, 全市上下). The pair (first, second)
/// of every word is kept as one bit of a hashed bitset, and words of one scalar in a set of
/// their own. A position the filter refuses starts no word; one it allows may still start none
/// (two pairs can share a bit), so the lexicon lookup that follows decides.
struct StartFilter: Sendable {
    /// The pairs' bits, read by `SweepCandidates` without a branch per position.
    private(set) var pairBits = [UInt64](repeating: 0, count: 1 << 10)
    /// The words' first scalars, one bit each by the low 16 bits of their value (a scalar beyond
    /// the BMP shares its bit with one inside it, so the set only ever errs by letting more in).
    /// A position whose scalar's bit is clear starts no word: `SweepCandidates` tests this one
    /// unhashed bit before it mixes the pair.
    private(set) var firstBits = [UInt64](repeating: 0, count: 1 << 10)
    private var singles = ScalarSet()
    /// Whether any word has one scalar (none do today): a refused pair then needs no second test.
    private(set) var hasSingles = false

    init() {}

    /// Words given as scalar sequences; empty ones are ignored.
    init<S: Sequence>(words: S) where S.Element: Sequence, S.Element.Element == Unicode.Scalar {
        for word in words { insert(word) }
    }

    mutating func insert<S: Sequence>(_ word: S) where S.Element == Unicode.Scalar {
        var iterator = word.makeIterator()
        guard let first = iterator.next() else { return }
        Self.setFirst(first, in: &firstBits)
        if let second = iterator.next() {
            insertPair(first, second)
        } else {
            singles.insert(first)
            hasSingles = true
        }
    }

    /// Every word that starts with `first` followed by `second`.
    mutating func insertPair(_ first: Unicode.Scalar, _ second: Unicode.Scalar) {
        let bit = Self.bit(first, second)
        pairBits[bit >> 6] |= 1 << UInt64(bit & 63)
        Self.setFirst(first, in: &firstBits)
    }

    private static func setFirst(_ first: Unicode.Scalar, in bits: inout [UInt64]) {
        bits[Int((first.value >> 6) & 0x3FF)] |= 1 << UInt64(first.value & 63)
    }

    mutating func formUnion(_ other: StartFilter) {
        for index in pairBits.indices { pairBits[index] |= other.pairBits[index] }
        for index in firstBits.indices { firstBits[index] |= other.firstBits[index] }
        singles.formUnion(other.singles)
        hasSingles = hasSingles || other.hasSingles
    }

    /// Whether a word may start at `index` and end at or before `limit` (at most `scalars.count`).
    @inline(__always)
    func allows(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, at index: Int, limit: Int) -> Bool {
        if index + 1 < limit {
            let bit = Self.bit(scalars[index], scalars[index + 1])
            if pairBits.withUnsafeBufferPointer({ $0[bit >> 6] }) & (1 << UInt64(bit & 63)) != 0 { return true }
        }
        return hasSingles && index < limit && singles.contains(scalars[index])
    }

    /// One of 65536 bits for a pair: the two scalar values mixed by a multiplicative hash.
    @inline(__always)
    static func bit(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Int {
        let key = UInt64(first.value) << 21 | UInt64(second.value)
        return Int((key &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }
}
