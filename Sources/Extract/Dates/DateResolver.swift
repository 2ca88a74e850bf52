import JianbaoCore
import Normalize

/// The resolve phase for dates: fills in the year (explicit, context, document, reference),
/// turns each finding into a TIMEX3-like value with its calendar interval, and reports the
/// impossible ones.
struct DateResolver {
    let text: WorkingText
    let anchor: DateAnchor
    let locator: ItemLocator

    /// The year year-less dates resolve against (SPEC, "Dates"): the document's own date, the
    /// year it says it is about, the year its explicitly dated events fall in, else
    /// `--reference-date`.
    static func referenceYear(_ anchor: DateAnchor, findings: [DateFinding]) -> ReferenceYear? {
        if let date = anchor.documentDate { return ReferenceYear(value: date.year, source: .document) }
        if let stated = anchor.statedYear { return ReferenceYear(value: stated, source: .document) }
        // The commonest explicit year, the later on a tie. Written years are four digits
        // (`DateNumeral.isYear`), so they are tallied in an array by year, not hashed.
        let years = 1800...2199
        var tally = [Int](repeating: 0, count: years.count)
        var others: [Int: Int] = [:]
        for finding in findings {
            switch finding.kind {
            case let .point(phrase), let .deadline(phrase), let .since(phrase), let .after(phrase):
                if case let .explicit(year) = phrase.year {
                    if years.contains(year) { tally[year - years.lowerBound] += 1 } else { others[year, default: 0] += 1 }
                }
            default: break
            }
        }
        for (offset, count) in tally.enumerated() where count > 0 { others[years.lowerBound + offset] = count }
        if let (year, _) = others.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
            return ReferenceYear(value: year, source: .document)
        }
        if let reference = anchor.referenceDate { return ReferenceYear(value: reference.year, source: .reference) }
        return nil
    }

    /// An item id as a dictionary key, compared and hashed by its UTF-8 bytes. String's own
    /// `==` and hashing work on canonical equivalence (normalizing as they go), which showed
    /// in profiles; item ids come from one code path, so one id is always the same bytes.
    private struct ItemKey: Hashable {
        var id: String

        static func == (lhs: ItemKey, rhs: ItemKey) -> Bool {
            lhs.id.utf8.elementsEqual(rhs.id.utf8)
        }

        func hash(into hasher: inout Hasher) {
            var id = id
            id.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    private struct Resolved {
        var value: String
        /// nil when the year is unknown (the value then starts with XXXX).
        var interval: CalendarInterval?
        var day: CalendarDay?

        /// `day.iso`, reusing the value when it names that very day (most dates name one day,
        /// whose start and end are the value again).
        func iso(_ other: CalendarDay) -> String {
            other == day ? value : other.iso
        }
    }

    /// A full date seen earlier in an item, for year-less dates after it.
    private struct Context {
        var explicitFullDate: CalendarDay?
        var lastDay: CalendarDay?

        var isEmpty: Bool { explicitFullDate == nil && lastDay == nil }
    }

    func resolve(_ findings: [DateFinding], referenceYear: ReferenceYear?) -> ([DateMention], [Diagnostic]) {
        // At most one mention a finding: reserved once, the array never grows by doubling
        // (half its capacity unused, and the old and new buffers both alive at each growth).
        var mentions: [DateMention] = []
        mentions.reserveCapacity(findings.count)
        var diagnostics: [Diagnostic] = []
        // Each finding's span and item, first: the number of item changes bounds the contexts
        // kept, reserved once (growing the dictionary rehashed every id, and showed).
        let spans = findings.map { text.sourceSpan($0.range) }
        let items = spans.map { locator.itemIndex(containing: $0) ?? -1 }
        var itemChanges = 0
        for (position, item) in items.enumerated() where position == 0 || item != items[position - 1] { itemChanges += 1 }
        var contexts: [ItemKey: Context] = [:]
        contexts.reserveCapacity(itemChanges)
        let presentEnd = anchor.documentDate.map { CalendarDay(year: $0.year, month: $0.month, day: $0.day).iso }
        // Neighbouring dates mostly stand in one item: its context stays at hand and goes back
        // to `contexts` only when the item changes (a String-keyed lookup per date showed).
        // The item is compared by its index in the locator (-1 outside every item); its id
        // String is fetched only when the item changes, to key `contexts`.
        var currentItem: Int?
        var currentKey: ItemKey?
        var context = Context()

        for (position, finding) in findings.enumerated() {
            let span = spans[position]
            let item = items[position]
            if item != currentItem {
                let itemKey = ItemKey(id: item >= 0 ? locator.id(ofItemAt: item) : "")
                // An empty context is what a missing one reads as; and a context only fills
                // up, so the one stored for this item, if any, is empty too.
                if let currentKey, !context.isEmpty { contexts[currentKey] = context }
                context = contexts.isEmpty ? Context() : contexts[itemKey] ?? Context()
                currentKey = itemKey
                currentItem = item
            }
            let words = text.string(finding.range)

            func impossible(_ reason: String) {
                diagnostics.append(Diagnostic(.warning, code: "impossible-date", message: "\(words): \(reason)", span: span))
            }
            func mention(_ type: DateMention.Kind, _ value: String, _ start: String?, _ end: String?, _ mod: DateMention.Modifier?, _ source: DateMention.YearSource?) {
                mentions.append(DateMention(text: words, type: type, value: value, start: start, end: end, mod: mod, yearSource: source, item: nil, span: span))
            }
            // The year of a phrase and where it came from; a year-less phrase with nothing to
            // anchor it gets (nil, nil) and an XXXX value; 今年 with no reference year gets nil.
            func year(of phrase: DatePhrase) -> (value: Int?, source: DateMention.YearSource?)? {
                let referenceSource: DateMention.YearSource = referenceYear?.source == .document ? .document : .reference
                switch phrase.year {
                case let .explicit(year)?: return (year, .explicit)
                case let .relative(offset)?:
                    guard let referenceYear else { return nil }
                    return (referenceYear.value + offset, referenceSource)
                case .following?: return nil
                case nil:
                    if let day = context.explicitFullDate { return (day.year, .context) }
                    guard let referenceYear else { return (nil, nil) }
                    return (referenceYear.value, referenceSource)
                }
            }

            switch finding.kind {
            case let .impossible(reason):
                impossible(reason)

            case let .recurring(value):
                mention(.set, value, nil, nil, nil, nil)

            case let .point(phrase) where phrase.day != nil && phrase.month == nil:
                // 25日: the month and year of the last day named before it in this item.
                guard let last = context.lastDay, let day = phrase.day else { break }
                guard day <= CalendarDay.length(ofMonth: last.month, in: last.year) else {
                    impossible("month \(last.month) has no day \(day)")
                    break
                }
                let date = CalendarDay(year: last.year, month: last.month, day: day)
                mention(.date, date.iso, date.iso, date.iso, nil, .context)
                context.lastDay = date

            case let .point(phrase), let .deadline(phrase), let .after(phrase), let .since(phrase):
                guard let resolvedYear = year(of: phrase) else { break }
                guard let resolved = resolve(phrase, year: resolvedYear.value) else {
                    impossible("month \(phrase.month ?? 0) has no day \(phrase.day ?? 0) in \(resolvedYear.value ?? 0)")
                    break
                }
                let source = resolvedYear.source
                let interval = resolved.interval
                switch finding.kind {
                case .deadline:
                    let last = interval.map { resolved.iso($0.last) }
                    mention(.date, last ?? resolved.value, nil, last, .BEFORE, source)
                case .after:
                    mention(.date, resolved.value, interval.map { resolved.iso($0.first) }, nil, .AFTER, source)
                case .since:
                    mention(.range, resolved.value + "/PRESENT_REF", interval.map { resolved.iso($0.first) }, interval == nil ? nil : presentEnd, nil, source)
                default:
                    mention(.date, resolved.value, interval.map { resolved.iso($0.first) }, interval.map { resolved.iso($0.last) }, modifier(phrase), source)
                }
                if let day = resolved.day {
                    if phrase.isExplicitFullDate { context.explicitFullDate = day }
                    context.lastDay = day
                }

            case let .range(first, second):
                guard let resolvedYear = year(of: first) else { break }
                var end = second
                if end.month == nil, end.day != nil { end.month = first.month }
                var endYear: Int? = nil
                if let startYear = resolvedYear.value {
                    switch end.year {
                    case let .explicit(year)?: endYear = year
                    case let .following(offset)?: endYear = startYear + offset
                    case let .relative(offset)?: endYear = referenceYear.map { $0.value + offset }
                    case nil:
                        // 12月至2月: a range that runs backwards wraps into the next year.
                        let wraps = (end.month ?? 0, end.day ?? 0) < (first.month ?? 0, first.day ?? 0)
                        endYear = startYear + (wraps ? 1 : 0)
                    }
                }
                guard let start = resolve(first, year: resolvedYear.value), let finish = resolve(end, year: endYear) else {
                    impossible("an end of the range is not a calendar day")
                    break
                }
                mention(.range, start.value + "/" + finish.value, start.interval.map { start.iso($0.first) }, finish.interval.map { finish.iso($0.last) }, nil, resolvedYear.source)
                if let day = start.day {
                    if first.isExplicitFullDate { context.explicitFullDate = day }
                    context.lastDay = finish.day ?? day
                }
            }
        }
        return (mentions, diagnostics)
    }

    private func modifier(_ phrase: DatePhrase) -> DateMention.Modifier? {
        if case let .tenDays(part)? = phrase.monthPart { return part == 1 ? .START : part == 2 ? .MID : .END }
        if phrase.month == nil {
            switch phrase.yearPart {
            case .start?: return .START
            case .middle?: return .MID
            case .end?: return .END
            default: return nil
            }
        }
        return nil
    }

    /// The value and interval of one phrase in a known (or unknown, nil) year; nil when the day
    /// does not exist in that year (2023年2月29日).
    private func resolve(_ phrase: DatePhrase, year: Int?) -> Resolved? {
        // Built only where a value uses them: a date with a year and a day is `date.iso`.
        var yearText: String { year.map { CalendarDay.pad($0, 4) } ?? "XXXX" }
        if let month = phrase.month {
            var monthText: String { year.map { CalendarDay.isoMonth($0, month) } ?? yearText + "-" + CalendarDay.pad(month, 2) }
            if let day = phrase.day {
                guard day <= CalendarDay.length(ofMonth: month, in: year) else { return nil }
                guard let year else { return Resolved(value: monthText + "-" + CalendarDay.pad(day, 2)) }
                let date = CalendarDay(year: year, month: month, day: day)
                return Resolved(value: date.iso, interval: .day(date), day: date)
            }
            switch phrase.monthPart {
            case .lastDay?:
                guard let year else { return Resolved(value: monthText + "-" + CalendarDay.pad(CalendarDay.length(ofMonth: month, in: nil), 2)) }
                let date = CalendarDay(year: year, month: month, day: CalendarDay.length(ofMonth: month, in: year))
                return Resolved(value: date.iso, interval: .day(date), day: date)
            case let .tenDays(part)?:
                guard let year else { return Resolved(value: monthText) }
                let last = part == 3 ? CalendarDay.length(ofMonth: month, in: year) : part * 10
                return Resolved(value: monthText, interval: .days(year, month, part * 10 - 9, through: last))
            case nil:
                return Resolved(value: monthText, interval: year.map { .month($0, month) })
            }
        }
        switch phrase.yearPart {
        case let .half(half)?:
            return Resolved(value: yearText + "-H\(half)", interval: year.map { .months($0, half * 6 - 5, through: half * 6) })
        case let .quarter(quarter)?:
            return Resolved(value: yearText + "-Q\(quarter)", interval: year.map { .months($0, quarter * 3 - 2, through: quarter * 3) })
        case let .season(code)?:
            let months = ["SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)][code] ?? (1, 12)
            return Resolved(value: yearText + "-" + code, interval: year.map { .months($0, months.0, through: months.1) })
        case .start?:
            return Resolved(value: yearText, interval: year.map { .months($0, 1, through: 3) })
        case .middle?:
            return Resolved(value: yearText, interval: year.map { .months($0, 4, through: 9) })
        case .end?:
            return Resolved(value: yearText, interval: year.map { .months($0, 10, through: 12) })
        case nil:
            return Resolved(value: yearText, interval: year.map { .year($0) })
        }
    }
}
