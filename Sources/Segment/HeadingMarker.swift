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
    var number: Int
    /// Where the marker is written, e.g. `1.` or `（一）`.
    var writtenRange: Range<Int>
    /// The numeral inside the marker (一 of （一）), for the labels made of it.
    var numeralRange: Range<Int>
    /// Working offset where the heading text starts (after the marker and any spaces).
    var textStart: Int

    /// The marker as written, e.g. `1.` or `（一）`. Strings are made only for the markers
    /// that become items: most lines read here are tested and dropped (一是 in running text,
    /// the line after a heading).
    func written(in s: [Unicode.Scalar]) -> String {
        String(scalars: s[writtenRange])
    }

    /// The label of SPEC "Items": 一, (一), 1, (1), ①, 第一条, 一是, * (numbered by the caller).
    /// `written` is `written(in: s)`, which the label of some styles is (not made twice).
    func label(in s: [Unicode.Scalar], written: String) -> String {
        switch style {
        case .star: "*"
        case .parenArabic: "(" + String(number) + ")"
        case .arabicDot: String(number)
        case .parenHan: "(" + String(scalars: s[numeralRange]) + ")"
        case .hanComma: String(scalars: s[numeralRange])
        case .circled, .article, .hanShi: written
        }
    }

    /// Reads a marker at `line.lowerBound` (the line already trimmed), or nil.
    static func read(_ s: [Unicode.Scalar], _ line: Range<Int>) -> HeadingMarker? {
        guard let first = line.first else { return nil }
        let end = line.upperBound
        func skipSpaces(_ index: Int) -> Int {
            var i = index
            while i < end && s[i] == " " { i += 1 }
            return i
        }
        /// The value of a run of at most three ASCII digits.
        func digitsValue(_ range: Range<Int>) -> Int {
            range.reduce(0) { $0 * 10 + Int(s[$1].value - 0x30) }
        }
        func marker(_ style: Style, _ number: Int, through last: Int, numeral: Range<Int>, textStart: Int) -> HeadingMarker {
            HeadingMarker(style: style, number: number, writtenRange: first..<(last + 1), numeralRange: numeral, textStart: textStart)
        }
        let c = s[first]
        if c == "*" {
            return marker(.star, 0, through: first, numeral: first..<first, textStart: skipSpaces(first + 1))
        }
        if (0x2460...0x2473).contains(c.value) {
            let number = Int(c.value - 0x2460) + 1
            return marker(.circled, number, through: first, numeral: first..<(first + 1), textStart: skipSpaces(first + 1))
        }
        if c == "（" || c == "(" {
            var i = first + 1
            while i < end && s[i] == " " { i += 1 }
            let digitsStart = i
            if i < end && isASCIIDigit(s[i]) {
                while i < end && isASCIIDigit(s[i]) { i += 1 }
                let digits = digitsStart..<i
                i = skipSpaces(i)
                guard i < end, s[i] == "）" || s[i] == ")", digits.count <= 3 else { return nil }
                return marker(.parenArabic, digitsValue(digits), through: i, numeral: digits, textStart: skipSpaces(i + 1))
            }
            while i < end && HanNumeral.isNumeral(s[i]) { i += 1 }
            let numeral = digitsStart..<i
            i = skipSpaces(i)
            guard !numeral.isEmpty, numeral.count <= 3, i < end, s[i] == "）" || s[i] == ")",
                let n = HanNumeral.value(s[numeral])
            else { return nil }
            return marker(.parenHan, n, through: i, numeral: numeral, textStart: skipSpaces(i + 1))
        }
        if isASCIIDigit(c) {
            var i = first
            while i < end && isASCIIDigit(s[i]) { i += 1 }
            let digits = first..<i
            guard digits.count <= 3 else { return nil }
            let n = digitsValue(digits)
            guard n > 0 else { return nil }
            i = skipSpaces(i)
            guard i < end else { return nil }
            if s[i] == "、" || (s[i] == "." && !(i + 1 < end && isASCIIDigit(s[i + 1]))) {
                return marker(.arabicDot, n, through: i, numeral: digits, textStart: skipSpaces(i + 1))
            }
            return nil
        }
        if c == "第" {
            var i = first + 1
            while i < end && (HanNumeral.isNumeral(s[i]) || isASCIIDigit(s[i])) { i += 1 }
            let numeral = (first + 1)..<i
            guard !numeral.isEmpty, i < end, s[i] == "条",
                let n = HanNumeral.value(s[numeral]) ?? Int(String(scalars: s[numeral]))
            else { return nil }
            return marker(.article, n, through: i, numeral: numeral, textStart: skipSpaces(i + 1))
        }
        if HanNumeral.isNumeral(c) {
            var i = first
            while i < end && HanNumeral.isNumeral(s[i]) { i += 1 }
            let numeral = first..<i
            guard numeral.count <= 3, i < end, let n = HanNumeral.value(s[numeral]), n > 0 else { return nil }
            if s[i] == "、" {
                return marker(.hanComma, n, through: i, numeral: numeral, textStart: skipSpaces(i + 1))
            }
            if s[i] == "是" {
                return marker(.hanShi, n, through: i, numeral: numeral, textStart: i + 1)
            }
        }
        return nil
    }

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }
}
