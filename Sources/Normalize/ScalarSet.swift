/// A set of Unicode scalars answered by one bit test for the Basic Multilingual Plane.
///
/// The scanners ask "can a word (a date, an organisation, an excluded phrase) start here?"
/// at every position of the text. Most positions are ordinary Han characters that start
/// nothing, so a first-scalar filter that costs a load and a mask, instead of a hash lookup
/// (`Set<Unicode.Scalar>`, `[Unicode.Scalar: …]`), is where the scanners spend their time.
/// Scalars beyond the BMP (rare in bulletins) fall back to a `Set`.
public struct ScalarSet: Sendable {
    // @usableFromInline + @inlinable: `contains` is called across modules once per scalar of
    // the text, and must inline into the scanners' loops rather than be a call.
    @usableFromInline var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
    @usableFromInline var astral: Set<UInt32> = []

    public init() {}

    public init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for scalar in scalars { insert(scalar) }
    }

    /// Every BMP scalar for which `predicate` holds (for predicates over whole classes, such
    /// as "is a Han numeral", evaluated once here instead of at every position).
    public init(bmpWhere predicate: (Unicode.Scalar) -> Bool) {
        for value in UInt32(0)..<0x10000 {
            if let scalar = Unicode.Scalar(value), predicate(scalar) { insert(scalar) }
        }
    }

    public mutating func insert(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x10000 {
            bits[Int(value >> 6)] |= 1 << UInt64(value & 63)
        } else {
            astral.insert(value)
        }
    }

    public mutating func formUnion(_ other: ScalarSet) {
        for index in bits.indices { bits[index] |= other.bits[index] }
        astral.formUnion(other.astral)
    }

    @inlinable @inline(__always)
    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x10000 {
            return bits.withUnsafeBufferPointer { $0[Int(value >> 6)] } & (1 << UInt64(value & 63)) != 0
        }
        return !astral.isEmpty && astral.contains(value)
    }
}
