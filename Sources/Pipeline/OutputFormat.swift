import Emit
import Foundation
import JianbaoCore

/// The formats jianbao writes a document in.
public enum OutputFormat: String, CaseIterable, Sendable {
    case json, xml, csv, jsonl

    /// The document rendered in this format. CSV renders one table (`table`).
    public func render(_ document: Document, table: CSVTable = .items) throws -> String {
        switch self {
        case .json: return DocumentJSONWriter().write(document)
        case .jsonl: return DocumentJSONWriter().writeLine(document)
        case .xml: return try XMLDocumentWriter().write(document)
        case .csv: return table.render([document])
        }
    }

    /// The UTF-8 of `render(document, table:)`, for writing to a file: JSON is written as bytes
    /// and handed over without being made a String first.
    public func renderData(_ document: Document, table: CSVTable = .items) throws -> Data {
        switch self {
        case .json: return DocumentJSONWriter().data(document)
        case .jsonl: return DocumentJSONWriter().lineData(document)
        case .xml: return try XMLDocumentWriter().data(document)
        case .csv: return Data(try render(document, table: table).utf8)
        }
    }
}
