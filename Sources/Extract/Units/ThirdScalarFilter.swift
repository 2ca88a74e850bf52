import Normalize

/// `StartFilter` read one scalar further, for the positions it allows: a pair that is a whole
/// word passes, any other pair passes only when the third scalar continues some word.
///
/// The pair filter lets through every 代表 of running text, because 代表工委 (a working committee
/// named on its own) starts with it; nearly every 代表 is followed by something else (代表大会,
/// 代表们). Such positions were sent to the lexicon lookups, which then found nothing. As with
/// `StartFilter`, a position it refuses starts no word, and one it allows may still start none.
struct ThirdScalarFilter: Sendable {
    /// Pairs that are words of their own (郑州, 市委).
    private var wholePairs = [UInt64](repeating: 0, count: 1 << 10)
    /// The first three scalars of the longer words.
    private var triples = [UInt64](repeating: 0, count: 1 << 10)
    /// Whether a word of one scalar was given: every position then passes.
    private var passesAll = false

    init() {}

    mutating func insert<S: Sequence>(_ word: S) where S.Element == Unicode.Scalar {
        var iterator = word.makeIterator()
        guard let first = iterator.next() else { return }
        guard let second = iterator.next() else {
            passesAll = true
            return
        }
        if let third = iterator.next() {
            Self.set(Self.bit(first, second, third), in: &triples)
        } else {
            Self.set(StartFilter.bit(first, second), in: &wholePairs)
        }
    }

    /// Whether a word may start at `index` (the pair there already allowed by the matching
    /// `StartFilter`) and end at or before `limit`.
    @inline(__always)
    func allows(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, at index: Int, limit: Int) -> Bool {
        if passesAll || index + 1 >= limit { return true }
        let pair = StartFilter.bit(scalars[index], scalars[index + 1])
        if wholePairs.withUnsafeBufferPointer({ $0[pair >> 6] }) & (1 << UInt64(pair & 63)) != 0 { return true }
        guard index + 2 < limit else { return false }
        let triple = Self.bit(scalars[index], scalars[index + 1], scalars[index + 2])
        return triples.withUnsafeBufferPointer({ $0[triple >> 6] }) & (1 << UInt64(triple & 63)) != 0
    }

    private static func set(_ bit: Int, in bits: inout [UInt64]) {
        bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// One of 65536 bits for three scalars, mixed as `StartFilter.bit` mixes two.
    @inline(__always)
    private static func bit(_ first: Unicode.Scalar, _ second: Unicode.Scalar, _ third: Unicode.Scalar) -> Int {
        let key = (UInt64(first.value) << 42 | UInt64(second.value) << 21 | UInt64(third.value)) &* 0x9E37_79B9_7F4A_7C15
        let mixed = (key ^ (key >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return Int(mixed >> 48)
    }
}
