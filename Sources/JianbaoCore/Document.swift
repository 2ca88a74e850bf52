/// One converted bulletin: the contract of SPEC "One document". JSON, XML and CSV all carry
/// exactly these fields; decoding is strict so `jianbao validate` can check a file against it.
public struct Document: Codable, Sendable, Equatable {
    public static let schemaName = "jianbao.document/1"

    public var schema: String
    public var source: SourceInfo
    public var document: DocumentInfo
    public var items: [Item]
    public var units: [OrganisationUnit]
    public var people: [Person]
    public var counts: [Count]
    public var ratios: [Ratio]
    public var dates: [DateMention]
    public var durations: [Duration]
    public var diagnostics: [Diagnostic]

    public init(
        source: SourceInfo, document: DocumentInfo, items: [Item] = [], units: [OrganisationUnit] = [],
        people: [Person] = [], counts: [Count] = [], ratios: [Ratio] = [], dates: [DateMention] = [],
        durations: [Duration] = [], diagnostics: [Diagnostic] = []
    ) {
        self.schema = Document.schemaName
        self.source = source
        self.document = document
        self.items = items
        self.units = units
        self.people = people
        self.counts = counts
        self.ratios = ratios
        self.dates = dates
        self.durations = durations
        self.diagnostics = diagnostics
    }

    /// Every item in document order, parents before their children.
    public var flattenedItems: [Item] {
        var result: [Item] = []
        func visit(_ item: Item) {
            result.append(item)
            item.children.forEach(visit)
        }
        items.forEach(visit)
        return result
    }
}

/// Where the document came from and how it was decoded.
public struct SourceInfo: Codable, Sendable, Equatable {
    public var path: String
    public var sha256: String
    public var bytes: Int
    public var encoding: String
    /// Unicode scalars of the decoded text: the length that spans index into.
    public var characters: Int

    public init(path: String, sha256: String, bytes: Int, encoding: String, characters: Int) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
        self.encoding = encoding
        self.characters = characters
    }
}

/// The masthead: what the document is, which issue, who issued it and when.
public struct DocumentInfo: Codable, Sendable, Equatable {
    public var title: String?
    public var kind: String
    public var issue: Issue?
    public var issuer: String?
    public var date: DocumentDate?
    public var referenceYear: ReferenceYear?
    public var fields: [Field]

    public init(
        title: String? = nil, kind: String = "bulletin", issue: Issue? = nil, issuer: String? = nil,
        date: DocumentDate? = nil, referenceYear: ReferenceYear? = nil, fields: [Field] = []
    ) {
        self.title = title
        self.kind = kind
        self.issue = issue
        self.issuer = issuer
        self.date = date
        self.referenceYear = referenceYear
        self.fields = fields
    }

    enum CodingKeys: String, CodingKey {
        case title, kind, issue, issuer, date, fields
        case referenceYear = "reference_year"
    }
}

/// 第 41 期 → text "第 41 期", number 41.
public struct Issue: Codable, Sendable, Equatable {
    public var text: String
    public var number: Int?
    public var span: SourceSpan

    public init(text: String, number: Int?, span: SourceSpan) {
        self.text = text
        self.number = number
        self.span = span
    }
}

/// The document's own date: 2024 年 10 月 23 日 → 2024-10-23.
public struct DocumentDate: Codable, Sendable, Equatable {
    public var text: String
    public var value: String
    public var span: SourceSpan

    public init(text: String, value: String, span: SourceSpan) {
        self.text = text
        self.value = value
        self.span = span
    }
}

/// The year that year-less dates resolve against, and where it came from.
public struct ReferenceYear: Codable, Sendable, Equatable {
    public enum Source: String, Codable, Sendable {
        /// The document's own date or the year it states it is about (2023年度工作要点).
        case document
        /// `--reference-date` given on the command line.
        case reference
    }

    public var value: Int
    public var source: Source

    public init(value: Int, source: Source) {
        self.value = value
        self.source = source
    }
}

/// A labelled field: 申报单位：省人大常委会办公厅, (漯河市人大常委会代表工委供稿), 送：….
public struct Field: Codable, Sendable, Equatable {
    public var name: String
    public var value: String
    public var span: SourceSpan

    public init(name: String, value: String, span: SourceSpan) {
        self.name = name
        self.value = value
        self.span = span
    }
}
