import JianbaoCore
import Normalize

/// A number read from the working text, before any scale word: 1,200 / 3.5 / 二十 / 三点五 / 千.
struct ReadNumber {
    enum Script: Equatable { case arabic, han }

    /// nil when the scalars are a number run that has no sensible value (10 000 digits,
    /// 亿亿亿亿, 一一一…): the caller steps over `range` and reports nothing.
    var value: Double?
    var range: Range<Int>
    var script: Script
    /// A scale word standing alone as the number (千 in 千余人, 万 in 逾万人).
    var isBareScale = false
    /// Two neighbouring Chinese digits (五六个村): a range of its own.
    var adjacentRange: (low: Double, high: Double)? = nil
}

/// Reads Arabic and Chinese numerals out of working-text scalars. It never traps: every read
/// is bounded by the run it looks at, and a value too large for a bulletin comes back as nil.
///
///     12,345,678 → 12345678     3.5 → 3.5     两千零五十 → 2050     三点五 → 3.5
enum NumberReader {
    /// Integer digits beyond this are not a quantity anyone states (and lose precision).
    static let maximumIntegerDigits = 15

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    static func isHanNumeral(_ scalar: Unicode.Scalar) -> Bool {
        hanNumerals.contains(scalar)
    }

    /// `HanNumeral.isNumeral` as a bitset: asked at every scalar of a Chinese number and of
    /// every counted noun, where two switches over a dozen scalars each showed in profiles.
    static let hanNumerals = ScalarSet(bmpWhere: HanNumeral.isNumeral)

    static func startsNumber(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIDigit(scalar) || isHanNumeral(scalar)
    }

    /// The number starting at `start`, or nil when no numeral starts there.
    /// Inlined, with the two readers: called from a few places, at every number of a text,
    /// and a returned `ReadNumber` was copied field by field through memory at each.
    @inline(__always)
    static func read(_ scalars: [Unicode.Scalar], at start: Int) -> ReadNumber? {
        guard start < scalars.count else { return nil }
        if isASCIIDigit(scalars[start]) { return readArabic(scalars, at: start) }
        if isHanNumeral(scalars[start]) { return readHan(scalars, at: start) }
        return nil
    }

    // 12,345,678.5 → 12345678.5; a comma groups only when exactly three digits follow it.
    @inline(__always)
    static func readArabic(_ scalars: [Unicode.Scalar], at start: Int) -> ReadNumber {
        // Read straight into a decimal value (no digit arrays, no String): this runs at every
        // Arabic number of every document.
        var decimal = DecimalDigits()
        var index = start
        while index < scalars.count, isASCIIDigit(scalars[index]) {
            decimal.appendInteger(scalars[index])
            index += 1
        }
        // Thousands separators: 1,200 and 12,345,678 — only after a group of at most three.
        if decimal.integerDigits <= 3 {
            while index + 3 < scalars.count, scalars[index] == ",",
                isASCIIDigit(scalars[index + 1]), isASCIIDigit(scalars[index + 2]), isASCIIDigit(scalars[index + 3]),
                index + 4 >= scalars.count || !isASCIIDigit(scalars[index + 4])
            {
                for offset in 1...3 { decimal.appendInteger(scalars[index + offset]) }
                index += 4
            }
        }
        if index + 1 < scalars.count, scalars[index] == ".", isASCIIDigit(scalars[index + 1]) {
            let fractionStart = index + 1
            index += 1
            while index < scalars.count, isASCIIDigit(scalars[index]) { index += 1 }
            let value = decimal.value(fraction: scalars[fractionStart..<index])
            return ReadNumber(value: value, range: start..<index, script: .arabic)
        }
        return ReadNumber(value: decimal.value(fraction: scalars[index..<index]), range: start..<index, script: .arabic)
    }

    // 二十 → 20, 三点五 → 3.5, 一〇五 → 105, 五六 → 5–6, 千 → 1000 (bare scale).
    @inline(__always)
    static func readHan(_ scalars: [Unicode.Scalar], at start: Int) -> ReadNumber {
        var index = start
        let numerals = hanNumerals  // read once: each read of a `static let` is a `swift_once` call
        while index < scalars.count, numerals.contains(scalars[index]) { index += 1 }
        let run = scalars[start..<index]
        var number = ReadNumber(value: nil, range: start..<index, script: .han)
        // 十 alone is ten (十大产业集群); 百, 千, 万, 亿 alone are scales (千余人, 近百家).
        if run.count == 1, let unit = HanNumeral.unit(run.first!), unit != 10 {
            number.value = Double(unit)
            number.isBareScale = true
            return number
        }
        if run.count == 2, let a = HanNumeral.digit(run.first!), let b = HanNumeral.digit(run.last!), a > 0, b == a + 1 {
            number.value = Double(a)
            number.adjacentRange = (Double(a), Double(b))
            return number
        }
        let whole: Int
        if run.count == 1, let digit = HanNumeral.digit(run.first!) {
            whole = digit  // 一, 三: the most common numeral, read without the general reader
        } else {
            guard let value = HanNumeral.value(run), value < 1_000_000_000_000_000 else { return number }
            whole = value
        }
        number.value = Double(whole)
        // 三点五: a decimal point written as 点, then digits read one by one.
        if index + 1 < scalars.count, scalars[index] == "点", let first = HanNumeral.digit(scalars[index + 1]) {
            var digits = [first]
            var end = index + 2
            while end < scalars.count, let digit = HanNumeral.digit(scalars[end]), digits.count < 12 {
                digits.append(digit)
                end += 1
            }
            let fraction = digits.reversed().reduce(0.0) { ($0 + Double($1)) / 10 }
            number.value = Double(whole) + fraction
            number.range = start..<end
        }
        return number
    }

    /// The value of `integer.fraction` as `Double("integer.fraction")` reads it (the slow,
    /// exact reference that `DecimalDigits` falls back to): nil past the integer digits a
    /// quantity may have; fraction digits after the twelfth are dropped.
    static func decimalValue(_ integer: [Unicode.Scalar], _ fraction: [Unicode.Scalar]) -> Double? {
        // Leading zeros carry no size: 007 is 7.
        let significant = integer.drop(while: { $0 == "0" })
        guard significant.count <= maximumIntegerDigits else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: integer.isEmpty ? ["0"] : integer)
        if !fraction.isEmpty {
            view.append(".")
            view.append(contentsOf: fraction.prefix(12))
        }
        return Double(String(view))
    }
}
