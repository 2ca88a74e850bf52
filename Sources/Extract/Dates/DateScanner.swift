import JianbaoCore
import Normalize

/// The find phase for dates: at a position, the longest date phrase that starts there, with
/// its kind. Every rule looks ahead a bounded number of scalars, so a scan is linear.
///
/// The grammar, outermost first:
///
///     finding  = set | year-range | month-span | [frame-open] phrase [range | frame-close | 前]
///     phrase   = [year] [year-part | quarter | month [month-part | day]]
///     year     = 今年 | 2023年 | 二〇二三年 | 2023年度
struct DateScanner {
    let text: DateText
    let words = DateWords.shared
    let starts = DateStarts.shared

    init(_ text: DateText) {
        self.text = text
    }

    private var scalars: [Unicode.Scalar] { text.scalars }

    /// The date that starts at `index`, if any.
    func finding(at index: Int) -> DateFinding? {
        // Each rule is asked only where it can start (`DateStarts`): a rule that would return
        // nil still costs a call and the copy of its optional result.
        let first = scalars[index]
        let startsNumeral = starts.numeral.contains(first)
        if first == "每", let found = recurring(at: index) { return found }
        if startsNumeral {
            if let found = numericDate(at: index) { return found }
            if let found = yearRange(at: index) { return found }
            if let found = monthSpan(at: index, year: nil, from: index) { return found }
        }
        if starts.framed.contains(first), let found = framed(at: index) { return found }
        if startsNumeral {
            if let found = yearBeforeTopic(at: index) { return found }
            if let found = bareDay(at: index) { return found }
        }
        return nil
    }

    // MARK: Phrases

    private enum PhraseResult {
        case phrase(DatePhrase, end: Int)
        case impossible(String, end: Int)
    }

    /// A year written as a number followed by 年: 2023年, 2023 年, 二〇二三年. Returns the year
    /// and the index past 年.
    private func explicitYear(at index: Int) -> (year: Int, end: Int)? {
        guard let numeral = text.numeral(at: index), numeral.isYear else { return nil }
        let at = text.skipGap(numeral.range.upperBound)
        guard text[at] == "年" else { return nil }
        return (numeral.value, at + 1)
    }

    /// A month number followed by 月 (月份): 3月, 十二月, 12 月份. `nil` month means "not a month";
    /// an out-of-range number before 月 is reported as impossible.
    private func month(at index: Int) -> (value: Int, end: Int)? {
        guard let numeral = text.numeral(at: index) else { return nil }
        if !numeral.isArabic && (numeral.isDigitString && numeral.length > 1 || text[index] == "两") { return nil }
        if numeral.isArabic && numeral.length > 2 { return nil }
        let at = text.skipGap(numeral.range.upperBound)
        guard text[at] == "月" else { return nil }
        var end = at + 1
        if text[end] == "份" { end += 1 }
        return (numeral.value, end)
    }

    /// A day number followed by 日 or 号: 28日, 二十三日, 23 日.
    private func day(at index: Int, allowHao: Bool = true) -> (value: Int, end: Int)? {
        guard let numeral = text.numeral(at: index) else { return nil }
        if numeral.isArabic && numeral.length > 2 { return nil }
        if !numeral.isArabic && numeral.isDigitString && numeral.length > 1 { return nil }
        let at = text.skipSpaces(numeral.range.upperBound)
        guard text[at] == "日" || (allowHao && text[at] == "号") else { return nil }
        return (numeral.value, at + 1)
    }

