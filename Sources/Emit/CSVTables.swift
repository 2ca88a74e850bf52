import JianbaoCore

/// The CSV tables of SPEC "CSV": RFC 4180, UTF-8 with a byte-order mark (Excel and WPS then
/// read Chinese correctly), one header row; every row starts with the document's path, the
/// item id and the span, then the kind's own fields.
///
/// A table is the byte-order mark and header (`appendHeader`) followed by each document's rows
/// (`appendRows`), so a batch can turn each document into bytes as soon as it is converted and
/// put the table together later without holding the documents.
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

    /// The byte-order mark and the header row that open the table.
    public func appendHeader(to buffer: inout CSVRecordBuffer) {
        buffer.append(CSVTable.byteOrderMark.utf8)
        buffer.appendRecord(header)
    }

    /// One document's rows, as records.
    public func appendRows(of document: Document, to buffer: inout CSVRecordBuffer) {
        for fields in rows(document) { buffer.appendRecord(fields) }
    }

    /// The whole table over several documents, with BOM and header.
    public func render(_ documents: [Document]) -> String {
        var buffer = CSVRecordBuffer()
        appendHeader(to: &buffer)
        for document in documents { appendRows(of: document, to: &buffer) }
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
