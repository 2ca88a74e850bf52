import JianbaoCore

/// The CSV tables of SPEC "CSV": RFC 4180, UTF-8 with a byte-order mark (Excel and WPS then
/// read Chinese correctly), one header row; every row starts with the document's path, the
/// item id and the span, then the kind's own fields.
public enum CSVTable: String, CaseIterable, Sendable {
    case items, units, people, counts, ratios, dates, durations

    public static let byteOrderMark = "\u{FEFF}"

    var ownColumns: [String] {
        switch self {
        case .items: return ["label", "marker", "level", "kind", "title", "fields"]
        case .units: return ["text", "name", "role"]
        case .people: return ["name", "position", "organisation", "role"]
        case .counts: return ["text", "value", "value_max", "approx", "unit", "object"]
        case .ratios: return ["text", "value"]
        case .dates: return ["text", "type", "value", "start", "end", "mod", "year_source"]
        case .durations: return ["text", "value"]
        }
    }

    public var header: [String] { ["path", "item", "span_start", "span_end"] + ownColumns }

    /// The rows of one document for this table (no header).
    public func rows(_ document: Document) -> [[String]] {
        let path = document.source.path
        func row(_ item: String?, _ span: SourceSpan, _ fields: [String]) -> [String] {
            [path, item ?? "", String(span.start), String(span.end)] + fields
        }
        switch self {
        case .items:
            return document.flattenedItems.map { item in
                let fields = item.fields.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
                return row(item.id, item.span, [item.label, item.marker, String(item.level), item.kind, item.title, fields])
            }
        case .units:
            return document.units.map { row($0.item, $0.span, [$0.text, $0.name, $0.role.rawValue]) }
        case .people:
            return document.people.map { row($0.item, $0.span, [$0.name, $0.position ?? "", $0.organisation ?? "", $0.role.rawValue]) }
        case .counts:
            return document.counts.map {
                row($0.item, $0.span, [$0.text, CSVTable.number($0.value), $0.valueMax.map(CSVTable.number) ?? "", $0.approx.rawValue, $0.unit, $0.object ?? ""])
            }
        case .ratios:
            return document.ratios.map { row($0.item, $0.span, [$0.text, CSVTable.number($0.value)]) }
        case .dates:
            return document.dates.map {
                row($0.item, $0.span, [$0.text, $0.type.rawValue, $0.value, $0.start ?? "", $0.end ?? "", $0.mod?.rawValue ?? "", $0.yearSource?.rawValue ?? ""])
            }
        case .durations:
            return document.durations.map { row($0.item, $0.span, [$0.text, $0.value]) }
        }
    }

    /// The whole table over several documents, with BOM and header.
    public func render(_ documents: [Document]) -> String {
        var out = CSVTable.byteOrderMark
        out += CSVTable.line(header)
        for document in documents {
            for fields in rows(document) { out += CSVTable.line(fields) }
        }
        return out
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// One RFC 4180 record: fields quoted when they hold a comma, quote or line break; CRLF.
    static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    static func quote(_ field: String) -> String {
        var needsQuotes = false
        for scalar in field.unicodeScalars where scalar == "," || scalar == "\"" || scalar == "\n" || scalar == "\r" {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