    /// 一季度, 第一季度, 四季度 → the quarter and the index past 季度.
    private func quarter(at index: Int) -> (value: Int, end: Int)? {
        var at = index
        if text[at] == "第" { at += 1 }
        // The quarter word's first scalar, asked first: nearly every numeral is followed by
        // something else.
        guard let next = text[at + 1], starts.quarterWords.contains(next) else { return nil }
        guard let digit = text[at].flatMap({ HanNumeral.digit($0) }) ?? (DateText.isASCIIDigit(text[at]) ? Int(text[at]!.value - 48) : nil),
            (1...4).contains(digit), !text.isHanNumeral(text[at + 1]), !DateText.isASCIIDigit(text[at + 1]),
            let end = words.matchEnd(.quarter, in: scalars, at: at + 1)
        else { return nil }
        if at == index {
            // 一季度 must not be the tail of a longer numeral or an ordinal.
            let before = text[index - 1]
            if text.isHanNumeral(before) || DateText.isASCIIDigit(before) || before == "每" { return nil }
        }
        return (digit, end)
    }

    private func yearPart(_ code: String) -> YearPart {
        switch code {
        case "H1": return .half(1)
        case "H2": return .half(2)
        case "START": return .start
        case "MID": return .middle
        case "END": return .end
        default: return .season(code)
        }
    }

    /// The year parts that stand without a year (not a season): compared one by one, not
    /// through an array of Strings built at each match.
    private static func isBarePart(_ code: String) -> Bool {
        code == "H1" || code == "H2" || code == "START" || code == "END"
    }

    /// One calendar point. `allowBareParts` lets 上半年, 年初, 一季度 stand without a year.
    private func phrase(at index: Int, allowBareParts: Bool = true) -> PhraseResult? {
        var phrase = DatePhrase()
        var at = index
        var wroteNian = false  // the year ended in 年, so 初/底/末 may follow directly

        // 今年, 去年, 本年度 …
        if let (entry, end) = words.match(.relativeYear, in: scalars, at: at), let offset = Int(entry.value) {
            phrase.year = .relative(offset)
            at = end
        } else if let (year, end) = explicitYear(at: at) {
            phrase.year = .explicit(year)
            at = end
            wroteNian = true
            // 2023年度: the whole year, nothing finer follows.
            if text[at] == "度" { return .phrase(phrase, end: at + 1) }
        }

        if phrase.year != nil {
            let next = text.skipSpaces(at)
            // 2023年上半年, 今年年初, 今年春季
            if let (entry, end) = words.match(.yearPart, in: scalars, at: next) {
                phrase.yearPart = yearPart(entry.value)
                return .phrase(phrase, end: end)
            }
            if let (value, end) = quarter(at: next) {
                phrase.yearPart = .quarter(value)
                return .phrase(phrase, end: end)
            }
            // 2023年底, 2023年初
            if wroteNian, let (entry, end) = words.match(.yearSuffix, in: scalars, at: at) {
                phrase.yearPart = yearPart(entry.value)
                return .phrase(phrase, end: end)
            }
        } else if allowBareParts {
            // 上半年, 年初, 年底 — but a bare season (冬季行动) is not a date.
            if let (entry, end) = words.match(.yearPart, in: scalars, at: at), Self.isBarePart(entry.value) {
                let before = text[at - 1]
                if before == "每" || before == "近" || text.isHanNumeral(before) { return nil }
                // A bare 年底 inside quotes names something (“年底表彰会”).
                if text.isQuoted(at) { return nil }
                phrase.yearPart = yearPart(entry.value)
                return .phrase(phrase, end: end)
            }
            if let (value, end) = quarter(at: at) {
                phrase.yearPart = .quarter(value)
                return .phrase(phrase, end: end)
            }
        }

        // the month
        let monthStart = phrase.year == nil ? at : text.skipSpaces(at)
        guard let (month, monthEnd) = month(at: monthStart) else {
            return phrase.year == nil ? nil : .phrase(phrase, end: at)
        }
        guard (1...12).contains(month) else { return .impossible("there is no month \(month)", end: monthEnd) }
        phrase.month = month
        at = monthEnd
        if let (entry, end) = words.match(.monthPart, in: scalars, at: at) {
            phrase.monthPart = entry.value == "LAST" ? .lastDay : .tenDays(entry.value == "START" ? 1 : entry.value == "MID" ? 2 : 3)
            return .phrase(phrase, end: end)
        }
        // the day
        if let (day, dayEnd) = self.day(at: text.skipSpaces(at)) {
            let yearValue: Int? = { if case let .explicit(year) = phrase.year { return year } else { return nil } }()
            guard day >= 1, day <= CalendarDay.length(ofMonth: month, in: yearValue) else {
                return .impossible("month \(month) has no day \(day)", end: dayEnd)
            }
            phrase.day = day
            at = dayEnd
        }
        return .phrase(phrase, end: at)
    }

