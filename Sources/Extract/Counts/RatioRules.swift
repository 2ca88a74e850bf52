import Normalize

/// Percentages, fractions and multiples, as decimals (SPEC, "Counts": ratios).
///
///     30% → 0.3    12.5% → 0.125    1/5 → 0.2    百分之三十 → 0.3    三分之一 → 0.333…
///     千分之五 → 0.005    三成 → 0.3    九成五 → 0.95    一成半 → 0.15
///     10倍 → 10 (the fixture annotators keep a multiple as a ratio)
///
/// An approximation word stays outside a ratio (超过90% → 90%, 近三成 → 三成): ratios have no
/// approx field.
enum RatioRules {
    struct Found {
        var rule: String
        var range: Range<Int>
        var value: Double
    }

    /// What every rule reads right after the number (% after at most one space, /, 分, 成, 倍):
    /// most numbers are followed by none, and are turned away on that one scalar. The count
    /// scanner skips a number followed by none of these nor a count's start
    /// (`CountLexicon.numberFollowers`).
    static let markers = ScalarSet("% /分成倍".unicodeScalars)

    static func find(_ number: ReadNumber, in scalars: [Unicode.Scalar], lexicon: CountLexicon) -> Found? {
        let marker = number.range.upperBound
        guard marker < scalars.count, markers.contains(scalars[marker]) else { return nil }
        return percent(number, scalars) ?? slashFraction(number, scalars) ?? chineseFraction(number, scalars)
            ?? tenths(number, scalars, lexicon) ?? multiple(number, scalars)
    }

    // 30% / 12.5% / ３０％ (the percent sign is folded to ASCII by Normalize).
    static func percent(_ number: ReadNumber, _ scalars: [Unicode.Scalar]) -> Found? {
        guard number.script == .arabic, let value = number.value else { return nil }
        var position = number.range.upperBound
        while position < scalars.count, scalars[position] == " ", position - number.range.upperBound < 1 { position += 1 }
        guard position < scalars.count, scalars[position] == "%" else { return nil }
        return Found(rule: "percent sign", range: number.range.lowerBound..<(position + 1), value: value / 100)
    }

    // 1/5 / 1/50 / ３／４ — but not the parts of a date such as 2023/10/23.
    static func slashFraction(_ number: ReadNumber, _ scalars: [Unicode.Scalar]) -> Found? {
        guard number.script == .arabic, let numerator = number.value else { return nil }
        let start = number.range.lowerBound
        if start > 0, scalars[start - 1] == "/" { return nil }
        let slash = number.range.upperBound
        guard slash + 1 < scalars.count, scalars[slash] == "/", NumberReader.isASCIIDigit(scalars[slash + 1]) else {
            return nil
        }
        let denominator = NumberReader.readArabic(scalars, at: slash + 1)
        let end = denominator.range.upperBound
        if end < scalars.count, scalars[end] == "/" { return nil }
        guard let below = denominator.value, below != 0 else { return nil }
        return Found(rule: "slash fraction", range: start..<end, value: numerator / below)
    }

    // 三分之一 / 百分之三十 / 千分之五 / 百分之十五点六 / 百分之百: Y/X for X分之Y.
    static func chineseFraction(_ number: ReadNumber, _ scalars: [Unicode.Scalar]) -> Found? {
        guard let denominator = number.value, denominator != 0 else { return nil }
        let marker = number.range.upperBound
        guard marker + 2 < scalars.count, scalars[marker] == "分", scalars[marker + 1] == "之",
            let numerator = NumberReader.read(scalars, at: marker + 2), let value = numerator.value,
            numerator.adjacentRange == nil
        else { return nil }
        return Found(rule: "X分之Y", range: number.range.lowerBound..<numerator.range.upperBound, value: value / denominator)
    }

    // 10倍: a multiple, kept as a ratio with value N.
    static func multiple(_ number: ReadNumber, _ scalars: [Unicode.Scalar]) -> Found? {
        guard let value = number.value, !number.isBareScale, number.adjacentRange == nil else { return nil }
        let position = number.range.upperBound
        guard position < scalars.count, scalars[position] == "倍" else { return nil }
        return Found(rule: "multiple", range: number.range.lowerBound..<(position + 1), value: value)
    }
}
