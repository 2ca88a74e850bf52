import Extract
import Foundation
import Ingest
import JianbaoCore
import Normalize
import Segment

/// The whole conversion of one input, stage by stage: Ingest → Normalize → Segment → Extract,
/// then the entities are tied to their items and their `text` set to the exact source slice.
///
///     let document = try Pipeline().convert(path: "Fixtures/001_26312a3258f39266.txt")
public struct Pipeline: Sendable {
    public var options: PipelineOptions

    public init(options: PipelineOptions = PipelineOptions()) {
        self.options = options
    }

    /// Reads and converts a file; every failure is a `ConversionError` naming the file.
    public func convert(path: String) throws -> Document {
        // The bytes are a temporary: they are freed once decoded, before the stages run (a
        // large document's bytes would otherwise sit beside its text through the whole run).
        try convert(decode(InputFile.read(path: path, maxBytes: options.maxBytes), path: path))
    }

    /// `sha256`: the bytes' hash, when the caller has computed it already.
    public func convert(bytes: [UInt8], path: String, sha256: String? = nil) throws -> Document {
        try convert(decode(bytes, path: path, sha256: sha256))
    }

    func decode(_ bytes: [UInt8], path: String, sha256: String? = nil) throws -> DecodedSource {
        do {
            return try Ingestor(maxBytes: options.maxBytes).decode(bytes, path: path, sha256: sha256)
        } catch let error as IngestError {
            throw ConversionError(path: path, reason: error.description)
        }
    }

    /// Runs the stages after Ingest. Never throws: whatever decodes is text jianbao can read.
    public func convert(_ source: DecodedSource) -> Document {
        let (segmentation, extracted) = extract(source.text)
        return assemble(source, segmentation, extracted)
    }

    /// The last step of a conversion: the entities tied to their items, their `text` set to the
    /// exact source slice, and the document put together. Public so that the bench can time it
    /// on its own.
    /// `extracted` is consumed: its lists are finished in place, not copied first while the
    /// caller still holds them.
    public func assemble(_ source: DecodedSource, _ segmentation: Segmentation, _ extracted: consuming Extraction) -> Document {
        var found = consume extracted
        let masthead = segmentation.masthead
        let locator = ItemLocator(items: segmentation.items)
        let slice = EntityFinisher(source: source.text, locator: locator)
        // The masthead's issue and date are spanned texts too: their `text` is the source slice
        // (第 ４１ 期 stays full-width there; the number and the value are the folded reading).
        var issue = masthead.issue
        issue?.text = source.text.slice(masthead.issue?.span ?? SourceSpan(start: 0, end: 0))
        var date = masthead.date
        date?.text = source.text.slice(masthead.date?.span ?? SourceSpan(start: 0, end: 0))
        slice.finish(&found.units)
        slice.people(&found.people)
        slice.finish(&found.counts)
        slice.finish(&found.ratios)
        slice.finish(&found.dates)
        slice.finish(&found.durations)
        let info = DocumentInfo(
            title: masthead.title, kind: masthead.kind, issue: issue, issuer: masthead.issuer,
            date: date, referenceYear: found.referenceYear, fields: segmentation.documentFields)
        return Document(
            source: source.info,
            document: info,
            items: segmentation.items,
            units: found.units,
            people: found.people,
            counts: found.counts,
            ratios: found.ratios,
            dates: found.dates,
            durations: found.durations,
            diagnostics: (source.diagnostics + segmentation.diagnostics + found.diagnostics)
                .sorted { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) })
    }
}

extension Pipeline {
    /// Normalize, Segment and Extract. The working text lives only in here, so it is freed
    /// before the entities are finished and emitted (a large document's biggest array).
    func extract(_ source: SourceText) -> (Segmentation, Extraction) {
        let text = Normalizer().normalize(source)
        let segmentation = Segmenter().segment(text)
        let dates = DateExtractor().extract(text, anchor: dateAnchor(segmentation.masthead), locator: ItemLocator(items: segmentation.items))
        let counts = CountExtractor().extract(text)
        let units = UnitExtractor().extract(text, items: segmentation.items, masthead: MastheadFacts(segmentation))
        return (segmentation, Extraction(dates: dates, counts: counts, units: units))
    }

    /// What year-less dates are anchored on: the masthead's date and stated year, else
    /// `--reference-date`.
    public func dateAnchor(_ masthead: Masthead) -> DateAnchor {
        DateAnchor(
            documentDate: masthead.date.flatMap { CalendarDay.parse($0.value) },
            statedYear: masthead.statedYear,
            referenceDate: options.referenceDate)
    }
}

extension MastheadFacts {
    /// What the unit rules take from the masthead and the document's fields.
    public init(_ segmentation: Segmentation) {
        self.init(
            issuer: segmentation.masthead.issuer, issuerSpan: segmentation.masthead.issuerSpan,
            documentFields: segmentation.documentFields)
    }
}

/// How a conversion runs: limits and the fallback reference date.
public struct PipelineOptions: Sendable {
    /// `--reference-date`: anchors year-less dates when the document states no date of its own.
    public var referenceDate: (year: Int, month: Int, day: Int)?
    /// Inputs above this many bytes are refused (`--max-bytes`).
    public var maxBytes: Int

    public init(referenceDate: (year: Int, month: Int, day: Int)? = nil, maxBytes: Int = Ingestor.defaultMaxBytes) {
        self.referenceDate = referenceDate
        self.maxBytes = maxBytes
    }
}

/// One input that could not be converted, with the reason, as one line.
public struct ConversionError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

/// YYYY-MM-DD, checked against the calendar.
public enum CalendarDay {
    public static func parse(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2]), (1...12).contains(month), day >= 1, day <= daysIn(year: year, month: month)
        else { return nil }
        return (year, month, day)
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
