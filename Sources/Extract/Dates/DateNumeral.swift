import JianbaoCore
import Normalize

/// A number as it stands in a date or a duration: Arabic (full-width is already ASCII in the
/// working text) or Chinese (十二, 二〇二三, 百 → 100).
struct DateNumeral: Equatable, Sendable {
    var value: Int
    var range: Range<Int>
    var isArabic: Bool
    /// 二〇二三 and 2023 are digit strings; 二十三 is not.
    var isDigitString: Bool

    var length: Int { range.count }

    /// A year written out in four digits: 2023, 二〇二三.
    var isYear: Bool { isDigitString && length == 4 && (1800...2199).contains(value) }
}

/// Reading helpers over the working scalars, shared by the date and duration scanners.
///
/// Not `Sendable`: one scan owns it (see `NumeralMemo`).
struct DateText {
    let scalars: [Unicode.Scalar]
    private let memo = NumeralMemo()

    var count: Int { scalars.count }

    subscript(index: Int) -> Unicode.Scalar? {
        index >= 0 && index < scalars.count ? scalars[index] : nil
    }

    static func isASCIIDigit(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return ("0"..."9").contains(scalar)
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// Han numerals a date or duration may use: digits and 十 百 千 (万 and 亿 make counts).
    func isHanNumeral(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return hanNumerals.contains(scalar)
    }

    static func isHanNumeral(_ scalar: Unicode.Scalar) -> Bool {
        if HanNumeral.digit(scalar) != nil { return true }
        if let unit = HanNumeral.unit(scalar) { return unit <= 1000 }
        return false
    }

    /// `isHanNumeral` as a bitset, asked at every scalar of every number and of its neighbours.
    /// An instance copy: reading a `static let` calls `swift_once` each time on Linux.
    private let hanNumerals = DateStarts.shared.hanNumeral

    /// The index past a run of plain spaces (PDF text puts them inside dates: 2024 年 10 月).
    func skipSpaces(_ index: Int) -> Int {
        var index = index
        while index < count, scalars[index] == " " || scalars[index] == "\u{3000}" { index += 1 }
        return index
    }

    /// Past spaces and, when the gap is short, a line break PDF extraction left between a
    /// number and its unit (2023年10\n月23日).
    func skipGap(_ index: Int) -> Int {
        var at = index
        var sawBreak = false
        while at < count, at - index < 4, scalars[at] == " " || scalars[at] == "\u{3000}" || scalars[at] == "\n" {
            if scalars[at] == "\n" { sawBreak = true }
            at += 1
        }
        return sawBreak ? at : skipSpaces(index)
    }

    /// Inside “…” on this line: a quoted name (“季度调度会、年中推进会、年底表彰会”).
    func isQuoted(_ index: Int) -> Bool {
        var at = index - 1
        while at >= 0, index - at <= 40 {
            switch scalars[at] {
            case "“": return true
            case "”", "\n": return false
            default: at -= 1
            }
        }
        return false
    }

    func has(_ word: String, at index: Int) -> Bool {
        var index = index
        for scalar in word.unicodeScalars {
            guard self[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    /// The number starting at `index`, when a number may start there: not in the middle of
    /// another number (12345, 3.14, 十四), a code (G20) or an ordinal (第3天). With
    /// `pointMayFollow`, an Arabic number that a decimal point and a digit follow is still one
    /// (the year of 2023.10.23).
    func numeral(at index: Int, pointMayFollow: Bool = false) -> DateNumeral? {
        if memo.index != index {
            // Read once for both answers: they differ only for an Arabic number before a
            // decimal point (3.14), which `pointMayFollow` lets through.
            let numeral = readNumeral(at: index)
            memo.index = index
            memo.numeral = numeral
            memo.pointFollows = numeral.map { $0.isArabic && self[$0.range.upperBound] == "." && DateText.isASCIIDigit(self[$0.range.upperBound + 1]) } ?? false
        }
        if !pointMayFollow && memo.pointFollows { return nil }
        return memo.numeral
    }

    /// Where the range of `numeral(at: index)` ends when there is a numeral there: past the
    /// digits (at most nine) or Han numerals (at most eight) from `index`, as `readNumeral`
    /// reads them, without their value or the checks on their neighbours.
    func numeralEnd(at index: Int) -> Int {
        var end = index
        if DateText.isASCIIDigit(self[index]) {
            while DateText.isASCIIDigit(self[end]), end - index < 9 { end += 1 }
        } else {
            while isHanNumeral(self[end]), end - index < 8 { end += 1 }
        }
        return end
    }

    /// The number at `index` as `numeral(at:pointMayFollow: true)` reads it.
    private func readNumeral(at index: Int) -> DateNumeral? {
        guard let first = self[index] else { return nil }
        let before = self[index - 1]
        if DateText.isASCIIDigit(first) {
            guard !DateText.isASCIIDigit(before), before != ".", !DateText.isASCIILetter(before), before != "第" else {
                return nil
            }
            var end = index
            var value = 0
            while DateText.isASCIIDigit(self[end]), end - index < 9 {
                value = value * 10 + Int(scalars[end].value - 48)
                end += 1
            }
            // 12345678901 is no date or duration; nor are 3.14 and 1.5倍 (see `numeral`).
            if DateText.isASCIIDigit(self[end]) { return nil }
            return DateNumeral(value: value, range: index..<end, isArabic: true, isDigitString: true)
        }
        guard isHanNumeral(first), !isHanNumeral(before), before != "第" else { return nil }
        var end = index
        while isHanNumeral(self[end]), end - index < 8 { end += 1 }
        // The commonest case by far, a lone digit (一 in 一是, 进一步): a one-digit digit string
        // whose value is the digit, as `HanNumeral.value` would say, without the generic call.
        if end == index + 1, let digit = HanNumeral.digit(first) {
            return DateNumeral(value: digit, range: index..<end, isArabic: false, isDigitString: true)
        }
        let run = scalars[index..<end]
        let isDigitString = run.allSatisfy { HanNumeral.digit($0) != nil }
        // 百年 is 一百年: a leading 百 or 千 stands for one of it.
        var value = HanNumeral.value(run)
        if value == nil, let unit = HanNumeral.unit(first), unit >= 100 {
            value = HanNumeral.value(["一"] + Array(run))
        }
        guard let value else { return nil }
        return DateNumeral(value: value, range: index..<end, isArabic: false, isDigitString: isDigitString)
    }
}

/// The numeral last read and where. The rules tried at one position nearly all begin by
/// reading the numeral there (a date, a range, a month span, a phrase, a duration), up to eight
/// times; the memo reads it once. A class, so the scanners' non-mutating rules can fill it.
private final class NumeralMemo {
    var index = -1
    var numeral: DateNumeral?
    /// A decimal point and a digit follow `numeral` (3.14): no numeral unless `pointMayFollow`.
    var pointFollows = false
}
