import Foundation
import JianbaoCore

/// Writes a document as JSON text, keys in SPEC order (SPEC, "One document"), straight from the
/// typed model into UTF-8 bytes.
///
/// The text is exactly what `JSONTextWriter().write(DocumentJSON.encode(document))` gives, which
/// stays as the readable reference (the tests compare the two). Its layout rule, spelled out per
/// type here: an object whose values are all scalars, spans or lists of scalars is "flat" and
/// goes on one line; any other object or non-empty list goes one member per line, two spaces
/// deeper. So every entity is one line, and an item spreads over lines only when it has fields
/// or children.
public struct DocumentJSONWriter {
    public init() {}

    /// The document over many lines, ending with a newline.
    public func write(_ document: Document) -> String {
        encode(document, .lines(indent: 0)).text()
    }

    /// The document on one line, ending with a newline (for `--format jsonl`).
    public func writeLine(_ document: Document) -> String {
        encode(document, .oneLine).text()
    }

    /// The UTF-8 of `write(document)`, for callers that write files: no String to build and
    /// check, and no copy.
    public func data(_ document: Document) -> Data {
        encode(document, .lines(indent: 0)).data()
    }

    /// The UTF-8 of `writeLine(document)`.
    public func lineData(_ document: Document) -> Data {
        encode(document, .oneLine).data()
    }

    private func encode(_ document: Document, _ layout: JSONLayout) -> JSONBytes {
        var out = JSONBytes(capacity: Self.estimatedSize(document))
        self.document(document, layout, into: &out)
        out.newlineAtEnd()
        return out
    }

    /// Enough room for nearly every document, so the buffer is not copied while it grows.
    /// Measured on the bench corpus: the text is about the source's size (items repeat its
    /// titles and fields) plus about a hundred bytes of keys, span and indentation per entity;
    /// this estimate is above that for all but one of its 150 documents.
    static func estimatedSize(_ document: Document) -> Int {
        let entities = document.units.count + document.people.count + document.counts.count + document.ratios.count
            + document.dates.count + document.durations.count + document.diagnostics.count
        return 4096 + 3 * document.source.bytes / 2 + 120 * entities
    }

    private func document(_ document: Document, _ layout: JSONLayout, into out: inout JSONBytes) {
        let member = layout.nested
        out.openObject()
        out.key("schema", layout)
        out.string(document.schema)
        out.key("source", layout)
        source(document.source, into: &out)
        out.key("document", layout)
        info(document.document, member, into: &out)
        out.key("items", layout)
        list(document.items, member, into: &out) { item($0, member.nested, into: &$1) }
        out.key("units", layout)
        list(document.units, member, into: &out, unit)
        out.key("people", layout)
        list(document.people, member, into: &out, person)
        out.key("counts", layout)
        list(document.counts, member, into: &out, count)
        out.key("ratios", layout)
        list(document.ratios, member, into: &out, ratio)
        out.key("dates", layout)
        list(document.dates, member, into: &out, date)
        out.key("durations", layout)
        list(document.durations, member, into: &out, duration)
        out.key("diagnostics", layout)
        list(document.diagnostics, member, into: &out, diagnostic)
        out.closeObject(layout)
    }

    /// A list with `layout`, each element written by `write`.
    private func list<Element>(
        _ elements: [Element], _ layout: JSONLayout, into out: inout JSONBytes, _ write: (Element, inout JSONBytes) -> Void
    ) {
        out.openArray()
        // Elements are borrowed from the array's storage: `for element in elements` copied
        // each one, retaining and releasing every string it holds.
        elements.withUnsafeBufferPointer { elements in
            for index in elements.indices {
                out.element(layout)
                write(elements[index], &out)
            }
        }
        out.closeArray(layout)
    }

    private func span(_ span: SourceSpan?, into out: inout JSONBytes) {
        guard let span else { return out.null() }
        out.literal("{\"start\": ")
        out.int(span.start)
        out.literal(", \"end\": ")
        out.int(span.end)
        out.literal("}")
    }

    private func source(_ source: SourceInfo, into out: inout JSONBytes) {
        out.openObject()
        out.key("path", .oneLine)
        out.string(source.path)
        out.key("sha256", .oneLine)
        out.string(source.sha256)
        out.key("bytes", .oneLine)
        out.int(source.bytes)
        out.key("encoding", .oneLine)
        out.string(source.encoding)
        out.key("characters", .oneLine)
        out.int(source.characters)
        out.closeObject(.oneLine)
    }

    private func info(_ info: DocumentInfo, _ layout: JSONLayout, into out: inout JSONBytes) {
        // Flat unless an issue or date (each holding a span object) or a field list is present.
        let layout = info.issue == nil && info.date == nil && info.fields.isEmpty ? .oneLine : layout
        out.openObject()
        out.key("title", layout)
        out.string(info.title)
        out.key("kind", layout)
        out.string(info.kind)
        out.key("issue", layout)
        if let issue = info.issue {
            out.openObject()
            out.key("text", .oneLine)
            out.string(issue.text)
            out.key("number", .oneLine)
            if let number = issue.number { out.int(number) } else { out.null() }
            out.key("span", .oneLine)
            span(issue.span, into: &out)
            out.closeObject(.oneLine)
        } else {
            out.null()
        }
        out.key("issuer", layout)
        out.string(info.issuer)
        out.key("date", layout)
        if let date = info.date {
            out.openObject()
            out.key("text", .oneLine)
            out.string(date.text)
            out.key("value", .oneLine)
            out.string(date.value)
            out.key("span", .oneLine)
            span(date.span, into: &out)
            out.closeObject(.oneLine)
        } else {
            out.null()
        }
        out.key("reference_year", layout)
        if let year = info.referenceYear {
            out.openObject()
            out.key("value", .oneLine)
            out.int(year.value)
            out.key("source", .oneLine)
            out.string(year.source.rawValue)
            out.closeObject(.oneLine)
        } else {
            out.null()
        }
        out.key("fields", layout)
        list(info.fields, layout.nested, into: &out, field)
        out.closeObject(layout)
    }

