import CLibXML2
import Foundation
import JianbaoCore

/// The document as XML in jianbao's own namespace, written with libxml2's text writer
/// (SPEC, "XML"). Characters XML 1.0 forbids are replaced by U+FFFD, so every file is
/// well-formed and validates against `Schemas/jianbao-document.xsd`.
public struct XMLDocumentWriter {
    public static let namespace = "urn:jianbao:document:1"

    public init() {}

    public func write(_ document: Document) throws -> String {
        String(decoding: try data(document), as: UTF8.self)
    }

    /// The XML as UTF-8 bytes, copied once out of libxml2's buffer (files are written from
    /// these; making a String of them first cost a validation and a second copy).
    public func data(_ document: Document) throws -> Data {
        guard let buffer = xmlBufferCreate() else { throw EmitError.xml("libxml2 could not allocate a buffer") }
        defer { xmlBufferFree(buffer) }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            throw EmitError.xml("libxml2 could not create a writer")
        }
        var out = XMLOut(writer: writer)
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
        out.check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil))
        out.start("document")
        out.attribute("xmlns", XMLDocumentWriter.namespace)
        out.attribute("schema", document.schema)
        writeSource(document.source, &out)
        writeInfo(document.document, &out)
        out.start("items")
        document.items.forEach { writeItem($0, &out) }
        out.end()
        out.start("units")
        for unit in document.units {
            out.start("unit")
            out.attribute("role", unit.role.rawValue)
            out.attribute("name", unit.name)
            out.optionalAttribute("item", unit.item)
            out.span(unit.span)
            out.text(unit.text)
            out.end()
        }
        out.end()
        out.start("people")
        for person in document.people {
            out.start("person")
            out.attribute("name", person.name)
            out.optionalAttribute("position", person.position)
            out.optionalAttribute("organisation", person.organisation)
            out.attribute("role", person.role.rawValue)
            out.optionalAttribute("item", person.item)
            out.span(person.span)
            out.end()
        }
        out.end()
        out.start("counts")
        for count in document.counts {
            out.start("count")
            out.attribute("value", XMLOut.number(count.value))
            out.optionalAttribute("value-max", count.valueMax.map(XMLOut.number))
            out.attribute("approx", count.approx.rawValue)
            out.attribute("unit", count.unit)
            out.optionalAttribute("object", count.object)
            out.optionalAttribute("item", count.item)
            out.span(count.span)
            out.text(count.text)
            out.end()
        }
        out.end()
        out.start("ratios")
        for ratio in document.ratios {
            out.start("ratio")
            out.attribute("value", XMLOut.number(ratio.value))
            out.optionalAttribute("item", ratio.item)
            out.span(ratio.span)
            out.text(ratio.text)
            out.end()
        }
        out.end()
        out.start("dates")
        for date in document.dates {
            out.start("date")
            out.attribute("type", date.type.rawValue)
            out.attribute("value", date.value)
            out.optionalAttribute("first-day", date.start)
            out.optionalAttribute("last-day", date.end)
            out.optionalAttribute("mod", date.mod?.rawValue)
            out.optionalAttribute("year-source", date.yearSource?.rawValue)
            out.optionalAttribute("item", date.item)
            out.span(date.span)
            out.text(date.text)
            out.end()
        }
        out.end()
        out.start("durations")
        for duration in document.durations {
            out.start("duration")
            out.attribute("value", duration.value)
            out.optionalAttribute("item", duration.item)
            out.span(duration.span)
            out.text(duration.text)
            out.end()
        }
        out.end()
        out.start("diagnostics")
        for diagnostic in document.diagnostics {
            out.start("diagnostic")
            out.attribute("level", diagnostic.level.rawValue)
            out.attribute("code", diagnostic.code)
            if let span = diagnostic.span { out.span(span) }
            out.text(diagnostic.message)
            out.end()
        }
        out.end()
        out.end()  // document
        out.check(xmlTextWriterEndDocument(writer))
        xmlFreeTextWriter(writer)
        if let failure = out.failure { throw EmitError.xml(failure) }
        guard let content = xmlBufferContent(buffer) else { throw EmitError.xml("libxml2 wrote nothing") }
        return Data(bytes: content, count: Int(xmlBufferLength(buffer)))
    }

    private func writeSource(_ source: SourceInfo, _ out: inout XMLOut) {
        out.start("source")
        out.attribute("path", source.path)
        out.attribute("sha256", source.sha256)
        out.attribute("bytes", String(source.bytes))
        out.attribute("encoding", source.encoding)
        out.attribute("characters", String(source.characters))
        out.end()
    }

    private func writeInfo(_ info: DocumentInfo, _ out: inout XMLOut) {
        out.start("info")
        out.attribute("kind", info.kind)
        if let title = info.title { out.element("title", title) }
        if let issue = info.issue {
            out.start("issue")
            if let number = issue.number { out.attribute("number", String(number)) }
            out.span(issue.span)
            out.text(issue.text)
            out.end()
        }
        if let issuer = info.issuer { out.element("issuer", issuer) }
        if let date = info.date {
            out.start("date")
            out.attribute("value", date.value)
            out.span(date.span)
            out.text(date.text)
            out.end()
        }
        if let year = info.referenceYear {
            out.start("reference-year")
            out.attribute("value", String(year.value))
            out.attribute("source", year.source.rawValue)
            out.end()
        }
        info.fields.forEach { writeField($0, &out) }
        out.end()
    }

    private func writeField(_ field: Field, _ out: inout XMLOut) {
        out.start("field")
        out.attribute("name", field.name)
        out.span(field.span)
        out.text(field.value)
        out.end()
    }

    private func writeItem(_ item: Item, _ out: inout XMLOut) {
        out.start("item")
        out.attribute("id", item.id)
        out.attribute("label", item.label)
        out.attribute("marker", item.marker)
        out.attribute("level", String(item.level))
        out.attribute("kind", item.kind)
        out.span(item.span)
        out.element("title", item.title)
        item.fields.forEach { writeField($0, &out) }
        item.children.forEach { writeItem($0, &out) }
        out.end()
    }
}

