import CLibXML2
import Foundation
import JianbaoCore

/// Checks an output file against the contract: XML against the shipped XSD with libxml2, JSON
/// by strict decoding into `Document` (unknown, missing or mistyped fields are errors).
public struct DocumentValidator {
    public init() {}

    /// The shipped schemas, from the Emit resource bundle.
    public static var xsdURL: URL {
        Bundle.module.url(forResource: "jianbao-document", withExtension: "xsd", subdirectory: "Schemas")!
    }

    public static var jsonSchemaURL: URL {
        Bundle.module.url(forResource: "jianbao-document.schema", withExtension: "json", subdirectory: "Schemas")!
    }

    /// Problems found in the file, empty when it is valid.
    public func validate(_ url: URL) -> [String] {
        guard let data = try? Data(contentsOf: url) else { return ["cannot read the file"] }
        let first = data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }
        switch first {
        case UInt8(ascii: "<"): return validateXML(url)
        case UInt8(ascii: "{"): return validateJSON(data)
        default: return ["neither JSON nor XML"]
        }
    }

    public func validateJSON(_ data: Data) -> [String] {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            return ["missing field \(path(context.codingPath + [key]))"]
        } catch let DecodingError.typeMismatch(_, context) {
            return ["wrong type at \(path(context.codingPath)): \(context.debugDescription)"]
        } catch let DecodingError.valueNotFound(_, context) {
            return ["null where a value is required at \(path(context.codingPath))"]
        } catch let DecodingError.dataCorrupted(context) {
            return ["invalid value at \(path(context.codingPath)): \(context.debugDescription)"]
        } catch {
            return ["not JSON: \(error)"]
        }
        guard document.schema == Document.schemaName else { return ["schema is \(document.schema), expected \(Document.schemaName)"] }
        // Strictness: the file must say exactly what the typed model says, no more, no less.
        guard let parsed = try? JSONSerialization.jsonObject(with: data) else { return ["not JSON"] }
        let canonical = DocumentJSONWriter().data(document)
        guard let expected = try? JSONSerialization.jsonObject(with: canonical) else { return ["internal: cannot re-read"] }
        return differences(parsed, expected, at: "$")
    }

    private func differences(_ actual: Any, _ expected: Any, at location: String) -> [String] {
        switch (actual, expected) {
        case let (a as [String: Any], e as [String: Any]):
            var problems: [String] = []
            for key in a.keys.sorted() where e[key] == nil { problems.append("unknown field \(location).\(key)") }
            for key in e.keys.sorted() where a[key] == nil { problems.append("missing field \(location).\(key)") }
            for key in a.keys.sorted() where e[key] != nil {
                problems += differences(a[key]!, e[key]!, at: "\(location).\(key)")
            }
            return problems
        case let (a as [Any], e as [Any]):
            guard a.count == e.count else { return ["\(location) has \(a.count) entries, expected \(e.count)"] }
            return zip(a, e).enumerated().flatMap { differences($1.0, $1.1, at: "\(location)[\($0)]") }
        default:
            return [] // scalars were checked by typed decoding
        }
    }

    private func path(_ keys: [CodingKey]) -> String {
        "$" + keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    public func validateXML(_ url: URL) -> [String] {
        var problems: [String] = []
        let schemaPath = DocumentValidator.xsdURL.path
        guard let parserContext = xmlSchemaNewParserCtxt(schemaPath) else { return ["cannot read the XSD at \(schemaPath)"] }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        guard let schema = xmlSchemaParse(parserContext) else { return ["the XSD at \(schemaPath) does not parse"] }
        defer { xmlSchemaFree(schema) }
        guard let validation = xmlSchemaNewValidCtxt(schema) else { return ["libxml2 could not create a validator"] }
        defer { xmlSchemaFreeValidCtxt(validation) }
        let collector = ErrorCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        xmlSchemaSetValidStructuredErrors(validation, { userData, error in
            guard let userData, let error else { return }
            let collector = Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue()
            let message = error.pointee.message.map { String(cString: $0) } ?? "invalid"
            collector.messages.append("line \(error.pointee.line): " + message.trimmingCharacters(in: .whitespacesAndNewlines))
        }, context)
        let status = xmlSchemaValidateFile(validation, url.path, 0)
        problems += collector.messages
        if status != 0 && problems.isEmpty { problems.append("not well-formed XML or invalid (libxml2 status \(status))") }
        return problems
    }
}

private final class ErrorCollector {
    var messages: [String] = []
}
