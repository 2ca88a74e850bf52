import Extract
import Foundation
import JianbaoCore
import Normalize
import Segment

/// Runs a text the way the pipeline does up to dates: normalise, segment, then extract with
/// the masthead's date and stated year and an optional `--reference-date`.
enum DateRun {
    static func parseDay(_ value: String?) -> (year: Int, month: Int, day: Int)? {
        guard let parts = value?.split(separator: "-").compactMap({ Int($0) }), parts.count == 3 else { return nil }
        return (parts[0], parts[1], parts[2])
    }

    static func extract(_ input: String, referenceDate: String? = nil) -> (
        source: SourceText, dates: [DateMention], durations: [Duration], referenceYear: ReferenceYear?, diagnostics: [Diagnostic]
    ) {
        let source = SourceText(input)
        let text = Normalizer().normalize(source)
        let segmentation = Segmenter().segment(text)
        let anchor = DateAnchor(
            documentDate: parseDay(segmentation.masthead.date?.value), statedYear: segmentation.masthead.statedYear,
            referenceDate: parseDay(referenceDate))
        let result = DateExtractor().extract(text, anchor: anchor, locator: ItemLocator(items: segmentation.items))
        return (source, result.dates, result.durations, result.referenceYear, result.diagnostics)
    }
}
