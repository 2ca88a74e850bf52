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
        let starts = DateStarts.shared
        var candidates = StartCandidates(starts.anyCandidates)
        // Unchecked reads: the loop visits every scalar of the text, and bounds checks were a
        // good part of its cost.
        text.scalars.withUnsafeBufferPointer { raw in
            var index = 0
            var blockStart = 0
            while blockStart < raw.count {
                let blockEnd = min(raw.count, blockStart + StartCandidates.blockSize)
                let gathered = candidates.gather(in: blockStart..<blockEnd, of: raw)
                // Most positions start nothing; only the candidates (see `DateStarts`) are
                // visited, minus those a finding already covers.
                for k in 0..<gathered {
                    let candidate = candidates[k]
                    guard candidate >= index else { continue }
                    index = candidate
                    let scalar = raw[index]
                    // Beyond the BMP every scalar is a candidate; the set decides.
                    guard scalar.value < 0x10000 || starts.any.contains(scalar) else {
                        index += 1
                        continue
                    }
                    // The inside of numbers (the 023 of 2023), where no numeral starts.
                    guard index == 0 || !starts.continuesNumeral(raw[index - 1], scalar) else {
                        index += 1
                        continue
                    }
                    // Where to go on when nothing starts here: past the rest of a numeral's run,
                    // whose scalars continue it and start nothing (`continuesNumeral`).
                    var nothingStartsUntil = index + 1
                    // A numeral followed by nothing a date or a duration needs (15个, 三项).
                    if starts.numeral.contains(scalar) {
                        if !starts.words.contains(scalar) {
                            // Most numerals (一 of 一是, 进一步) stand before a scalar that
                            // `numeralLeadsOn` would turn away at once.
                            if index + 1 < raw.count, !starts.mayFollowNumeral.contains(raw[index + 1]) {
                                index += 1
                                continue
                            }
                            let (leadsOn, end) = starts.numeralLeadsOn(scalars, at: index)
                            if starts.numeralsStartNoWord { nothingStartsUntil = max(end, nothingStartsUntil) }
                            if !leadsOn {
                                index = nothingStartsUntil
                                continue
                            }
                        }
                    } else if !starts.wordLeadsOn(scalars, at: index) {
                        // A word scalar (上, 年, 自) where no date word starts.
                        index += 1
                        continue
                    }
                    if let found = dates.finding(at: index) {
                        dateFindings.append(found)
                        index = max(found.range.upperBound, index + 1)
                    } else if starts.duration.contains(scalar), let found = durations.finding(at: index) {
                        durationFindings.append(found)
                        index = max(found.range.upperBound, index + 1)
                    } else {
                        index = nothingStartsUntil
                    }
                }
                // A finding may run past the block: the next block starts after it.
                blockStart = max(blockEnd, index)
            }
        }
        return (dateFindings, durationFindings)
    }
}
