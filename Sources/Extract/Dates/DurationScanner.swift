/// The find phase for durations: a number and a unit of time, or one word that is a span.
///
///     9天 → P9D   7个月 → P7M   70周年 → P70Y   3个多月 → P3M   月余 → P1M   24小时 → PT24H
struct DurationScanner {
    let text: DateText
    let words = DateWords.shared

    init(_ text: DateText) {
        self.text = text
    }

    /// The duration that starts at `index`, if any.
    func finding(at index: Int) -> DurationFinding? {
        if let found = word(at: index) { return found }
        return counted(at: index)
    }

    // 月余 → P1M, 半年 → P6M (not 上半年, 下半年, 每半年: those are dates)
    private func word(at index: Int) -> DurationFinding? {
        guard let (entry, end) = words.match(.durationWord, in: text.scalars, at: index) else { return nil }
        if let before = text[index - 1], Self.isDateBefore(before) || text.isHanNumeral(before) { return nil }
        return DurationFinding(range: index..<end, value: entry.value, rule: "duration word")
    }

    /// What makes a duration word part of a date or a count: 上半年, 下半年, 每半年, 第…, 个….
    private static func isDateBefore(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "上", "下", "每", "第", "个": return true
        default: return false
        }
    }

    // 9天, 42天, 10余天, 一个月, 3个多月, 三年, 70周年, 两周, 3小时, 30分钟
    private func counted(at index: Int) -> DurationFinding? {
        guard let numeral = text.numeral(at: index), numeral.value > 0,
            let (unit, end) = Self.unit(after: numeral, in: text, words: words)
        else { return nil }
        // 关键一年, 不平凡的一年: 一 is an article there, the year a noun.
        if numeral.value == 1, !numeral.isArabic, words.matchBefore(.articleBefore, in: text.scalars, at: index) != nil {
            return nil
        }
        return DurationFinding(range: index..<end, value: Self.iso(numeral.value, unit), rule: "number and unit")
    }

    /// The unit of time after a number (past 余, 多, 个), as an ISO designator: D, W, M, Y, TH, TM.
    static func unit(after numeral: DateNumeral, in text: DateText, words: DateWords) -> (unit: String, end: Int)? {
        var at = text.skipSpaces(numeral.range.upperBound)
        if text[at] == "余" || text[at] == "多" { at += 1 }
        // 3个多月: the 多 sits between 个 and 月.
        if text[at] == "个", text[at + 1] == "多" {
            at += 2
            if text[at] == "月" { return text[at + 1] == "份" ? nil : ("M", at + 1) }
            if text.has("小时", at: at) { return ("TH", at + 2) }
            return nil
        }
        guard let (entry, end) = words.match(.durationUnit, in: text.scalars, at: at) else { return nil }
        // 2023年 is a year, 三年级 a grade, 3个月份 a count of months, 周边 no week at all.
        if entry.value == "Y", numeral.isYear { return nil }
        if words.matchEnd(.notDuration, in: text.scalars, at: at) != nil, entry.word.count < 2 || entry.word == ["周"] { return nil }
        if entry.value == "M", text[end] == "份" { return nil }
        return (entry.value, end)
    }

    static func iso(_ amount: Int, _ unit: String) -> String {
        unit.hasPrefix("T") ? "PT\(amount)\(unit.dropFirst())" : "P\(amount)\(unit)"
    }
}