    // MARK: Rules

    // 每年 → P1Y; 每年的11月1日 → XXXX-11-01; 每月15日 → XXXX-XX-15; 每周三 → XXXX-WXX-3;
    // 每两个月 → P2M
    private func recurring(at index: Int) -> DateFinding? {
        guard text[index] == "每" else { return nil }
        if let (entry, end) = words.match(.set, in: scalars, at: index) {
            var at = end
            if text[at] == "的" { at += 1 }
            switch entry.value {
            case "P1Y":
                if case let .phrase(phrase, phraseEnd)? = phrase(at: text.skipSpaces(at), allowBareParts: false),
                    phrase.year == nil, let month = phrase.month, phrase.monthPart == nil
                {
                    let value = "XXXX-" + CalendarDay.pad(month, 2) + (phrase.day.map { "-" + CalendarDay.pad($0, 2) } ?? "")
                    return DateFinding(range: index..<phraseEnd, kind: .recurring(value), rule: "every year on a day")
                }
            case "P1M":
                if let (day, dayEnd) = day(at: text.skipSpaces(at)), (1...31).contains(day) {
                    return DateFinding(range: index..<dayEnd, kind: .recurring("XXXX-XX-" + CalendarDay.pad(day, 2)), rule: "every month on a day")
                }
            case "P1W":
                if let (weekday, dayEnd) = words.match(.weekday, in: scalars, at: end), !Self.countsAfterWeekday.contains(text[dayEnd] ?? " ") {
                    return DateFinding(range: index..<dayEnd, kind: .recurring("XXXX-WXX-" + weekday.value), rule: "every week on a weekday")
                }
            default: break
            }
            return DateFinding(range: index..<end, kind: .recurring(entry.value), rule: "bare frequency")
        }
        // 每两个月, 每三年
        if let numeral = text.numeral(at: index + 1), numeral.value > 0, !numeral.isYear,
            let (unit, end) = DurationScanner.unit(after: numeral, in: text, words: words)
        {
            return DateFinding(range: index..<end, kind: .recurring(DurationScanner.iso(numeral.value, unit)), rule: "every n units")
        }
        return nil
    }

    /// What may follow 每周一 when 一 counts something (每周一次) rather than naming Monday.
    static let countsAfterWeekday: Set<Unicode.Scalar> = ["次", "个", "名", "位", "人", "项", "件", "期", "篇", "轮", "天", "周", "遍", "回", "批", "场"]

    // 2023.10.23, 2023-10-23, 2023/10/23 → 2023-10-23
    private func numericDate(at index: Int) -> DateFinding? {
        // The separators sit between digits, so the parts are read as plain digit runs.
        func digits(at start: Int) -> (value: Int, end: Int)? {
            var end = start
            var value = 0
            while DateText.isASCIIDigit(text[end]), end - start < 4 {
                value = value * 10 + Int(scalars[end].value - 48)
                end += 1
            }
            return end > start ? (value, end) : nil
        }
        guard let year = text.numeral(at: index, pointMayFollow: true), year.isArabic, year.isYear,
            let separator = text[year.range.upperBound], separator == "." || separator == "-" || separator == "/",
            let month = digits(at: year.range.upperBound + 1), month.end - year.range.upperBound - 1 <= 2,
            text[month.end] == separator,
            let day = digits(at: month.end + 1), day.end - month.end - 1 <= 2, !DateText.isASCIIDigit(text[day.end]),
            !(text[day.end] == "." && DateText.isASCIIDigit(text[day.end + 1]))
        else { return nil }
        let range = index..<day.end
        guard (1...12).contains(month.value) else {
            return DateFinding(range: range, kind: .impossible("there is no month \(month.value)"), rule: "numeric date")
        }
        guard day.value >= 1, day.value <= CalendarDay.length(ofMonth: month.value, in: year.value) else {
            return DateFinding(range: range, kind: .impossible("month \(month.value) has no day \(day.value)"), rule: "numeric date")
        }
        let phrase = DatePhrase(year: .explicit(year.value), month: month.value, day: day.value)
        return DateFinding(range: range, kind: .point(phrase), rule: "numeric date")
    }

