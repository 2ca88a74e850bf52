import JianbaoCore

/// A list marker at the start of a line: 一、 （一） 1. （1） ① 第一条 一是 *.
///
///     一、抓平台促融合   → style hanComma, label 一, number 1
///     （二）“六个一”     → style parenHan, label (二), number 2
///     2.8万人次          → not a marker (a digit follows the point)
struct HeadingMarker: Equatable {
    enum Style: String, CaseIterable {
        case hanComma = "han-comma"
        case parenHan = "paren-han"
        case arabicDot = "arabic-dot"
        case parenArabic = "paren-arabic"
        case circled
        case article
        case hanShi = "han-shi"
        case star
    }

    var style: Style
    /// The label of SPEC "Items": 一, (一), 1, (1), ①, 第一条, 一是, *N (filled in by the caller).
    var label: String
    var number: Int
    /// The marker as written, e.g. `1.` or `（一）`.
    var written: String
    /// Working offset where the heading text starts (after the marker and any spaces).
    var textStart: Int

    /// Reads a marker at `line.lowerBound` (the line already trimmed), or nil.
    static func read(_ s: [Unicode.Scalar], _ line: Range<Int>) -> HeadingMarker? {
        guard let first = line.first else { return nil }
        let end = line.upperBound
        func string(_ range: Range<Int>) -> String { String(scalars: s[range]) }
        func skipSpaces(_ index: Int) -> Int {
            var i = index
            while i < end && s[i] == " " { i += 1 }
            return i
        }
        let c = s[first]
        if c == "*" {
            return HeadingMarker(style: .star, label: "*", number: 0, written: "*", textStart: skipSpaces(first + 1))
        }
        if (0x2460...0x2473).contains(c.value) {
            let number = Int(c.value - 0x2460) + 1
            return HeadingMarker(
                style: .circled, label: String(c), number: number, written: String(c), textStart: skipSpaces(first + 1))
        }
        if c == "（" || c == "(" {
            var i = first + 1
            while i < end && s[i] == " " { i += 1 }
            let digitsStart = i
            if i < end && isASCIIDigit(s[i]) {
                while i < end && isASCIIDigit(s[i]) { i += 1 }
                let digits = digitsStart..<i
                i = skipSpaces(i)
                guard i < end, s[i] == "）" || s[i] == ")", digits.count <= 3, let n = Int(string(digits)) else { return nil }
                return HeadingMarker(
                    style: .parenArabic, label: "(\(n))", number: n, written: string(first..<(i + 1)),
                    textStart: skipSpaces(i + 1))
            }
            while i < end && HanNumeral.isNumeral(s[i]) { i += 1 }
            let numeral = digitsStart..<i
            i = skipSpaces(i)
            guard !numeral.isEmpty, numeral.count <= 3, i < end, s[i] == "）" || s[i] == ")",
                let n = HanNumeral.value(s[numeral])
            else { return nil }
            return HeadingMarker(
                style: .parenHan, label: "(\(string(numeral)))", number: n, written: string(first..<(i + 1)),
                textStart: skipSpaces(i + 1))
        }
        if isASCIIDigit(c) {
            var i = first
            while i < end && isASCIIDigit(s[i]) { i += 1 }
            let digits = first..<i
            guard digits.count <= 3, let n = Int(string(digits)), n > 0 else { return nil }
            i = skipSpaces(i)
            guard i < end else { return nil }
            if s[i] == "、" || (s[i] == "." && !(i + 1 < end && isASCIIDigit(s[i + 1]))) {
                return HeadingMarker(
                    style: .arabicDot, label: String(n), number: n, written: string(first..<(i + 1)),
                    textStart: skipSpaces(i + 1))
            }
            return nil
        }
        if c == "第" {
            var i = first + 1
            while i < end && (HanNumeral.isNumeral(s[i]) || isASCIIDigit(s[i])) { i += 1 }
            let numeral = (first + 1)..<i
            guard !numeral.isEmpty, i < end, s[i] == "条",
                let n = HanNumeral.value(s[numeral]) ?? Int(string(numeral))
            else { return nil }
            return HeadingMarker(
                style: .article, label: string(first..<(i + 1)), number: n, written: string(first..<(i + 1)),
                textStart: skipSpaces(i + 1))
        }
        if HanNumeral.isNumeral(c) {
            var i = first
            while i < end && HanNumeral.isNumeral(s[i]) { i += 1 }
            let numeral = first..<i
            guard numeral.count <= 3, i < end, let n = HanNumeral.value(s[numeral]), n > 0 else { return nil }
            if s[i] == "、" {
                return HeadingMarker(
                    style: .hanComma, label: string(numeral), number: n, written: string(first..<(i + 1)),
                    textStart: skipSpaces(i + 1))
            }
            if s[i] == "是" {
                return HeadingMarker(
                    style: .hanShi, label: string(first..<(i + 1)), number: n, written: string(first..<(i + 1)),
                    textStart: i + 1)
            }
        }
        return nil
    }

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }
}