    private func field(_ field: Field, into out: inout JSONBytes) {
        out.literal("{\"name\": ")
        out.string(field.name)
        out.literal(", \"value\": ")
        out.string(field.value)
        out.literal(", \"span\": ")
        span(field.span, into: &out)
        out.literal("}")
    }

    private func item(_ item: Item, _ layout: JSONLayout, into out: inout JSONBytes) {
        // Flat, so one line, unless it holds fields or children (lists of objects).
        let layout = item.fields.isEmpty && item.children.isEmpty ? .oneLine : layout
        let member = layout.nested
        out.openObject()
        out.key("id", layout)
        out.string(item.id)
        out.key("path", layout)
        list(item.path, member, into: &out) { $1.string($0) }
        out.key("label", layout)
        out.string(item.label)
        out.key("marker", layout)
        out.string(item.marker)
        out.key("level", layout)
        out.int(item.level)
        out.key("kind", layout)
        out.string(item.kind)
        out.key("title", layout)
        out.string(item.title)
        out.key("fields", layout)
        list(item.fields, member, into: &out, field)
        out.key("span", layout)
        span(item.span, into: &out)
        out.key("children", layout)
        list(item.children, member, into: &out) { self.item($0, member.nested, into: &$1) }
        out.closeObject(layout)
    }

    // The entities below are always flat: one line each, their keys and separators written
    // as literals.

    private func unit(_ unit: OrganisationUnit, into out: inout JSONBytes) {
        out.literal("{\"text\": ")
        out.string(unit.text)
        out.literal(", \"name\": ")
        out.string(unit.name)
        out.literal(", \"role\": ")
        out.string(unit.role.rawValue)
        out.literal(", \"item\": ")
        out.string(unit.item)
        out.literal(", \"span\": ")
        span(unit.span, into: &out)
        out.literal("}")
    }

    private func person(_ person: Person, into out: inout JSONBytes) {
        out.literal("{\"name\": ")
        out.string(person.name)
        out.literal(", \"position\": ")
        out.string(person.position)
        out.literal(", \"organisation\": ")
        out.string(person.organisation)
        out.literal(", \"role\": ")
        out.string(person.role.rawValue)
        out.literal(", \"item\": ")
        out.string(person.item)
        out.literal(", \"span\": ")
        span(person.span, into: &out)
        out.literal("}")
    }

    private func count(_ count: Count, into out: inout JSONBytes) {
        out.literal("{\"text\": ")
        out.string(count.text)
        out.literal(", \"value\": ")
        out.number(count.value)
        out.literal(", \"value_max\": ")
        out.number(count.valueMax)
        out.literal(", \"approx\": ")
        out.string(count.approx.rawValue)
        out.literal(", \"unit\": ")
        out.string(count.unit)
        out.literal(", \"object\": ")
        out.string(count.object)
        out.literal(", \"item\": ")
        out.string(count.item)
        out.literal(", \"span\": ")
        span(count.span, into: &out)
        out.literal("}")
    }

    private func ratio(_ ratio: Ratio, into out: inout JSONBytes) {
        out.literal("{\"text\": ")
        out.string(ratio.text)
        out.literal(", \"value\": ")
        out.number(ratio.value)
        out.literal(", \"item\": ")
        out.string(ratio.item)
        out.literal(", \"span\": ")
        span(ratio.span, into: &out)
        out.literal("}")
    }

    private func date(_ date: DateMention, into out: inout JSONBytes) {
        out.literal("{\"text\": ")
        out.string(date.text)
        out.literal(", \"type\": ")
        out.string(date.type.rawValue)
        out.literal(", \"value\": ")
        out.string(date.value)
        out.literal(", \"start\": ")
        out.string(date.start)
        out.literal(", \"end\": ")
        out.string(date.end)
        out.literal(", \"mod\": ")
        out.string(date.mod?.rawValue)
        out.literal(", \"year_source\": ")
        out.string(date.yearSource?.rawValue)
        out.literal(", \"item\": ")
        out.string(date.item)
        out.literal(", \"span\": ")
        span(date.span, into: &out)
        out.literal("}")
    }

    private func duration(_ duration: Duration, into out: inout JSONBytes) {
        out.literal("{\"text\": ")
        out.string(duration.text)
        out.literal(", \"value\": ")
        out.string(duration.value)
        out.literal(", \"item\": ")
        out.string(duration.item)
        out.literal(", \"span\": ")
        span(duration.span, into: &out)
        out.literal("}")
    }

    private func diagnostic(_ diagnostic: Diagnostic, into out: inout JSONBytes) {
        out.literal("{\"level\": ")
        out.string(diagnostic.level.rawValue)
        out.literal(", \"code\": ")
        out.string(diagnostic.code)
        out.literal(", \"message\": ")
        out.string(diagnostic.message)
        out.literal(", \"span\": ")
        span(diagnostic.span, into: &out)
        out.literal("}")
    }
}
