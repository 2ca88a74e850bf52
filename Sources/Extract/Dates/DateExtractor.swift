import JianbaoCore
import Normalize

/// Dates and durations (SPEC, "Dates", "Durations").
///
///     4月22日至25日 → range 2023-04-22/2023-04-25      9天 → P9D
///
/// Find, then resolve: `DateScanner` and `DurationScanner` walk the working text once, left
/// to right, taking the longest date (else duration) at each position; `DateResolver` fills
/// in years and intervals. Year-less dates in a document with no reference year at all are
/// still emitted, with an `XXXX-` value, null start/end and null `year_source`, so a reader
/// sees the mention; 今年 and the like are then skipped, as they say nothing without a year.
public struct DateExtractor: Sendable {
    public init() {}

    /// Dates and durations in the working text, with source spans; `item` is left nil.
    /// `locator` tells which item an offset is in (a year-less date takes its year from the
    /// nearest earlier full date in the same item).
    public func extract(_ text: WorkingText, anchor: DateAnchor, locator: ItemLocator) -> (
        dates: [DateMention], durations: [Duration], referenceYear: ReferenceYear?, diagnostics: [Diagnostic]
    ) {
        let (dateFindings, durationFindings) = find(text)
        let referenceYear = DateResolver.referenceYear(anchor, findings: dateFindings)
        let resolver = DateResolver(text: text, anchor: anchor, locator: locator)
        let (dates, diagnostics) = resolver.resolve(dateFindings, referenceYear: referenceYear)
        let durations = durationFindings.map {
            Duration(text: text.string($0.range), value: $0.value, item: nil, span: text.sourceSpan($0.range))
        }
        return (dates, durations, referenceYear, diagnostics)
    }

    /// The find phase: one pass; a date wins over a duration starting at the same place.
    func find(_ text: WorkingText) -> ([DateFinding], [DurationFinding]) {
        let scalars = DateText(scalars: text.scalars)
        let dates = DateScanner(scalars)
        let durations = DurationScanner(scalars)
        var dateFindings: [DateFinding] = []
        var durationFindings: [DurationFinding] = []
        let raw = text.scalars
        let mayStart = Self.mayStart
        var index = 0
        while index < scalars.count {
            // Most positions start nothing; skip them with one bit test (see `mayStart`).
            guard mayStart.contains(raw[index]) else {
                index += 1
                continue
            }
            if let found = dates.finding(at: index) {
                dateFindings.append(found)
                index = max(found.range.upperBound, index + 1)
            } else if let found = durations.finding(at: index) {
                durationFindings.append(found)
                index = max(found.range.upperBound, index + 1)
            } else {
                index += 1
            }
        }
        return (dateFindings, durationFindings)
    }

    /// The scalars a date or a duration can start with. Every rule of `DateScanner` and
    /// `DurationScanner` begins with one of: a numeral (`DateText.numeral` needs an ASCII digit
    /// or a Han numeral first), 每 (recurring), 第 (第一季度), or the first scalar of a date
    /// word (今年, 上半年, 截至, 自, 从, 月余 …; all kinds are included, which is more than
    /// needed and so safe). At any other position both scanners return nil, so skipping it
    /// changes nothing.
    static let mayStart: ScalarSet = {
        var set = ScalarSet(bmpWhere: { DateText.isASCIIDigit($0) || DateText.isHanNumeral($0) })
        set.insert("每")
        set.insert("第")
        set.formUnion(DateWords.shared.anyStart)
        return set
    }()
}
