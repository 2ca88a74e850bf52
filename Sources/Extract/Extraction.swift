import JianbaoCore
import Normalize

/// What the date resolver may anchor year-less dates on, strongest first (SPEC, "Dates").
public struct DateAnchor: Sendable, Equatable {
    /// The document's own date (2024-10-23), when its masthead states one.
    public var documentDate: (year: Int, month: Int, day: Int)?
    /// A year the document says it is about (2023 年度工作要点).
    public var statedYear: Int?
    /// `--reference-date`.
    public var referenceDate: (year: Int, month: Int, day: Int)?

    public init(
        documentDate: (year: Int, month: Int, day: Int)? = nil, statedYear: Int? = nil,
        referenceDate: (year: Int, month: Int, day: Int)? = nil
    ) {
        self.documentDate = documentDate
        self.statedYear = statedYear
        self.referenceDate = referenceDate
    }

    public static func == (lhs: DateAnchor, rhs: DateAnchor) -> Bool {
        lhs.documentDate.map { [$0.year, $0.month, $0.day] } == rhs.documentDate.map { [$0.year, $0.month, $0.day] }
            && lhs.statedYear == rhs.statedYear
            && lhs.referenceDate.map { [$0.year, $0.month, $0.day] } == rhs.referenceDate.map { [$0.year, $0.month, $0.day] }
    }
}

/// Everything Extract found in one document. Entities carry spans into the source; their
/// `item` is filled in by the caller from the item tree.
public struct Extraction: Sendable {
    public var units: [OrganisationUnit] = []
    public var people: [Person] = []
    public var counts: [Count] = []
    public var ratios: [Ratio] = []
    public var dates: [DateMention] = []
    public var durations: [Duration] = []
    public var referenceYear: ReferenceYear?
    public var diagnostics: [Diagnostic] = []

    public init() {}

    /// The three extractors' findings as one, diagnostics in counts, dates, units order.
    public init(
        dates: (dates: [DateMention], durations: [Duration], referenceYear: ReferenceYear?, diagnostics: [Diagnostic]),
        counts: (counts: [Count], ratios: [Ratio], diagnostics: [Diagnostic]),
        units: (units: [OrganisationUnit], people: [Person], diagnostics: [Diagnostic])
    ) {
        (self.units, people) = (units.units, units.people)
        (self.counts, ratios) = (counts.counts, counts.ratios)
        (self.dates, durations, referenceYear) = (dates.dates, dates.durations, dates.referenceYear)
        diagnostics = counts.diagnostics + dates.diagnostics + units.diagnostics
    }
}
