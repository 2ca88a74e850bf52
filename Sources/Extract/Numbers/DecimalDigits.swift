/// The digits of an Arabic number as they are read, turned into the same `Double` that
/// `Double("integer.fraction")` would give, without building the String.
///
///     1,200 → 1200     12.5 → 12.5     007 → 7     0.1 → 0.1 (the nearest Double, as strtod)
///
/// Why the result is bit-identical: an integer of at most 15 significant digits is exact in a
/// Double, and so is any mantissa below 2^53 and any power of ten up to 10^22. The quotient
/// `mantissa / 10^k` of two exact Doubles is correctly rounded by IEEE division, which is what
/// strtod returns for the same decimal. Anything outside those bounds goes through
/// `NumberReader.decimalValue`, the String reference.
struct DecimalDigits {
    /// The integer digits read so far, leading zeros included (for the String fallback).
    private(set) var integerDigits = 0
    /// Integer digits after the leading zeros.
    private var significantDigits = 0
    private var integer = 0

    mutating func appendInteger(_ digit: Unicode.Scalar) {
        integerDigits += 1
        let value = Int(digit.value &- 48)
        if significantDigits == 0 && value == 0 { return }
        significantDigits += 1
        // Past 18 digits the value is nil anyway (more than `maximumIntegerDigits`); stop
        // accumulating before Int could overflow.
        if significantDigits <= 18 { integer = integer &* 10 &+ value }
    }

    /// The number's value with these fraction digits (empty for a whole number), or nil when
    /// the integer part is too long to be a quantity.
    func value(fraction: ArraySlice<Unicode.Scalar>) -> Double? {
        guard significantDigits <= NumberReader.maximumIntegerDigits else { return nil }
        if fraction.isEmpty { return Double(integer) }
        // Only the first twelve fraction digits count (as in `decimalValue`).
        let used = fraction.prefix(12)
        var mantissa = integer
        for digit in used {
            let (shifted, o1) = mantissa.multipliedReportingOverflow(by: 10)
            let (sum, o2) = shifted.addingReportingOverflow(Int(digit.value &- 48))
            guard !o1, !o2 else { return slowValue(fraction) }
            mantissa = sum
        }
        guard mantissa < 1 << 53 else { return slowValue(fraction) }
        return Double(mantissa) / Self.powersOfTen[used.count]
    }

    /// 10^0 … 10^12, all exact in a Double.
    private static let powersOfTen: [Double] = (0...12).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    private func slowValue(_ fraction: ArraySlice<Unicode.Scalar>) -> Double? {
        // The String path needs the digits; rebuild them (rare: 16+ significant digits).
        var digits: [Unicode.Scalar] = []
        var rest = integer
        while rest > 0 {
            digits.append(Unicode.Scalar(UInt8(48 + rest % 10)))
            rest /= 10
        }
        return NumberReader.decimalValue(digits.reversed(), Array(fraction))
    }
}
