import JianbaoCore
import Normalize

/// Reads the masthead — the lines before the first item — into title, issue, issuer and date.
///
///     代表工作 / 第 41 期 / 河南省人大常委会 / 代表工作委员会 / 2024 年 10 月 23 日
struct MastheadReader {
    let line: LineText

    func read(
        lines: [Range<Int>], parts: [(issuer: Range<Int>?, title: Range<Int>)], roots: [ItemNode], speechCount: Int,
        briefCount: Int
    ) -> Masthead {
        var masthead = Masthead()
        var titleParts: [Range<Int>] = []
        var issuerParts: [Range<Int>] = []
        var titleClosed = false
        for range in lines {
            // 许昌市人大常委会办公室          2023年5月12日 — issuer and date on one line.
            if masthead.date == nil, let (issuer, date) = issuerAndDate(range) {
                issuerParts.append(issuer)
                masthead.date = DocumentDate(text: line.string(date.range), value: date.value, span: line.text.sourceSpan(date.range))
                titleClosed = !titleParts.isEmpty
                continue
            }
            if let issue = issue(range) {
                masthead.issue = issue
                titleClosed = !titleParts.isEmpty
                continue
            }
            if let date = FullDate.read(line, range), date.range == range {
                masthead.date = DocumentDate(text: line.string(range), value: date.value, span: line.text.sourceSpan(range))
                titleClosed = !titleParts.isEmpty
                continue
            }
            if line.isHeadingLike(range), HeadingStyles.issuerSuffixes.contains(where: { line.ends(range, with: $0) }),
                !titleParts.isEmpty || masthead.issue != nil
            {
                issuerParts.append(range)
                titleClosed = true
                continue
            }
            if line.equals(range, LineWords.appendix) || line.equals(range, LineWords.editorsNote) { titleClosed = !titleParts.isEmpty; continue }
            if line.starts(range, with: LineWords.subtitleDash) { titleClosed = true; continue }
            if !titleClosed && line.isHeadingLike(range) && !(range.count > 30) {
                titleParts.append(range)
            } else {
                titleClosed = !titleParts.isEmpty
            }
        }
        if !titleParts.isEmpty { masthead.title = line.joined(titleParts) }
        if !issuerParts.isEmpty {
            masthead.issuer = issuerParts.map(line.string).joined()
            masthead.issuerSpan = line.text.sourceSpan(issuerParts.first!.lowerBound, issuerParts.last!.upperBound)
        }
        if let first = parts.first {
            if let issuer = first.issuer {
                masthead.issuer = masthead.issuer ?? line.string(issuer)
                masthead.issuerSpan = masthead.issuerSpan ?? line.text.sourceSpan(issuer)
                masthead.title = masthead.title ?? line.joined([issuer, first.title])
            } else {
                masthead.title = masthead.title ?? line.string(first.title)
            }
        }
        masthead.statedYear = statedYear(in: masthead.title) ?? parts.lazy.compactMap { statedYear(in: line.string($0.title)) }.first
        masthead.kind = kind(masthead: masthead, parts: parts.count, roots: roots, speeches: speechCount, briefs: briefCount)
        return masthead
    }

    private func kind(masthead: Masthead, parts: Int, roots: [ItemNode], speeches: Int, briefs: Int) -> String {
        if masthead.issue != nil { return "bulletin" }
        if parts > 0 { return "plan" }
        if speeches > 1 { return "speeches" }
        if briefs > 0 || roots.contains(where: { $0.kind == "lead" }) { return "newspaper" }
        if roots.contains(where: { $0.fields.contains { $0.name == "申报单位" } }) { return "list" }
        return "bulletin"
    }

    /// An issuing body, a gap of two or more spaces, then a full date, on one line.
    private func issuerAndDate(_ range: Range<Int>) -> (Range<Int>, FullDate)? {
        let s = line.s
        var gapEnd = range.upperBound
        while gapEnd > range.lowerBound + 1 {
            if s[gapEnd - 1] == " " && s[gapEnd - 2] == " " { break }
            gapEnd -= 1
        }
        guard gapEnd > range.lowerBound + 1 else { return nil }
        let issuer = line.trim(range.lowerBound..<gapEnd)
        let rest = line.trim(gapEnd..<range.upperBound)
        guard !issuer.isEmpty, line.isHeadingLike(issuer), let date = FullDate.read(line, rest), date.range == rest else {
            return nil
        }
        return (issuer, date)
    }

    /// 第 41 期 on a line of its own.
    private func issue(_ range: Range<Int>) -> Issue? {
        guard line.starts(range, with: "第"), line.ends(range, with: "期") else { return nil }
        let inner = line.string((range.lowerBound + 1)..<(range.upperBound - 1)).filter { $0 != " " }
        let number = Int(inner) ?? HanNumeral.value(inner.unicodeScalars)
        guard number != nil else { return nil }
        return Issue(text: line.string(range), number: number, span: line.text.sourceSpan(range))
    }

    /// 2023年度… / 2023 年度… at the start of a title.
    private func statedYear(in title: String?) -> Int? {
        guard let title else { return nil }
        let scalars = Array(title.unicodeScalars)
        guard let index = scalars.indices.first(where: { HeadingMarker.isASCIIDigit(scalars[$0]) }) else { return nil }
        var end = index
        while end < scalars.count && HeadingMarker.isASCIIDigit(scalars[end]) { end += 1 }
        guard end - index == 4 else { return nil }
        let year = scalars[index..<end].reduce(0) { $0 * 10 + Int($1.value - 0x30) }
        var after = end
        while after < scalars.count && scalars[after] == " " { after += 1 }
        guard after + 1 < scalars.count, scalars[after] == "年", scalars[after + 1] == "度" else { return nil }
        return year
    }
}

/// A full calendar date written out: 2024 年 10 月 23 日 (spaces allowed).
struct FullDate {
    var year: Int
    var month: Int
    var day: Int
    var range: Range<Int>

    /// 2024-10-23. Made only for the date the masthead keeps: a body line may open with a
    /// date too, and is read and dropped.
    var value: String {
        func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }

    static func read(_ line: LineText, _ range: Range<Int>) -> FullDate? {
        let s = line.s
        var index = range.lowerBound
        func number(_ maxDigits: Int) -> Int? {
            while index < range.upperBound && s[index] == " " { index += 1 }
            let start = index
            while index < range.upperBound && HeadingMarker.isASCIIDigit(s[index]) && index - start < maxDigits { index += 1 }
            guard index > start else { return nil }
            // At most four ASCII digits: their value, without making a String to parse.
            return (start..<index).reduce(0) { $0 * 10 + Int(s[$1].value - 0x30) }
        }
        func expect(_ scalar: Unicode.Scalar) -> Bool {
            while index < range.upperBound && s[index] == " " { index += 1 }
            guard index < range.upperBound, s[index] == scalar else { return false }
            index += 1
            return true
        }
        guard let year = number(4), year >= 1900, expect("年"), let month = number(2), expect("月"), let day = number(2),
            expect("日"), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return FullDate(year: year, month: month, day: day, range: range.lowerBound..<index)
    }
}