    // 2021—2035, 2022-2023年 → 2021/2035 (a bare year needs the range or 年)
    private func yearRange(at index: Int) -> DateFinding? {
        guard let first = text.numeral(at: index), first.isYear else { return nil }
        let connectorAt = text.skipSpaces(first.range.upperBound)
        guard let connectorEnd = words.matchEnd(.range, in: scalars, at: connectorAt),
            let second = text.numeral(at: text.skipSpaces(connectorEnd)), second.isYear, second.isArabic == first.isArabic,
            second.value > first.value
        else { return nil }
        var end = second.range.upperBound
        let after = text.skipSpaces(end)
        if text[after] == "年" {
            end = after + 1
            if text[end] == "度" { end += 1 }
        }
        let range = DateFinding(
            range: index..<end, kind: .range(DatePhrase(year: .explicit(first.value)), DatePhrase(year: .explicit(second.value))),
            rule: "year range")
        return range
    }

    // 1—7 月份, 5—6月 → 2023-01/2023-07 (the first month has no 月 of its own)
    private func monthSpan(at index: Int, year: YearReference?, from start: Int) -> DateFinding? {
        guard let first = text.numeral(at: index), first.length <= 2, (1...12).contains(first.value),
            let connectorEnd = words.matchEnd(.range, in: scalars, at: text.skipSpaces(first.range.upperBound)),
            let (second, end) = month(at: text.skipSpaces(connectorEnd)), (1...12).contains(second), second > first.value
        else { return nil }
        return DateFinding(
            range: start..<end,
            kind: .range(DatePhrase(year: year, month: first.value), DatePhrase(month: second)),
            rule: "month span")
    }

    /// A phrase with what frames it: 截至…, 自…以来, 自…起, 从…开始, …前, and ranges.
    private func framed(at index: Int) -> DateFinding? {
        enum Frame { case none, asOf, sinceOpen, afterOpen }
        var frame = Frame.none
        var at = index
        if let end = words.matchEnd(.asOf, in: scalars, at: index) {
            frame = .asOf
            at = end
        } else if let end = words.matchEnd(.sinceOpen, in: scalars, at: index) {
            frame = .sinceOpen
            at = end
        } else if let end = words.matchEnd(.afterOpen, in: scalars, at: index) {
            frame = .afterOpen
            at = end
        }
        guard let result = phrase(at: at) else { return nil }
        let phraseStart = at
        let first: DatePhrase
        let firstEnd: Int
        switch result {
        case let .impossible(reason, end):
            return DateFinding(range: phraseStart..<end, kind: .impossible(reason), rule: "impossible date")
        case let .phrase(phrase, end):
            first = phrase
            firstEnd = end
        }
        // 2023年1—7月份: a year, then a month span.
        if case .explicit = first.year, first.month == nil, first.yearPart == nil, text[firstEnd - 1] == "年",
            let span = monthSpan(at: text.skipSpaces(firstEnd), year: first.year, from: phraseStart)
        {
            return span
        }
        let next = text.skipSpaces(firstEnd)
        // 2020年以来, 今年以来, 2020年至今: 自 stays outside.
        if let end = words.matchEnd(.since, in: scalars, at: next) {
            return DateFinding(range: phraseStart..<end, kind: .since(first), rule: "since")
        }
        if frame == .sinceOpen || frame == .afterOpen {
            // 自2021年起: the whole frame is the since-range; 从4月开始: after.
            if let end = words.matchEnd(.sinceClose, in: scalars, at: next) {
                return DateFinding(range: index..<end, kind: .since(first), rule: "since frame")
            }
            if let end = words.matchEnd(.afterClose, in: scalars, at: next) {
                return DateFinding(range: index..<end, kind: .after(first), rule: "from frame")
            }
        }
        // 6月底前, 3月15日前, 年底前
        if first.endsOnADay, let end = words.matchEnd(.deadline, in: scalars, at: firstEnd),
            !Self.notDeadlineAfter.contains(text[end] ?? " ")
        {
            let start = frame == .asOf ? index : phraseStart
            return DateFinding(range: start..<end, kind: .deadline(first), rule: "deadline")
        }
        if frame != .asOf, let (second, end) = rangeEnd(at: next, after: first) {
            return DateFinding(range: phraseStart..<end, kind: .range(first, second), rule: "range")
        }
        if frame == .asOf {
            return DateFinding(range: index..<firstEnd, kind: .deadline(first), rule: "as of")
        }
        // A bare 今年 or 上半年 is a date; the rest of a lone phrase must name a year or a month.
        return DateFinding(range: phraseStart..<firstEnd, kind: .point(first), rule: "phrase")
    }

