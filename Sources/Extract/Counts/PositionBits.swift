/// A set of text positions as one bit each: what `HiddenSpans` marks.
///
/// The mask is as long as the text. A `[Bool]` took a byte per scalar (17 MB for a 50 MB
/// document, the largest allocation of the counts stage); a bit per scalar is an eighth of it.
struct PositionBits {
    private var words: [UInt64]
    let count: Int

    init(count: Int) {
        self.count = count
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    /// Inlined: asked at every number and every scalar of a counted noun.
    @inline(__always)
    subscript(position: Int) -> Bool {
        precondition(position >= 0 && position < count, "a position of the text")
        return words.withUnsafeBufferPointer { $0[position >> 6] } & (1 << UInt64(position & 63)) != 0
    }

    /// Sets the bits of `range` (a quoted name, a title, an excluded word: a few words at most),
    /// a word's worth at a time.
    mutating func insert(_ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "positions of the text")
        words.withUnsafeMutableBufferPointer { words in
            var position = range.lowerBound
            while position < range.upperBound {
                let bit = position & 63
                let span = Swift.min(64 - bit, range.upperBound - position)
                let mask: UInt64 = span == 64 ? ~0 : (1 << UInt64(span) &- 1) << UInt64(bit)
                words[position >> 6] |= mask
                position += span
            }
        }
    }
}