/// Thin, failure-recording calls on an `xmlTextWriterPtr`.
struct XMLOut {
    let writer: xmlTextWriterPtr
    var failure: String?

    mutating func check(_ status: Int32, _ what: String = "write") {
        if status < 0 && failure == nil { failure = "libxml2 failed to \(what)" }
    }

    mutating func start(_ name: String) {
        let status = XMLOut.withXMLChars(name) { xmlTextWriterStartElement(writer, $0) }
        check(status, "open <\(name)>")
    }
    mutating func end() { check(xmlTextWriterEndElement(writer), "close an element") }

    mutating func attribute(_ name: String, _ value: String) {
        let status = XMLOut.withXMLChars(name) { name in
            XMLOut.withXMLChars(XMLOut.clean(value)) { xmlTextWriterWriteAttribute(writer, name, $0) }
        }
        check(status, "write @\(name)")
    }

    /// The string as the NUL-terminated UTF-8 libxml2 takes, without a copy for a native
    /// String (the implicit String-to-pointer conversion made an array for every attribute).
    static func withXMLChars<Result>(_ string: String, _ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
        string.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }

    mutating func optionalAttribute(_ name: String, _ value: String?) {
        if let value { attribute(name, value) }
    }

    mutating func span(_ span: SourceSpan) {
        attribute("start", String(span.start))
        attribute("end", String(span.end))
    }

    mutating func text(_ value: String) {
        let status = XMLOut.withXMLChars(XMLOut.clean(value)) { xmlTextWriterWriteString(writer, $0) }
        check(status, "write text")
    }

    mutating func element(_ name: String, _ value: String) {
        start(name)
        text(value)
        end()
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// XML 1.0 allows tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and the supplementary planes.
    static func clean(_ value: String) -> String {
        guard mayHaveForbidden(value) else { return value }
        guard value.unicodeScalars.contains(where: { !isAllowed($0) }) else { return value }
        var view = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            view.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
        }
        return String(view)
    }

    /// A byte-level first look: in UTF-8 a forbidden character is a control byte other than
    /// tab, LF and CR, or U+FFFE/U+FFFF, whose encodings start EF BF (a String holds no
    /// surrogates). Almost every value has neither, and is passed on as it is.
    static func mayHaveForbidden(_ value: String) -> Bool {
        var copy = value
        return copy.withUTF8 { bytes in
            for index in bytes.indices where bytes[index] < 0x20 || bytes[index] == 0xEF {
                let byte = bytes[index]
                if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
                // EF BF BE / EF BF BF; other EF sequences (full-width ，：（） …) are allowed.
                if byte == 0xEF && !(index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE) {
                    continue
                }
                return true
            }
            return false
        }
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}

public enum EmitError: Error, CustomStringConvertible {
    case xml(String)
    case invalid(String)

    public var description: String {
        switch self {
        case let .xml(message): return "XML: \(message)"
        case let .invalid(message): return message
        }
    }
}
