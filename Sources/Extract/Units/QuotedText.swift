/// The working positions inside 《…》, “…”, ‘…’ and 「…」 (the marks included), where the
/// organisation scanner reads nothing: a title or a quotation names, it does not act.
///
/// One bit per scalar: a `[Bool]` took a byte per scalar, 17 MB for a 50 MB document.
struct QuotedText: Sendable {
    private var bits: [UInt64]

    /// No position quoted yet, for a text of `count` scalars.
    init(count: Int) {
        bits = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    @inline(__always)
    subscript(index: Int) -> Bool {
        bits.withUnsafeBufferPointer { $0[index >> 6] } & (1 << UInt64(index & 63)) != 0
    }

    /// Marks every position of `range`, a word at a time.
    mutating func mark(_ range: Range<Int>) {
        // Through the buffer: the array is made unique once per stretch, not once per word.
        bits.withUnsafeMutableBufferPointer { bits in
            var index = range.lowerBound
            while index < range.upperBound {
                let bit = index & 63
                let take = min(64 - bit, range.upperBound - index)
                let run = take == 64 ? UInt64.max : ((1 << UInt64(take)) - 1) << UInt64(bit)
                bits[index >> 6] |= run
                index += take
            }
        }
    }

    /// How quotation changes from scalar to scalar: only the marks and line feeds change the
    /// depth, every other scalar takes it (quoted while the depth is above 0).
    struct Depth {
        private(set) var value = 0

        /// Moves past `scalar` (one of `UnitSweep`'s marks); whether the scalar is quoted.
        @inline(__always)
        mutating func read(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "《", "“", "‘", "「":
                value += 1
                return true
            case "》", "”", "’", "」":
                value = max(0, value - 1)
                return true
            case "\n":
                value = 0  // a stray opening mark never hides more than its paragraph
                return false
            default:
                return value > 0
            }
        }
    }
}
