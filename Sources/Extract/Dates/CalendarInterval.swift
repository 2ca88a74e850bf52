/// Proleptic Gregorian calendar arithmetic for resolved dates: month lengths, ISO strings,
/// and the inclusive first and last day of every granularity a bulletin names.
///
///     CalendarInterval.month(2024, 2)   // 2024-02-01 … 2024-02-29
struct CalendarDay: Equatable, Comparable, Sendable {
    var year: Int
    var month: Int
    var day: Int

    /// 2024-02-29. Written byte by byte into one small string: the resolver makes two or three
    /// of these per date, and interpolation with padding cost more than the rest of resolving.
    var iso: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            return "\(CalendarDay.pad(year, 4))-\(CalendarDay.pad(month, 2))-\(CalendarDay.pad(day, 2))"
        }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            CalendarDay.writeDigits(year, into: buffer, at: 0, width: 4)
            buffer[4] = UInt8(ascii: "-")
            CalendarDay.writeDigits(month, into: buffer, at: 5, width: 2)
            buffer[7] = UInt8(ascii: "-")
            CalendarDay.writeDigits(day, into: buffer, at: 8, width: 2)
            return 10
        }
    }

    /// 2024-02: `pad(year, 4) + "-" + pad(month, 2)`, written into one small string.
    static func isoMonth(_ year: Int, _ month: Int) -> String {
        guard (0...9999).contains(year), (0...99).contains(month) else { return pad(year, 4) + "-" + pad(month, 2) }
        return String(unsafeUninitializedCapacity: 7) { buffer in
            writeDigits(year, into: buffer, at: 0, width: 4)
            buffer[4] = UInt8(ascii: "-")
            writeDigits(month, into: buffer, at: 5, width: 2)
            return 7
        }
    }

    /// The last `width` decimal digits of a non-negative `value`, zero-padded.
    private static func writeDigits(_ value: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int, width: Int) {
        var rest = value
        for offset in stride(from: width - 1, through: 0, by: -1) {
            buffer[start + offset] = UInt8(48 + rest % 10)
            rest /= 10
        }
    }

    static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        if value >= 0 {
            var length = 1
            var rest = value / 10
            while rest > 0 {
                length += 1
                rest /= 10
            }
            length = max(length, width)
            return String(unsafeUninitializedCapacity: length) { buffer in
                writeDigits(value, into: buffer, at: 0, width: length)
                return length
            }
        }
        // A negative value keeps its sign where String(value) puts it (-5 → 00-5, as before).
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in a month; a year-less February may have 29 (the year decides later).
    static func length(ofMonth month: Int, in year: Int?) -> Int {
        switch month {
        case 2: return year.map { isLeap($0) ? 29 : 28 } ?? 29
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// An inclusive run of calendar days: what `start` and `end` of a date say.
struct CalendarInterval: Equatable, Sendable {
    var first: CalendarDay
    var last: CalendarDay

    static func year(_ year: Int) -> CalendarInterval {
        CalendarInterval(first: CalendarDay(year: year, month: 1, day: 1), last: CalendarDay(year: year, month: 12, day: 31))
    }

    static func months(_ year: Int, _ firstMonth: Int, through lastMonth: Int) -> CalendarInterval {
        // 冬季 runs from December into the next year's February.
        let lastYear = lastMonth < firstMonth ? year + 1 : year
        return CalendarInterval(
            first: CalendarDay(year: year, month: firstMonth, day: 1),
            last: CalendarDay(year: lastYear, month: lastMonth, day: CalendarDay.length(ofMonth: lastMonth, in: lastYear)))
    }

    static func month(_ year: Int, _ month: Int) -> CalendarInterval {
        months(year, month, through: month)
    }

    static func days(_ year: Int, _ month: Int, _ firstDay: Int, through lastDay: Int) -> CalendarInterval {
        CalendarInterval(first: CalendarDay(year: year, month: month, day: firstDay), last: CalendarDay(year: year, month: month, day: lastDay))
    }

    static func day(_ day: CalendarDay) -> CalendarInterval {
        CalendarInterval(first: day, last: day)
    }
}
