/// An organisation named as an actor, with its role (SPEC, "Units").
///
///     申报单位：省人大常委会办公厅 → text 省人大常委会办公厅, name 河南省人民代表大会常务委员会办公厅, role declarer
public struct OrganisationUnit: Codable, Sendable, Equatable {
    public enum Role: String, Codable, Sendable, CaseIterable {
        case declarer, contributor, speaker, responsible, issuer, reporter, mentioned
    }

    public var text: String
    public var name: String
    public var role: Role
    public var item: String?
    public var span: SourceSpan

    public init(text: String, name: String, role: Role, item: String?, span: SourceSpan) {
        self.text = text
        self.name = name
        self.role = role
        self.item = item
        self.span = span
    }
}

/// A person named with an organisation: a speaker and position, a reporter.
///
///     周口市人大常委会主任 吴刚 → name 吴刚, position 主任, organisation 周口市人大常委会
public struct Person: Codable, Sendable, Equatable {
    public var name: String
    public var position: String?
    public var organisation: String?
    public var role: OrganisationUnit.Role
    public var item: String?
    public var span: SourceSpan

    public init(
        name: String, position: String?, organisation: String?, role: OrganisationUnit.Role, item: String?,
        span: SourceSpan
    ) {
        self.name = name
        self.position = position
        self.organisation = organisation
        self.role = role
        self.item = item
        self.span = span
    }
}

/// How a count's number relates to the true quantity.
public enum Approximation: String, Codable, Sendable, CaseIterable {
    case exact, over, under, about, range
}

/// A cardinal quantity with its measure word (SPEC, "Counts").
///
///     近2000个项目 → value 2000, approx under, unit 个, object 项目
public struct Count: Codable, Sendable, Equatable {
    public var text: String
    public var value: Double
    public var valueMax: Double?
    public var approx: Approximation
    public var unit: String
    public var object: String?
    public var item: String?
    public var span: SourceSpan

    public init(
        text: String, value: Double, valueMax: Double? = nil, approx: Approximation, unit: String,
        object: String?, item: String?, span: SourceSpan
    ) {
        self.text = text
        self.value = value
        self.valueMax = valueMax
        self.approx = approx
        self.unit = unit
        self.object = object
        self.item = item
        self.span = span
    }

    enum CodingKeys: String, CodingKey {
        case text, value, approx, unit, object, item, span
        case valueMax = "value_max"
    }
}

/// A percentage or fraction, as a decimal: 1/5 → 0.2, 百分之三十 → 0.3.
public struct Ratio: Codable, Sendable, Equatable {
    public var text: String
    public var value: Double
    public var item: String?
    public var span: SourceSpan

    public init(text: String, value: Double, item: String?, span: SourceSpan) {
        self.text = text
        self.value = value
        self.item = item
        self.span = span
    }
}

/// A date, range or recurring date, normalised like TIMEX3 (SPEC, "Dates").
///
///     4月22日至25日 → range 2023-04-22/2023-04-25, year_source context
public struct DateMention: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case date, range, set }
    public enum Modifier: String, Codable, Sendable { case START, MID, END, BEFORE, AFTER, APPROX }
    public enum YearSource: String, Codable, Sendable { case explicit, context, document, reference }

    public var text: String
    public var type: Kind
    public var value: String
    /// First calendar day of the resolved interval (inclusive), null for a set or an open start.
    public var start: String?
    /// Last calendar day of the resolved interval (inclusive), null for a set or an open end.
    public var end: String?
    public var mod: Modifier?
    public var yearSource: YearSource?
    public var item: String?
    public var span: SourceSpan

    public init(
        text: String, type: Kind, value: String, start: String?, end: String?, mod: Modifier?,
        yearSource: YearSource?, item: String?, span: SourceSpan
    ) {
        self.text = text
        self.type = type
        self.value = value
        self.start = start
        self.end = end
        self.mod = mod
        self.yearSource = yearSource
        self.item = item
        self.span = span
    }

    enum CodingKeys: String, CodingKey {
        case text, type, value, start, end, mod, item, span
        case yearSource = "year_source"
    }
}

/// An ISO 8601 duration: 9天 → P9D, 历时7个月 → P7M, 70周年 → P70Y.
public struct Duration: Codable, Sendable, Equatable {
    public var text: String
    public var value: String
    public var item: String?
    public var span: SourceSpan

    public init(text: String, value: String, item: String?, span: SourceSpan) {
        self.text = text
        self.value = value
        self.item = item
        self.span = span
    }
}

/// An extracted entity: exact source text under a span, inside an item.
public protocol SpannedEntity {
    var text: String { get set }
    var item: String? { get set }
    var span: SourceSpan { get }
}

extension OrganisationUnit: SpannedEntity {}
extension Count: SpannedEntity {}
extension Ratio: SpannedEntity {}
extension DateMention: SpannedEntity {}
extension Duration: SpannedEntity {}