    /// 前 that starts another word: 前期, 前列, 前提.
    static let notDeadlineAfter: Set<Unicode.Scalar> = ["期", "列", "提", "夕", "沿", "景", "身", "往", "进", "行"]

    /// The end of a range after its connector: 25日, 11月, 次年2月, 2024年2月, 5月3日.
    private func rangeEnd(at index: Int, after first: DatePhrase) -> (DatePhrase, Int)? {
        guard let connectorEnd = words.matchEnd(.range, in: scalars, at: index) else { return nil }
        // 至今 is a since-range, handled before.
        var at = text.skipSpaces(connectorEnd)
        var following: Int?
        if let (entry, end) = words.match(.followingYear, in: scalars, at: at) {
            following = Int(entry.value)
            at = end
        }
        if first.month != nil, first.day != nil, following == nil, let (day, end) = day(at: at),
            let firstDay = first.day, day > firstDay, day <= 31
        {
            return (DatePhrase(day: day), end)
        }
        guard case let .phrase(second, end)? = phrase(at: at, allowBareParts: false) else { return nil }
        var phrase = second
        if let following { phrase.year = .following(following) }
        // The two ends name the same kind of thing: days with days, months with months, years with years.
        switch (first.day != nil, first.month != nil, phrase.day != nil, phrase.month != nil) {
        case (true, _, true, true): break
        case (false, true, false, true): break
        case (false, false, false, false): guard first.yearPart == nil, phrase.yearPart == nil, phrase.year != nil else { return nil }
        default: return nil
        }
        return (phrase, end)
    }

    // 2022财政决算 → 2022: a bare four-digit year before a word that belongs to years.
    private func yearBeforeTopic(at index: Int) -> DateFinding? {
        guard let numeral = text.numeral(at: index), numeral.isYear, numeral.isArabic,
            words.matchEnd(.yearTopic, in: scalars, at: text.skipSpaces(numeral.range.upperBound)) != nil
        else { return nil }
        return DateFinding(range: numeral.range, kind: .point(DatePhrase(year: .explicit(numeral.value))), rule: "year before a year topic")
    }

    // 25日 after a full date in the same item (2023年4月22日开幕，25日闭幕); dropped without one.
    private func bareDay(at index: Int) -> DateFinding? {
        guard DateText.isASCIIDigit(text[index]), let (day, end) = day(at: index, allowHao: false), (1...31).contains(day) else {
            return nil
        }
        return DateFinding(range: index..<end, kind: .point(DatePhrase(day: day)), rule: "bare day")
    }
}
