import JianbaoCore

/// What Segment hands on: the masthead, the item tree, document-level fields and diagnostics.
public struct Segmentation: Sendable {
    public var masthead: Masthead
    public var items: [Item]
    /// Fields that belong to the whole document (送：/发： footer).
    public var documentFields: [Field]
    /// Speaker lines of speeches and other heading lines later stages read, by item id.
    public var diagnostics: [Diagnostic]
}

/// The document's masthead: title, issue, issuing body and date, with their spans.
public struct Masthead: Sendable, Equatable {
    public var title: String?
    public var kind: String
    public var issue: Issue?
    public var issuer: String?
    public var issuerSpan: SourceSpan?
    public var date: DocumentDate?
    /// A year the document states it is about in its title or part headings (2023 年度工作要点).
    public var statedYear: Int?

    public init(
        title: String? = nil, kind: String = "bulletin", issue: Issue? = nil, issuer: String? = nil,
        issuerSpan: SourceSpan? = nil, date: DocumentDate? = nil, statedYear: Int? = nil
    ) {
        self.title = title
        self.kind = kind
        self.issue = issue
        self.issuer = issuer
        self.issuerSpan = issuerSpan
        self.date = date
        self.statedYear = statedYear
    }
}
