/// Chinese numerals: 十二 → 12, 两千零五十 → 2050, 三万五千 → 35000, 一亿两千万 → 120000000,
/// and digit strings read digit by digit (二〇二三 → 2023).
///
/// Values never overflow: a numeral too large for Int, or malformed (亿亿亿亿, 十十), is nil.
///
/// The functions are `@inlinable`: the extractors call them inside their per-scalar loops from
/// another module, where an opaque generic `value` call cost more than the work it does.
public enum HanNumeral {
    @inlinable
    public static func digit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "〇", "零", "○": return 0
        case "一", "壹": return 1
        case "二", "两", "贰": return 2
        case "三", "叁": return 3
        case "四", "肆": return 4
        case "五", "伍": return 5
        case "六", "陆": return 6
        case "七", "柒": return 7
        case "八", "捌": return 8
        case "九", "玖": return 9
        default: return nil
        }
    }

    @inlinable
    public static func unit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "十", "拾": return 10
        case "百", "佰": return 100
        case "千", "仟": return 1000
        case "万", "萬": return 10_000
        case "亿", "億": return 100_000_000
        default: return nil
        }
    }

    @inlinable
    public static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        digit(scalar) != nil || unit(scalar) != nil
    }

    /// The value of a whole numeral, or nil when the scalars are not one well-formed numeral.
    @inlinable
    public static func value<C: Collection>(_ scalars: C) -> Int? where C.Element == Unicode.Scalar {
        guard !scalars.isEmpty else { return nil }
        if scalars.allSatisfy({ digit($0) != nil }) {
            // 二〇二三: a digit string (years, codes). A single digit is the same thing.
            var result = 0
            for scalar in scalars {
                let (shifted, o1) = result.multipliedReportingOverflow(by: 10)
                let (sum, o2) = shifted.addingReportingOverflow(digit(scalar)!)
                if o1 || o2 { return nil }
                result = sum
            }
            return result
        }
        var total = 0  // the part above 亿 already closed
        var section = 0  // below the next big unit
        var number = 0  // the digit waiting for its unit
        var digitInSection = false
        var lastSmallUnit = Int.max
        for scalar in scalars {
            if let d = digit(scalar) {
                number = d
                digitInSection = true
            } else if let u = unit(scalar) {
                switch u {
                case 10, 100, 1000:
                    // 十 alone (十二, 三万十) means 一十; any other unit needs its digit.
                    if number == 0 && (u != 10 || digitInSection) { return nil }
                    let multiplier = number == 0 ? 1 : number
                    guard u < lastSmallUnit else { return nil }  // 十百 is not a numeral
                    lastSmallUnit = u
                    guard let product = checkedMultiply(multiplier, u), let sum = checkedAdd(section, product) else {
                        return nil
                    }
                    section = sum
                    number = 0
                case 10_000:
                    guard section + number > 0, section < 10_000 else { return nil }
                    guard let product = checkedMultiply(section + number, 10_000) else { return nil }
                    section = product
                    number = 0
                    digitInSection = false
                    lastSmallUnit = Int.max
                default:  // 亿
                    guard section + number > 0 else { return nil }
                    guard let product = checkedMultiply(section + number, 100_000_000),
                        let sum = checkedAdd(total, product)
                    else { return nil }
                    // A second 亿 must scale the whole (一万亿 is fine, 一亿亿 is not a bulletin number).
                    guard total == 0 || product < 100_000_000 else { return nil }
                    total = sum
                    section = 0
                    number = 0
                    digitInSection = false
                    lastSmallUnit = Int.max
                }
            } else {
                return nil
            }
        }
        guard let withSection = checkedAdd(total, section), let result = checkedAdd(withSection, number) else {
            return nil
        }
        return result
    }

    @usableFromInline
    static func checkedMultiply(_ a: Int, _ b: Int) -> Int? {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : value
    }

    @usableFromInline
    static func checkedAdd(_ a: Int, _ b: Int) -> Int? {
        let (value, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : value
    }
}
