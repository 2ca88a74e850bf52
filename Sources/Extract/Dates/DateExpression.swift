/// What the find phase hands the resolver: a span of working text and what kind of date it
/// names, with every number read but no year filled in yet.

/// How a phrase names its year.
enum YearReference: Equatable, Sendable {
    /// 2023年, 二〇二三年 → 2023.
    case explicit(Int)
    /// 今年 0, 去年 −1, 明年 +1: counted from the reference year.
    case relative(Int)
    /// 次年: the year after the range's start (12月至次年2月).
    case following(Int)
}

/// A part of a year: 上半年, 一季度, 春季, 年初, 年底.
enum YearPart: Equatable, Sendable {
    case half(Int)
    case quarter(Int)
    /// SP, SU, FA, WI (TIMEX3 season codes).
    case season(String)
    case start, middle, end
}

/// A part of a month: 上旬 中旬 下旬 月初, or 月底 (the month's last day).
enum MonthPart: Equatable, Sendable {
    case tenDays(Int)
    case lastDay
}

/// One calendar point as written; any field may be missing (3月, 25日, 上半年, 今年).
struct DatePhrase: Equatable, Sendable {
    var year: YearReference?
    var month: Int?
    var day: Int?
    var yearPart: YearPart?
    var monthPart: MonthPart?

    /// Year, month and day all written out: what later year-less dates take their year from.
    var isExplicitFullDate: Bool {
        if case .explicit = year, month != nil, day != nil { return true }
        return false
    }

    /// A day, 月底 or 年底: something a deadline (前) can stand after.
    var endsOnADay: Bool {
        day != nil || monthPart == .lastDay || (month == nil && yearPart == .end)
    }
}

/// The kinds of date the scanner finds.
///
/// Indirect: every rule returns a `DateFinding?`, and an inline payload of two phrases made
/// that optional 208 bytes, copied at each rule tried at each position; boxed, it is a word.
indirect enum DateFindingKind: Equatable, Sendable {
    /// 2023年2月28日, 10月下旬, 上半年, 今年.
    case point(DatePhrase)
    /// 6月底前, 截至今年6月底: up to and including the last day.
    case deadline(DatePhrase)
    /// 从4月开始: from the first day, open end.
    case after(DatePhrase)
    /// 2020年以来, 自2021年起: a range from the phrase to the document's present.
    case since(DatePhrase)
    /// 4月22日至25日; the end inherits what it leaves out from the start.
    case range(DatePhrase, DatePhrase)
    /// 每年11月1日 → XXXX-11-01, 每月 → P1M.
    case recurring(String)
    /// 2023年2月30日: not emitted, reported.
    case impossible(String)
}

/// A found date: the working-text range, its kind, and the rule that found it (for debugging).
struct DateFinding: Equatable, Sendable {
    var range: Range<Int>
    var kind: DateFindingKind
    var rule: String
}

/// A found duration: 9天 → P9D.
struct DurationFinding: Equatable, Sendable {
    var range: Range<Int>
    var value: String
    var rule: String
}
